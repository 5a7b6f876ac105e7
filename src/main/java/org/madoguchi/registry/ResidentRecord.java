package org.madoguchi.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One full snapshot of a person's record: every item as it stood after one change, keyed by
 * 宛名番号 + 履歴番号. The register never updates a snapshot; a change writes the next one.
 *
 * @param atenaNumber 宛名番号
 * @param historyNumber 履歴番号 (1, 2, 3 …; the highest is current)
 * @param householdNumber 世帯番号
 * @param relationship 世帯主との続柄 (世帯主, 妻, 子, 子の妻 …)
 * @param memberOrder order within the household (世帯主 first)
 * @param status 住民 or 消除 (除票)
 * @param type 日本人 or 外国人
 * @param name 氏名 and 振り仮名
 * @param birthDate 生年月日 (和暦, 不詳 allowed)
 * @param gender 性別
 * @param familyRegister 戸籍の表示 (Japanese residents; null for foreign residents)
 * @param foreign 外国人住民 items (null for Japanese residents)
 * @param becameResidentDate 住民となった年月日
 * @param address 住所
 * @param addressFixedDate 住所を定めた年月日 (住定日)
 * @param previousAddress 転入前住所
 * @param destinationAddress 転出先住所 (after 転出)
 * @param residentCode 住民票コード
 * @param myNumber 個人番号, encrypted (null if not registered)
 * @param voterRegistered 選挙人名簿への登録の有無
 * @param qualifications 国保・後期高齢・介護・国民年金・児童手当・マイナンバーカード
 * @param removalReason 消除事由 (null while resident)
 * @param removalDate 消除の事由が生じた年月日
 * @param changeReason 異動事由 of this snapshot
 * @param changeDate 異動日
 * @param notifiedDate 届出日 (null for 職権)
 * @param processedAt 処理日時
 * @param processedBy staff member who processed it
 * @param changeNote free note (e.g. what a 誤記修正 corrected)
 */
public record ResidentRecord(AtenaNumber atenaNumber, int historyNumber, HouseholdNumber householdNumber,
		String relationship, int memberOrder, ResidentStatus status, ResidentType type, PersonName name,
		RegisterDate birthDate, Gender gender, FamilyRegister familyRegister, ForeignResidence foreign,
		LocalDate becameResidentDate, Address address, LocalDate addressFixedDate, String previousAddress,
		String destinationAddress, String residentCode, EncryptedMyNumber myNumber, boolean voterRegistered,
		Qualifications qualifications, ChangeReason removalReason, LocalDate removalDate, ChangeReason changeReason, LocalDate changeDate,
		LocalDate notifiedDate, Instant processedAt, String processedBy, String changeNote) {

	public static final String HEAD = "世帯主";

	public boolean isResident() {
		return status == ResidentStatus.RESIDENT;
	}

	public boolean isHead() {
		return HEAD.equals(relationship);
	}

	public boolean hasMyNumber() {
		return myNumber != null;
	}

	/** The next snapshot: same items, a new 履歴番号 and the given change. */
	public ResidentRecord next(ChangeReason reason, LocalDate changeDate, LocalDate notifiedDate, Instant at,
			String by, String note) {
		return new ResidentRecord(atenaNumber, historyNumber + 1, householdNumber, relationship, memberOrder, status, type,
				name, birthDate, gender, familyRegister, foreign, becameResidentDate, address, addressFixedDate,
				previousAddress, destinationAddress, residentCode, myNumber, voterRegistered, qualifications, removalReason, removalDate,
				reason, changeDate, notifiedDate, at, by, note);
	}

	public ResidentRecord withHousehold(HouseholdNumber household, String relationship, int memberOrder) {
		return new ResidentRecord(atenaNumber, historyNumber, household, relationship, memberOrder, status, type, name,
				birthDate, gender, familyRegister, foreign, becameResidentDate, address, addressFixedDate, previousAddress,
				destinationAddress, residentCode, myNumber, voterRegistered, qualifications, removalReason, removalDate, changeReason,
				changeDate, notifiedDate, processedAt, processedBy, changeNote);
	}

	public ResidentRecord withAddress(Address address, LocalDate fixedDate) {
		return new ResidentRecord(atenaNumber, historyNumber, householdNumber, relationship, memberOrder, status, type,
				name, birthDate, gender, familyRegister, foreign, becameResidentDate, address, fixedDate, previousAddress,
				destinationAddress, residentCode, myNumber, voterRegistered, qualifications, removalReason, removalDate, changeReason,
				changeDate, notifiedDate, processedAt, processedBy, changeNote);
	}

	public ResidentRecord removed(ChangeReason reason, LocalDate date, String destination) {
		return new ResidentRecord(atenaNumber, historyNumber, householdNumber, relationship, memberOrder,
				ResidentStatus.REMOVED, type, name, birthDate, gender, familyRegister, foreign, becameResidentDate, address,
				addressFixedDate, previousAddress, destination, residentCode, myNumber, voterRegistered, qualifications, reason, date,
				changeReason, changeDate, notifiedDate, processedAt, processedBy, changeNote);
	}

	public ResidentRecord withPerson(PersonName name, RegisterDate birthDate, Gender gender,
			FamilyRegister familyRegister, ForeignResidence foreign) {
		return new ResidentRecord(atenaNumber, historyNumber, householdNumber, relationship, memberOrder, status, type,
				name, birthDate, gender, familyRegister, foreign, becameResidentDate, address, addressFixedDate,
				previousAddress, destinationAddress, residentCode, myNumber, voterRegistered, qualifications, removalReason, removalDate,
				changeReason, changeDate, notifiedDate, processedAt, processedBy, changeNote);
	}

	public ResidentRecord withQualifications(Qualifications q) {
		return new ResidentRecord(atenaNumber, historyNumber, householdNumber, relationship, memberOrder, status, type,
				name, birthDate, gender, familyRegister, foreign, becameResidentDate, address, addressFixedDate,
				previousAddress, destinationAddress, residentCode, myNumber, voterRegistered, q, removalReason, removalDate,
				changeReason, changeDate, notifiedDate, processedAt, processedBy, changeNote);
	}
}
