package org.madoguchi.assistant;

import java.util.List;
import java.util.Objects;

/**
 * One FAQ entry (よくある質問): the question as the city wrote it, other phrasings of the same question
 * (written by staff or confirmed by residents' "helpful" feedback) and the answer text.
 */
public record FaqEntry(String id, String question, List<String> alternatives, String answer) {

	public FaqEntry {
		Objects.requireNonNull(id, "id");
		question = question == null ? "" : question;
		alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
		answer = answer == null ? "" : answer;
	}

	public FaqEntry(String id, String question, String answer) {
		this(id, question, List.of(), answer);
	}
}
