package org.madoguchi.registry;

import java.util.List;

/**
 * A search over the current register. Every given criterion must match; at least one is required.
 *
 * @param atenaNumber exact 宛名番号
 * @param kanaPrefix prefix of 氏名の振り仮名 (hiragana or katakana, spaces ignored)
 * @param namePrefix prefix of 氏名 (spaces ignored)
 * @param addressPrefix prefix of the address
 * @param birthDate exact 生年月日
 * @param includeRemoved also return 除票
 * @param limit page size (1–100)
 * @param offset rows to skip
 */
public record ResidentSearch(String atenaNumber, String kanaPrefix, String namePrefix, String addressPrefix,
		RegisterDate birthDate, boolean includeRemoved, int limit, int offset) {

	public static final int MAX_LIMIT = 100;

	public ResidentSearch {
		atenaNumber = blank(atenaNumber);
		kanaPrefix = blank(kanaPrefix);
		namePrefix = blank(namePrefix);
		addressPrefix = blank(addressPrefix);
		limit = Math.max(1, Math.min(limit, MAX_LIMIT));
		offset = Math.max(0, offset);
	}

	/** Longest text a search criterion may have. */
	public static final int MAX_CRITERION = 100;

	/** Criteria that are longer than allowed, by field name. */
	public List<String> tooLong() {
		List<String> fields = new java.util.ArrayList<>();
		if (kanaPrefix != null && kanaPrefix.length() > MAX_CRITERION) fields.add("kana");
		if (namePrefix != null && namePrefix.length() > MAX_CRITERION) fields.add("name");
		if (addressPrefix != null && addressPrefix.length() > MAX_CRITERION) fields.add("address");
		if (atenaNumber != null && atenaNumber.length() > MAX_CRITERION) fields.add("atenaNumber");
		return fields;
	}

	public boolean isEmpty() {
		return atenaNumber == null && kanaPrefix == null && namePrefix == null && addressPrefix == null
				&& birthDate == null;
	}

	/** A short description for the access log (no personal data beyond what was typed). */
	public String describe() {
		StringBuilder sb = new StringBuilder();
		if (atenaNumber != null) sb.append("atena=").append(atenaNumber).append(' ');
		if (kanaPrefix != null) sb.append("kana=").append(kanaPrefix).append(' ');
		if (namePrefix != null) sb.append("name=").append(namePrefix).append(' ');
		if (addressPrefix != null) sb.append("address=").append(addressPrefix).append(' ');
		if (birthDate != null) sb.append("birth=").append(birthDate.iso()).append(' ');
		if (includeRemoved) sb.append("removed ");
		return sb.toString().strip();
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
