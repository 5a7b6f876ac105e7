package org.madoguchi.assistant;

import java.util.List;

/**
 * One standard Q&amp;A entry (標準Q&amp;A) as written in {@code assistant/standard/*.yml}.
 *
 * @param procedure the id of an online procedure (オンライン申請) that does what the answer describes, or
 *     {@code null}
 * @param department the desk (担当課) that answers questions about it, with its {@code phone}
 */
public record QaEntry(String id, String category, String question, List<String> alternatives, String answer,
		String url, String procedure, String department, String phone) {

	public QaEntry {
		alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
	}

	FaqEntry toFaq() {
		return new FaqEntry(id, question, alternatives, answer);
	}
}
