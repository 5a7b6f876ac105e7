package org.madoguchi.issuance.document;

/**
 * The items of a record a certificate can show. 住民票の写し and 除票の写し always show the {@link #BASE} items and
 * the optional ones asked for in {@link PrintOptions}; a 住民票記載事項証明書 shows 氏名 and 住所 and exactly the
 * items certified.
 */
public enum Item {

	/** 氏名 and its 振り仮名 (always printed). */
	NAME("氏名"),
	/** 住所 and 方書 of the household (always printed). */
	ADDRESS("住所"),
	/** 旧氏 and its 振り仮名, when the person has one. */
	FORMER_NAME("旧氏"),
	/** 通称 (foreign residents), when the person has one. */
	ALIAS("通称"),
	BIRTH_DATE("生年月日"),
	GENDER("性別"),
	/** 住民となった年月日. */
	BECAME_RESIDENT("住民となった年月日"),
	/** 住所を定めた年月日 and the 届出日. */
	ADDRESS_FIXED("住所を定めた年月日"),
	/** 前住所 (転入前住所). */
	PREVIOUS_ADDRESS("前住所"),
	/** 世帯主の氏名 and 世帯主との続柄 (omitted unless asked for). */
	RELATIONSHIP("世帯主・続柄"),
	/** 本籍 and 筆頭者 (Japanese residents; omitted unless asked for). */
	HONSEKI("本籍・筆頭者"),
	/** 住民票コード (omitted unless asked for). */
	RESIDENT_CODE("住民票コード"),
	/** 個人番号 (omitted unless asked for). */
	MY_NUMBER("個人番号"),
	/** 国籍・地域, 法第30条の45に規定する区分, 在留資格, 在留期間 and its 満了の日 (foreign residents; omitted unless asked for). */
	RESIDENCE("国籍・在留資格等"),
	/** 消除事由, 消除日 and 転出先 (除票 only; always printed there). */
	REMOVAL("消除事由等");

	/** What a 住民票の写し shows whatever the options say. */
	public static final java.util.Set<Item> BASE = java.util.Collections.unmodifiableSet(java.util.EnumSet.of(NAME,
			ADDRESS, FORMER_NAME, ALIAS, BIRTH_DATE, GENDER, BECAME_RESIDENT, ADDRESS_FIXED, PREVIOUS_ADDRESS));

	private final String label;

	Item(String label) {
		this.label = label;
	}

	/** The Japanese name of the item (for staff screens and the issuance history). */
	public String label() {
		return label;
	}
}
