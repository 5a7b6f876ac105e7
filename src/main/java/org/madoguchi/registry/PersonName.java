package org.madoguchi.registry;

/**
 * 氏名 and related items. For foreign residents {@code family}/{@code given} hold the name as
 * registered (alphabet or kanji), {@code alphabetName} the name in the alphabet and {@code alias}
 * the 通称.
 *
 * @param family 氏
 * @param given 名 (may be blank)
 * @param familyKana 氏の振り仮名 (katakana, may be blank)
 * @param givenKana 名の振り仮名
 * @param kanaConfirmed whether the 振り仮名 was confirmed (2025 amendment)
 * @param formerFamily 旧氏
 * @param formerFamilyKana 旧氏の振り仮名
 * @param alias 通称 (foreign residents)
 * @param aliasKana 通称の振り仮名
 * @param alphabetName name in the alphabet as on the residence card (foreign residents)
 */
public record PersonName(String family, String given, String familyKana, String givenKana, boolean kanaConfirmed,
		String formerFamily, String formerFamilyKana, String alias, String aliasKana, String alphabetName) {

	public static PersonName of(String family, String given, String familyKana, String givenKana) {
		return new PersonName(family, given, familyKana, givenKana, false, null, null, null, null, null);
	}

	public String full() {
		return given == null || given.isBlank() ? family : family + "\u3000" + given;
	}

	public String fullKana() {
		if (familyKana == null || familyKana.isBlank()) {
			return "";
		}
		return givenKana == null || givenKana.isBlank() ? familyKana : familyKana + "\u3000" + givenKana;
	}
}
