package org.madoguchi.procedures;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The small text conversions residents expect from a Japanese form: full-width digits accepted, hiragana
 * and half-width katakana turned into full-width katakana, the many dash characters read as a hyphen.
 */
final class Conversions {

	/** Characters people type for a hyphen in numbers: hyphens, dashes, minus, the long vowel mark. */
	private static final Pattern DASHES = Pattern.compile("[\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFF0D\uFF70]");

	private static final Pattern SPACES = Pattern.compile("[\\s\u3000]+");

	static final Pattern DIGITS = Pattern.compile("[0-9]+");

	private Conversions() {
	}

	/** Trimmed (ASCII and ideographic spaces); null when blank. */
	static String trim(String s) {
		if (s == null) {
			return null;
		}
		String t = s.strip();
		return t.isEmpty() ? null : t;
	}

	/** NFKC: full-width letters and digits to half-width, half-width katakana to full-width. */
	static String nfkc(String s) {
		return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFKC);
	}

	/** Multi-line text: line ends as {@code \n}, trimmed. */
	static String multiline(String s) {
		return trim(s == null ? null : s.replace("\r\n", "\n").replace('\r', '\n'));
	}

	/**
	 * Full-width katakana: NFKC (half-width katakana become full-width), hiragana to katakana, runs of spaces
	 * to one ideographic space, trimmed.
	 */
	static String katakana(String s) {
		String t = trim(nfkc(s));
		if (t == null) {
			return null;
		}
		StringBuilder sb = new StringBuilder(t.length());
		for (int i = 0; i < t.length(); i++) {
			char c = t.charAt(i);
			sb.append(c >= '\u3041' && c <= '\u3096' ? (char) (c + 0x60) : c);
		}
		return SPACES.matcher(sb).replaceAll("\u3000");
	}

	/** Katakana, the long vowel mark, the middle dot and spaces only. */
	static boolean isKatakana(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean ok = (c >= '\u30A1' && c <= '\u30FA') || c == '\u30FC' || c == '\u30FB' || c == '\u3000' || c == ' ';
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	/** Digits as typed (full-width accepted), without spaces; null when blank. */
	static String digits(String s) {
		String t = trim(nfkc(s));
		return t == null ? null : SPACES.matcher(t).replaceAll("");
	}

	/** A number: digits, thousands separators dropped, leading zeros dropped when it is all digits. */
	static String number(String s) {
		String t = digits(s);
		if (t == null) {
			return null;
		}
		t = t.replace(",", "");
		if (DIGITS.matcher(t).matches() && t.length() <= 18) {
			return Long.toString(Long.parseLong(t));
		}
		return t;
	}

	/** A phone number: digits and hyphens as typed, dashes of any kind read as hyphens, spaces dropped. */
	static String phone(String s) {
		String t = digits(s);
		return t == null ? null : DASHES.matcher(t).replaceAll("-");
	}

	/** 郵便番号: {@code 1234567} or {@code 123ー4567} become {@code 123-4567}; anything else is kept for the validator. */
	static String postalCode(String s) {
		String t = digits(s);
		if (t == null) {
			return null;
		}
		t = DASHES.matcher(t.replace("〒", "")).replaceAll("-");
		if (t.matches("[0-9]{7}")) {
			return t.substring(0, 3) + "-" + t.substring(3);
		}
		return t.isEmpty() ? null : t;
	}

	/** Codes and account numbers: digits, hyphens and spaces dropped. */
	static String code(String s) {
		String t = digits(s);
		return t == null ? null : DASHES.matcher(t).replaceAll("");
	}

	/** Whether a text holds control characters; {@code lines} allows line feeds and tabs. */
	static boolean hasControl(String s, boolean lines) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if ((c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) && !(lines && (c == '\n' || c == '\t'))) {
				return true;
			}
		}
		return false;
	}

	static int length(String s) {
		return s.codePointCount(0, s.length());
	}
}
