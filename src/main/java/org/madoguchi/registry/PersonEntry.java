package org.madoguchi.registry;

/**
 * The personal items of someone being entered into the register (転入, 出生) or corrected (誤記修正).
 *
 * @param name 氏名 and 振り仮名
 * @param birthDate 生年月日
 * @param gender 性別
 * @param type 日本人 / 外国人
 * @param familyRegister 戸籍の表示 (Japanese)
 * @param foreign 在留 items (foreign residents)
 * @param relationship 続柄 in the household entered
 * @param residentCode 住民票コード (blank: to be issued later)
 * @param myNumber 個人番号 in clear as entered (blank: none); encrypted before storage
 * @param voterRegistered 選挙人名簿登録
 * @param qualifications insurance, pension, allowance and card items (bulk loads; none for a form entry)
 */
public record PersonEntry(PersonName name, RegisterDate birthDate, Gender gender, ResidentType type,
		FamilyRegister familyRegister, ForeignResidence foreign, String relationship, String residentCode, String myNumber,
		boolean voterRegistered, Qualifications qualifications) {

	public PersonEntry {
		qualifications = qualifications == null ? Qualifications.NONE : qualifications;
	}

	public PersonEntry(PersonName name, RegisterDate birthDate, Gender gender, ResidentType type,
			FamilyRegister familyRegister, ForeignResidence foreign, String relationship, String residentCode,
			String myNumber, boolean voterRegistered) {
		this(name, birthDate, gender, type, familyRegister, foreign, relationship, residentCode, myNumber, voterRegistered,
				Qualifications.NONE);
	}

	public PersonEntry withQualifications(Qualifications q) {
		return new PersonEntry(name, birthDate, gender, type, familyRegister, foreign, relationship, residentCode, myNumber,
				voterRegistered, q);
	}

	@Override
	public String toString() {
		return "PersonEntry[" + name.full() + ", myNumber=****]";
	}
}
