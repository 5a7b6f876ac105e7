package org.madoguchi.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer's plain text cut into lines and, within a line, into pieces of text and web addresses, so that a
 * page can show the line breaks and make the addresses links while the template still escapes every piece
 * ({@code th:text}, {@code th:href}): no HTML is ever built from the text. Only {@code http} and {@code https}
 * addresses become links (the widget does the same in {@code widget.js}).
 */
final class AnswerText {

	/**
	 * An address runs over the characters allowed in a URL and stops at the first other one, so that
	 * 「https://example.jp/をご覧ください」 links only the address.
	 */
	private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]+");

	/** Punctuation that ends a sentence after an address rather than belonging to it. */
	private static final String TRAILING = ".,;:!?'\"";

	/** A piece of a line: text alone, or the text of a link to {@code href}. */
	record Piece(String text, String href) {
	}

	private AnswerText() {
	}

	/** The lines of {@code text} ({@code \r\n}, {@code \r} or {@code \n}), each cut into pieces. */
	static List<List<Piece>> lines(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<List<Piece>> lines = new ArrayList<>();
		for (String line : text.split("\r\n|\r|\n", -1)) {
			lines.add(pieces(line));
		}
		return lines;
	}

	static List<Piece> pieces(String line) {
		List<Piece> pieces = new ArrayList<>();
		Matcher m = URL.matcher(line);
		int at = 0;
		while (m.find()) {
			String url = trim(m.group());
			if (url.length() <= "https://".length()) {
				continue;
			}
			if (m.start() > at) {
				pieces.add(new Piece(line.substring(at, m.start()), null));
			}
			pieces.add(new Piece(url, url));
			at = m.start() + url.length();
		}
		if (at < line.length()) {
			pieces.add(new Piece(line.substring(at), null));
		}
		return pieces;
	}

	/** Drops sentence punctuation, and a closing parenthesis that has no opening one in the address. */
	private static String trim(String url) {
		String u = url;
		while (!u.isEmpty()) {
			char last = u.charAt(u.length() - 1);
			if (TRAILING.indexOf(last) >= 0) {
				u = u.substring(0, u.length() - 1);
			}
			else if (last == ')' && count(u, '(') < count(u, ')')) {
				u = u.substring(0, u.length() - 1);
			}
			else {
				break;
			}
		}
		return u;
	}

	private static long count(String s, char c) {
		return s.chars().filter(x -> x == c).count();
	}

	/** A {@code tel:} address for a number as listed (digits and hyphens), or {@code null} when there is none. */
	static String tel(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("[^0-9+]", "");
		return digits.isEmpty() ? null : "tel:" + digits;
	}

	/**
	 * {@code url} when it may be a link's target: an {@code http(s)} address or a path on this site; otherwise
	 * {@code null} (never {@code javascript:} or the like, even if stored).
	 */
	static String safeHref(String url) {
		if (url == null) {
			return null;
		}
		String u = url.strip();
		if (u.regionMatches(true, 0, "https://", 0, 8) || u.regionMatches(true, 0, "http://", 0, 7)
				|| (u.startsWith("/") && !u.startsWith("//") && !u.startsWith("/\\"))) {
			return u;
		}
		return null;
	}
}
