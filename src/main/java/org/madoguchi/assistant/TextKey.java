package org.madoguchi.assistant;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The normalised form of a resident's text used to count the same question once: NFKC (全角英数・半角カナ
 * folded), lower case, hiragana as katakana, without spaces, punctuation and symbols.
 */
final class TextKey {

	static final int MAX = 500;

	private TextKey() {
	}

	static String of(String text) {
		if (text == null) {
			return "";
		}
		String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder b = new StringBuilder(s.length());
		s.codePoints().filter(Character::isLetterOrDigit).forEach(cp -> {
			if (cp >= 0x3041 && cp <= 0x3096) {
				cp += 0x60;
			}
			if (b.length() < MAX - 1) {
				b.appendCodePoint(cp);
			}
		});
		return b.toString();
	}
}
