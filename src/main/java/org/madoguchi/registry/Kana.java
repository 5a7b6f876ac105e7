package org.madoguchi.registry;

import java.text.Normalizer;

/**
 * 振り仮名 handling. The register keeps 振り仮名 in full-width katakana; search input may come in
 * hiragana or half-width katakana and is folded to the stored form.
 */
public final class Kana {

	private Kana() {
	}

	/** NFKC (half-width → full-width), hiragana → katakana, spaces normalised to one ideographic space. */
	public static String normalize(String text) {
		if (text == null) {
			return null;
		}
		String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
		StringBuilder sb = new StringBuilder(nfkc.length());
		boolean space = false;
		for (int i = 0; i < nfkc.length(); i++) {
			char c = nfkc.charAt(i);
			if (c == ' ' || c == '\u3000') {
				space = true;
				continue;
			}
			if (space && sb.length() > 0) {
				sb.append('\u3000');
			}
			space = false;
			sb.append(c >= '\u3041' && c <= '\u3096' ? (char) (c + 0x60) : c);
		}
		return sb.toString();
	}

	/** True if the text is katakana only (with ー, ・ and spaces between words). Blank is allowed. */
	public static boolean isKatakana(String text) {
		if (text == null) {
			return true;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean ok = (c >= '\u30A1' && c <= '\u30FA') || c == 'ー' || c == '・' || c == '\u3000' || c == ' ';
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	/** The search key: normalized, without spaces, so that 「ヤマダ タロウ」 matches the prefix 「ヤマダタ」. */
	public static String searchKey(String... parts) {
		StringBuilder sb = new StringBuilder();
		for (String part : parts) {
			if (part != null) {
				sb.append(normalize(part).replace("\u3000", ""));
			}
		}
		return sb.toString();
	}
}
