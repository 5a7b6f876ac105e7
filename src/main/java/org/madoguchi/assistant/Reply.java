package org.madoguchi.assistant;

import java.util.List;

/**
 * The assistant's reply to one message. Every text is plain text (never HTML) in the reader's language;
 * which parts are set depends on {@link #kind()}.
 *
 * @param message the reply sentence (always set)
 * @param answer the answer, for {@link Kind#ANSWER}
 * @param candidates up to 3 questions to pick from, for {@link Kind#CANDIDATES}
 * @param categories the topics the assistant knows, for {@link Kind#NONE}
 * @param contact whom to call (総務課 and the city's main number), for {@link Kind#NONE}
 */
public record Reply(Kind kind, String message, Answer answer, List<Candidate> candidates, List<Category> categories,
		String contact) {

	public enum Kind {
		/** a standard answer found with enough confidence */
		ANSWER,
		/** some entries might fit: the resident picks one */
		CANDIDATES,
		/** nothing fits: apology, topics and a human contact (never an invented answer) */
		NONE,
		/** a greeting or thanks */
		SMALLTALK,
		/** empty or too long: nothing was searched */
		INVALID
	}

	public Reply {
		candidates = candidates == null ? List.of() : List.copyOf(candidates);
		categories = categories == null ? List.of() : List.copyOf(categories);
	}

	/**
	 * @param url the city's official page on the topic
	 * @param procedureUrl where to start the online procedure, or {@code null} when there is none
	 */
	public record Answer(String id, String question, String text, String url, String department, String phone,
			String procedureUrl) {
	}

	public record Candidate(String id, String question) {
	}

	public record Category(String code, String name) {
	}
}
