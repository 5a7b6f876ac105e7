package org.madoguchi.issuance.document;

/**
 * A character the embedded font cannot show (外字, a character outside IPAex Gothic, a variation selector):
 * printed as {@code 〓} (the traditional 外字 placeholder) or, for a variation selector, left out. Staff see the list
 * before issuing and decide (e.g. issue at the counter with the 外字 printed there).
 *
 * @param item the item it occurs in (氏名, 本籍 …)
 * @param person 1-based position of the person in the copy, 0 for the household part and the mayor
 * @param codePoint the character's code point
 * @param replacement what was printed instead ({@code 〓}, or empty for a dropped variation selector)
 */
public record Substitution(String item, int person, int codePoint, String replacement) {

	/** {@code U+20BB7}. */
	public String codePointText() {
		return Texts.codePoint(codePoint);
	}

	public String character() {
		return Character.toString(codePoint);
	}
}
