package org.madoguchi.procedures;

import java.util.List;

/**
 * The answers of one visible page, ready to show (check-your-answers page, staff review, CSV and email).
 *
 * @param pageId the page's id, e.g. for a 「変更」 link back to it
 * @param title the page title in the requested language
 * @param lines one line per visible field, in page order
 */
public record AnswerSection(String pageId, String title, List<AnswerLine> lines) {

	public AnswerSection {
		lines = List.copyOf(lines);
	}
}
