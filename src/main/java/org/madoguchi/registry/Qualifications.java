package org.madoguchi.registry;

import java.time.LocalDate;

/**
 * Items the register keeps for linkage with insurance, pension and benefit systems and for the My
 * Number Card (住民記録システム標準仕様書: 国保・後期高齢・介護保険の資格, 国民年金, 児童手当, カード). A null
 * date means "none"; an acquisition without a loss date means the qualification is current.
 *
 * @param nationalHealthInsuranceFrom 国民健康保険 資格取得日
 * @param nationalHealthInsuranceUntil 国民健康保険 資格喪失日
 * @param lateElderlyMedicalFrom 後期高齢者医療 資格取得日
 * @param lateElderlyMedicalUntil 後期高齢者医療 資格喪失日
 * @param longTermCareFrom 介護保険 資格取得日
 * @param longTermCareUntil 介護保険 資格喪失日
 * @param pensionNumber 基礎年金番号 (4 + 6 digits)
 * @param pensionCategory 国民年金の種別 (1号, 2号, 3号, 任意)
 * @param pensionFrom 国民年金 資格取得日
 * @param childAllowanceFrom 児童手当 支給開始
 * @param childAllowanceUntil 児童手当 支給終了
 * @param cardStatus マイナンバーカードの状況 (NONE, ISSUED, RETURNED)
 * @param signatureCertificateSerial 署名用電子証明書のシリアル番号
 * @param authenticationCertificateSerial 利用者証明用電子証明書のシリアル番号
 */
public record Qualifications(LocalDate nationalHealthInsuranceFrom, LocalDate nationalHealthInsuranceUntil,
		LocalDate lateElderlyMedicalFrom, LocalDate lateElderlyMedicalUntil, LocalDate longTermCareFrom,
		LocalDate longTermCareUntil, String pensionNumber, String pensionCategory, LocalDate pensionFrom,
		LocalDate childAllowanceFrom, LocalDate childAllowanceUntil, String cardStatus, String signatureCertificateSerial,
		String authenticationCertificateSerial) {

	public static final Qualifications NONE = new Qualifications(null, null, null, null, null, null, null, null, null, null,
			null, "NONE", null, null);

	public boolean current(LocalDate from, LocalDate until, LocalDate day) {
		return from != null && !day.isBefore(from) && (until == null || day.isBefore(until));
	}
}
