package org.madoguchi.assistant;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a quick-reply button sends back ({@code postback.data}, at most {@value #MAX_DATA} characters), written as a
 * query string so that it stays readable in LINE's logs: {@code fb=1&t=<turn>} (a "helpful?" vote),
 * {@code p=<entry>&t=<turn>} (a picked question; without {@code t} when picked from a topic's list),
 * {@code c=<code>} (a topic chosen from the menu).
 */
sealed interface LinePostback {

	/** LINE's limit on a postback action's data. */
	int MAX_DATA = 300;

	/** A question log turn id (a UUID). */
	Pattern TURN = Pattern.compile("[0-9a-fA-F-]{1,40}");

	/** An entry id, as the knowledge base allows. */
	Pattern ENTRY = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

	/** A topic's code. */
	Pattern CATEGORY = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

	/** The data to send for this action. */
	String data();

	/** 「役に立った」/「役に立たなかった」 on the answer of {@code turn}. */
	record Vote(String turn, boolean helpful) implements LinePostback {
		@Override
		public String data() {
			return "fb=" + (helpful ? "1" : "0") + "&t=" + encode(turn);
		}
	}

	/** The resident picked {@code entry}, offered by {@code turn} ({@code null} for a topic's list). */
	record Pick(String entry, String turn) implements LinePostback {
		@Override
		public String data() {
			return "p=" + encode(entry) + (turn == null ? "" : "&t=" + encode(turn));
		}
	}

	/** The resident chose a topic from the menu. */
	record Category(String code) implements LinePostback {
		@Override
		public String data() {
			return "c=" + encode(code);
		}
	}

	/** The action the data stands for, or empty for data this program did not write (or no longer understands). */
	static Optional<LinePostback> parse(String data) {
		if (data == null || data.isEmpty() || data.length() > MAX_DATA) {
			return Optional.empty();
		}
		Map<String, String> fields = new HashMap<>();
		for (String pair : data.split("&")) {
			int eq = pair.indexOf('=');
			if (eq <= 0) {
				return Optional.empty();
			}
			String value;
			try {
				value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException badEscape) {
				return Optional.empty();
			}
			if (fields.put(pair.substring(0, eq), value) != null) {
				return Optional.empty();
			}
		}
		String turn = fields.get("t");
		if (turn != null && !TURN.matcher(turn).matches()) {
			return Optional.empty();
		}
		if (fields.containsKey("fb") && turn != null && fields.size() == 2) {
			return switch (fields.get("fb")) {
				case "1" -> Optional.of(new Vote(turn, true));
				case "0" -> Optional.of(new Vote(turn, false));
				default -> Optional.empty();
			};
		}
		String entry = fields.get("p");
		if (entry != null && ENTRY.matcher(entry).matches() && fields.size() == (turn == null ? 1 : 2)) {
			return Optional.of(new Pick(entry, turn));
		}
		String code = fields.get("c");
		if (code != null && CATEGORY.matcher(code).matches() && fields.size() == 1) {
			return Optional.of(new Category(code));
		}
		return Optional.empty();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
