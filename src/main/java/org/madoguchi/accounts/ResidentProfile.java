package org.madoguchi.accounts;

import java.time.LocalDate;

/**
 * What a resident tells about themselves, checked and normalised (used to prefill application forms).
 *
 * @param name 氏名
 * @param kana 氏名の振り仮名 (katakana)
 * @param birthDate 生年月日
 * @param phone 電話番号
 * @param postalCode 郵便番号 (NNN-NNNN)
 * @param address 住所
 * @param building 方書 (building, room), or null
 * @param language {@code ja} or {@code en}
 */
record ResidentProfile(String name, String kana, LocalDate birthDate, String phone, String postalCode, String address,
		String building, String language) {
}
