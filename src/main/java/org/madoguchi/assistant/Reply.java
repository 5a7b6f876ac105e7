package org.madoguchi.assistant;

import java.util.List;

/**
 * The assistant's reply to one message. Every text is plain text (never HTML) in the reader's language;
 * which parts are set depends on {@link #kind()}.
 *
 * @param turn the id of this turn in the question log: sent back with "helpful?" votes and picked candidates
 *     ({@code null} for replies that are not logged)
 * @param message the reply sentence (always set)
 * @param answer the answer, for {@link Kind#ANSWER}
 * @param candidates up to 3 questions to pick from ({@link Kind#CANDIDATES}), or a topic's questions
 *     ({@link Kind#CATEGORY})
 * @param categories the topics the assistant knows, for {@link Kind#NONE}
 * @param contact whom to ask instead, for {@link Kind#NONE} and an unhelpful vote
 */
public record Reply(String turn, Kind kind, String message, Answer answer, List<Candidate> candidates,
		List<Category> categories, Contact contact) {

	public enum Kind {
		/** a listed answer found with enough confidence */
		ANSWER,
		/** some entries might fit: the resident picks one */
		CANDIDATES,
		/** the questions of one topic, chosen from the menu */
		CATEGORY,
		/** nothing fits: apology, topics and a human contact (never an invented answer) */
		NONE,
		/** a greeting or thanks */
		SMALLTALK,
		/** empty or too long: nothing was searched */
		INVALID,
		/** the reply to a "helpful?" vote */
		FEEDBACK
	}

	public Reply {
		candidates = candidates == null ? List.of() : List.copyOf(candidates);
		categories = categories == null ? List.of() : List.copyOf(categories);
	}

	static Reply of(Kind kind, String message) {
		return new Reply(null, kind, message, null, null, null, null);
	}

	Reply withTurn(String id) {
		return new Reply(id, kind, message, answer, candidates, categories, contact);
	}

	/**
	 * @param url the city's official page on the topic
	 * @param procedureUrl where to start the online procedure, or {@code null} when there is none
	 * @param procedureName the online procedure's name, with {@code procedureUrl}
	 */
	public record Answer(String id, String question, String text, String url, String department, String phone,
			String procedureUrl, String procedureName) {
	}

	public record Candidate(String id, String question) {
	}

	public record Category(String code, String name) {
	}

	/**
	 * @param text a sentence naming whom to call
	 * @param phone the number alone (for a tel: link)
	 * @param url the city's contact form, or {@code null}
	 */
	public record Contact(String text, String phone, String url) {
	}
}
