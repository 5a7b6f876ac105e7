package org.madoguchi.issuance.document;

import java.util.function.BiFunction;

/**
 * One person as printed: every value is a display string already formatted by the caller (dates in 和暦 such as
 * 「昭和60年4月1日」, foreign residents' dates as registered). Null or blank means the record has no value; an item
 * the options leave out is not printed whatever its value. Lengths are bounded (氏名 64, 住所 160, others 32).
 *
 * @param name 氏名 (required)
 * @param kana 氏名の振り仮名 (katakana)
 * @param formerName 旧氏
 * @param formerNameKana 旧氏の振り仮名
 * @param alias 通称 (foreign residents)
 * @param aliasKana 通称の振り仮名
 * @param birthDate 生年月日 (e.g. 昭和60年4月1日; 不詳 as registered)
 * @param gender 性別 (男 / 女)
 * @param relationship 世帯主との続柄 (世帯主, 妻, 子, 子の妻 …)
 * @param becameResident 住民となった年月日
 * @param addressFixed 住所を定めた年月日, optionally with its 異動事由 (「令和2年4月1日 転入」)
 * @param notified 届出の年月日 (blank for 職権)
 * @param previousAddress 前住所 (転入前住所; may be abroad)
 * @param honseki 本籍 (Japanese residents)
 * @param hittousha 筆頭者 (Japanese residents)
 * @param residentCode 住民票コード (11 digits)
 * @param myNumber 個人番号 (12 digits)
 * @param foreign the residence items of a foreign resident, null for Japanese residents
 * @param removal 消除 items, required on a 除票の写し and refused elsewhere
 */
public record PrintedPerson(String name, String kana, String formerName, String formerNameKana, String alias,
		String aliasKana, String birthDate, String gender, String relationship, String becameResident,
		String addressFixed, String notified, String previousAddress, String honseki, String hittousha,
		String residentCode, String myNumber, Foreign foreign, Removal removal) {

	public PrintedPerson {
		name = Texts.required("氏名", name, Texts.NAME);
		kana = Texts.optional("振り仮名", kana, Texts.NAME);
		formerName = Texts.optional("旧氏", formerName, Texts.NAME);
		formerNameKana = Texts.optional("旧氏の振り仮名", formerNameKana, Texts.NAME);
		alias = Texts.optional("通称", alias, Texts.NAME);
		aliasKana = Texts.optional("通称の振り仮名", aliasKana, Texts.NAME);
		birthDate = Texts.optional("生年月日", birthDate, Texts.SHORT);
		gender = Texts.optional("性別", gender, Texts.SHORT);
		relationship = Texts.optional("続柄", relationship, Texts.SHORT);
		becameResident = Texts.optional("住民となった年月日", becameResident, Texts.SHORT);
		addressFixed = Texts.optional("住所を定めた年月日", addressFixed, Texts.SHORT);
		notified = Texts.optional("届出日", notified, Texts.SHORT);
		previousAddress = Texts.optional("前住所", previousAddress, Texts.ADDRESS);
		honseki = Texts.optional("本籍", honseki, Texts.ADDRESS);
		hittousha = Texts.optional("筆頭者", hittousha, Texts.NAME);
		residentCode = Texts.optional("住民票コード", residentCode, Texts.SHORT);
		myNumber = Texts.optional("個人番号", myNumber, Texts.SHORT);
	}

	/**
	 * Residence items of a foreign resident (住基法 第30条の45).
	 *
	 * @param nationality 国籍・地域
	 * @param category 法第30条の45に規定する区分 (中長期在留者, 特別永住者 …)
	 * @param status 在留資格
	 * @param period 在留期間 (e.g. 3年)
	 * @param expiry 在留期間の満了の日
	 */
	public record Foreign(String nationality, String category, String status, String period, String expiry) {

		public Foreign {
			nationality = Texts.required("国籍・地域", nationality, Texts.SHORT);
			category = Texts.optional("第30条の45に規定する区分", category, Texts.SHORT);
			status = Texts.optional("在留資格", status, Texts.SHORT);
			period = Texts.optional("在留期間", period, Texts.SHORT);
			expiry = Texts.optional("在留期間の満了の日", expiry, Texts.SHORT);
		}

		Foreign map(BiFunction<String, String, String> f) {
			return new Foreign(f.apply("国籍・地域", nationality), f.apply("第30条の45に規定する区分", category),
					f.apply("在留資格", status), f.apply("在留期間", period), f.apply("在留期間の満了の日", expiry));
		}
	}

	/**
	 * 消除 items of a 除票.
	 *
	 * @param reason 消除事由 (転出, 死亡, 職権消除 …; required)
	 * @param date 消除の事由が生じた年月日 (required)
	 * @param destination 転出先 (after 転出; may be 予定)
	 */
	public record Removal(String reason, String date, String destination) {

		public Removal {
			reason = Texts.required("消除事由", reason, Texts.SHORT);
			date = Texts.required("消除日", date, Texts.SHORT);
			destination = Texts.optional("転出先", destination, Texts.ADDRESS);
		}

		Removal map(BiFunction<String, String, String> f) {
			return new Removal(f.apply("消除事由", reason), f.apply("消除日", date), f.apply("転出先", destination));
		}
	}

	/** A Japanese resident with the usual items; the others can be added with the {@code with…} methods. */
	public static PrintedPerson of(String name, String kana, String birthDate, String gender, String relationship,
			String becameResident, String addressFixed, String notified, String previousAddress) {
		return new PrintedPerson(name, kana, null, null, null, null, birthDate, gender, relationship, becameResident,
				addressFixed, notified, previousAddress, null, null, null, null, null, null);
	}

	public PrintedPerson withFormerName(String formerName, String formerNameKana) {
		return new PrintedPerson(name, kana, formerName, formerNameKana, alias, aliasKana, birthDate, gender,
				relationship, becameResident, addressFixed, notified, previousAddress, honseki, hittousha, residentCode,
				myNumber, foreign, removal);
	}

	public PrintedPerson withFamilyRegister(String honseki, String hittousha) {
		return new PrintedPerson(name, kana, formerName, formerNameKana, alias, aliasKana, birthDate, gender,
				relationship, becameResident, addressFixed, notified, previousAddress, honseki, hittousha, residentCode,
				myNumber, foreign, removal);
	}

	public PrintedPerson withCodes(String residentCode, String myNumber) {
		return new PrintedPerson(name, kana, formerName, formerNameKana, alias, aliasKana, birthDate, gender,
				relationship, becameResident, addressFixed, notified, previousAddress, honseki, hittousha, residentCode,
				myNumber, foreign, removal);
	}

	public PrintedPerson withForeign(String alias, String aliasKana, Foreign foreign) {
		return new PrintedPerson(name, kana, formerName, formerNameKana, alias, aliasKana, birthDate, gender,
				relationship, becameResident, addressFixed, notified, previousAddress, honseki, hittousha, residentCode,
				myNumber, foreign, removal);
	}

	public PrintedPerson withRemoval(Removal removal) {
		return new PrintedPerson(name, kana, formerName, formerNameKana, alias, aliasKana, birthDate, gender,
				relationship, becameResident, addressFixed, notified, previousAddress, honseki, hittousha, residentCode,
				myNumber, foreign, removal);
	}

	/** Every string passed through {@code f(item label, value)} (used to replace characters the font lacks). */
	PrintedPerson map(BiFunction<String, String, String> f) {
		return new PrintedPerson(f.apply("氏名", name), f.apply("振り仮名", kana), f.apply("旧氏", formerName),
				f.apply("旧氏の振り仮名", formerNameKana), f.apply("通称", alias), f.apply("通称の振り仮名", aliasKana),
				f.apply("生年月日", birthDate), f.apply("性別", gender), f.apply("続柄", relationship),
				f.apply("住民となった年月日", becameResident), f.apply("住所を定めた年月日", addressFixed),
				f.apply("届出日", notified), f.apply("前住所", previousAddress), f.apply("本籍", honseki),
				f.apply("筆頭者", hittousha), f.apply("住民票コード", residentCode), f.apply("個人番号", myNumber),
				foreign == null ? null : foreign.map(f), removal == null ? null : removal.map(f));
	}
}
