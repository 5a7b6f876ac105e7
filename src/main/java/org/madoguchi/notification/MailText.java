package org.madoguchi.notification;

import java.util.Map;

/**
 * Text helpers for mails and inbox messages: literal placeholder filling and the size limits.
 * Placeholders are filled literally and in one pass, not with MessageFormat: a value that itself
 * contains {@code {reason}} (an applicant's name is typed by the applicant) is never expanded, and
 * apostrophes and braces in texts written by staff need no escaping.
 */
final class MailText {

	/** Longest subject (and inbox title), in characters. */
	static final int MAX_SUBJECT = 200;

	/** Longest body, in characters, footer included. */
	static final int MAX_BODY = 20_000;

	static final String ELLIPSIS = "…";

	private MailText() {
	}

	/** Replaces each {@code {name}} whose name is a key of {@code values}; other braces stay as written. */
	static String fill(String template, Map<String, String> values) {
		if (template == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(template.length() + 64);
		int i = 0;
		while (i < template.length()) {
			int open = template.indexOf('{', i);
			if (open < 0) {
				out.append(template, i, template.length());
				break;
			}
			int close = template.indexOf('}', open + 1);
			if (close < 0) {
				out.append(template, i, template.length());
				break;
			}
			String name = template.substring(open + 1, close);
			if (values.containsKey(name)) {
				out.append(template, i, open).append(values.get(name) == null ? "" : values.get(name));
				i = close + 1;
			}
			else {
				// not a placeholder: keep the brace and look for the next one after it
				out.append(template, i, open + 1);
				i = open + 1;
			}
		}
		return out.toString();
	}

	/** How many times {@code {name}} occurs in the template. */
	static int occurrences(String template, String name) {
		if (template == null) {
			return 0;
		}
		String token = "{" + name + "}";
		int n = 0;
		for (int i = template.indexOf(token); i >= 0; i = template.indexOf(token, i + token.length())) {
			n++;
		}
		return n;
	}

	/**
	 * A subject line: one line without control characters (a line break in a header would start a new
	 * header), at most {@link #MAX_SUBJECT} characters.
	 */
	static String subject(String s) {
		if (s == null) {
			return "";
		}
		StringBuilder b = new StringBuilder(s.length());
		s.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) || isBidiControl(cp) ? ' ' : cp));
		return truncate(b.toString().replaceAll("\\s{2,}", " ").strip(), MAX_SUBJECT);
	}

	/**
	 * Multi-line text typed by people (a reason written by staff, a name): line breaks normalized to
	 * {@code \n}, tabs kept, other control characters and bidirectional overrides (which can make a link
	 * read differently from where it goes) removed.
	 */
	static String clean(String s) {
		if (s == null) {
			return "";
		}
		String normalized = s.replace("\r\n", "\n").replace('\r', '\n');
		StringBuilder b = new StringBuilder(normalized.length());
		normalized.codePoints()
			.filter(cp -> cp == '\n' || cp == '\t' || !(Character.isISOControl(cp) || isBidiControl(cp)))
			.forEach(b::appendCodePoint);
		return b.toString();
	}

	/** One line of text typed by people: like {@link #clean} but line breaks become spaces. */
	static String oneLine(String s) {
		return clean(s).replace('\n', ' ').replace('\t', ' ').strip();
	}

	/** At most {@code max} characters, ending in … when shortened, never splitting a surrogate pair. */
	static String truncate(String s, int max) {
		if (s == null || s.length() <= max) {
			return s;
		}
		if (max <= ELLIPSIS.length()) {
			return cut(s, max);
		}
		return cut(s, max - ELLIPSIS.length()) + ELLIPSIS;
	}

	/** The first {@code max} characters, one fewer when the last would be half of a surrogate pair. */
	static String cut(String s, int max) {
		if (s.length() <= max) {
			return s;
		}
		int end = Math.max(0, max);
		if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
			end--;
		}
		return s.substring(0, end);
	}

	private static boolean isBidiControl(int cp) {
		return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
				|| cp == 0x061C;
	}
}
