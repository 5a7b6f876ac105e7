package org.madoguchi.issuance.document;

/** Checks of the display strings: bounded length, no control or format characters (they could hide or reorder text). */
final class Texts {

	/** 氏名, 振り仮名, 旧氏, 通称, 筆頭者. */
	static final int NAME = 64;
	/** 住所, 方書, 前住所, 本籍, 転出先. */
	static final int ADDRESS = 160;
	/** Dates, 性別, 続柄, codes, short items. */
	static final int SHORT = 32;

	private Texts() {
	}

	/** The value, or null when it is null or blank (an item without value). */
	static String optional(String item, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return required(item, value, max);
	}

	static String required(String item, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(item + " is required");
		}
		String v = value.strip();
		int length = v.codePointCount(0, v.length());
		if (length > max) {
			throw new IllegalArgumentException(item + " is " + length + " characters long; at most " + max);
		}
		for (int i = 0; i < v.length();) {
			int cp = v.codePointAt(i);
			int type = Character.getType(cp);
			if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
					|| type == Character.PARAGRAPH_SEPARATOR) {
				throw new IllegalArgumentException(item + ": " + codePoint(cp) + " at " + i
						+ " is a control or format character");
			}
			if (type == Character.SURROGATE) {
				throw new IllegalArgumentException(item + ": an unpaired surrogate at " + i);
			}
			i += Character.charCount(cp);
		}
		return v;
	}

	static String codePoint(int cp) {
		return String.format("U+%04X", cp);
	}
}
