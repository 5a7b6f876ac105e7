package org.madoguchi.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.madoguchi.platform.FieldError;

/**
 * A person's items as typed into a staff form or sent in an API request. Mutable so that both
 * Spring MVC form binding and JSON can fill it; {@link #toEntry} turns it into a {@link PersonEntry}
 * or reports which fields could not be read.
 */
public class PersonForm {

	private String familyName;
	private String givenName;
	private String familyNameKana;
	private String givenNameKana;
	private boolean kanaConfirmed;
	private String formerFamilyName;
	private String formerFamilyNameKana;
	private String aliasName;
	private String aliasNameKana;
	private String alphabetName;
	/** {@code S45.3.15} (元号 code, year, month, day; 0 = 不詳) or {@code 1970-03-15}. */
	private String birthDate;
	private String gender;
	private String type = "JAPANESE";
	private String honseki;
	private String hittousha;
	private String nationality;
	private String foreignCategory;
	private String residenceStatus;
	private String residencePeriod;
	private LocalDate residenceExpiry;
	private String residenceCardNumber;
	private String relationship;
	private String residentCode;
	private String myNumber;
	private boolean voterRegistered;

	public static PersonForm of(ResidentRecord r) {
		PersonForm f = new PersonForm();
		PersonName n = r.name();
		f.familyName = n.family();
		f.givenName = n.given();
		f.familyNameKana = n.familyKana();
		f.givenNameKana = n.givenKana();
		f.kanaConfirmed = n.kanaConfirmed();
		f.formerFamilyName = n.formerFamily();
		f.formerFamilyNameKana = n.formerFamilyKana();
		f.aliasName = n.alias();
		f.aliasNameKana = n.aliasKana();
		f.alphabetName = n.alphabetName();
		f.birthDate = r.birthDate().eraCode() == RegisterDate.WESTERN ? r.birthDate().iso() : eraText(r.birthDate());
		f.gender = r.gender().name();
		f.type = r.type().name();
		if (r.familyRegister() != null) {
			f.honseki = r.familyRegister().honseki();
			f.hittousha = r.familyRegister().hittousha();
		}
		if (r.foreign() != null) {
			f.nationality = r.foreign().nationality();
			f.foreignCategory = r.foreign().category();
			f.residenceStatus = r.foreign().status();
			f.residencePeriod = r.foreign().period();
			f.residenceExpiry = r.foreign().expiry();
			f.residenceCardNumber = r.foreign().cardNumber();
		}
		f.relationship = r.relationship();
		f.residentCode = r.residentCode();
		f.voterRegistered = r.voterRegistered();
		return f;
	}

	private static String eraText(RegisterDate d) {
		Era era = Era.ofCode(d.eraCode());
		return era.code() + "" + (d.year() - era.firstYear() + 1) + "." + d.month() + "." + d.day();
	}

	/** Converts, collecting unreadable values as field errors under {@code prefix}. */
	public PersonEntry toEntry(String prefix, List<FieldError> errors) {
		RegisterDate birth = null;
		if (birthDate == null || birthDate.isBlank()) {
			errors.add(FieldError.of(prefix + "birthDate", "error.required"));
		}
		else {
			try {
				birth = RegisterDate.parse(birthDate);
			}
			catch (IllegalArgumentException e) {
				errors.add(FieldError.of(prefix + "birthDate", "error.date"));
			}
		}
		Gender g = parseEnum(Gender.class, gender, prefix + "gender", errors);
		ResidentType t = parseEnum(ResidentType.class, type, prefix + "type", errors);
		PersonName name = new PersonName(trim(familyName), trim(givenName), trim(familyNameKana), trim(givenNameKana),
				kanaConfirmed, trim(formerFamilyName), trim(formerFamilyNameKana), trim(aliasName), trim(aliasNameKana),
				trim(alphabetName));
		FamilyRegister family = t == ResidentType.FOREIGN ? null : new FamilyRegister(trim(honseki), trim(hittousha));
		ForeignResidence foreign = t == ResidentType.FOREIGN ? new ForeignResidence(trim(nationality),
				trim(foreignCategory), trim(residenceStatus), trim(residencePeriod), residenceExpiry,
				trim(residenceCardNumber)) : null;
		return new PersonEntry(name, birth, g, t, family, foreign, trim(relationship), trim(residentCode),
				trim(myNumber), voterRegistered);
	}

	static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(FieldError.of(field, "error.required"));
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException e) {
			errors.add(FieldError.of(field, "error.choice"));
			return null;
		}
	}

	static String trim(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	public static List<FieldError> newErrors() {
		return new ArrayList<>();
	}

	// ---- accessors for binding ----
	public String getFamilyName() { return familyName; }
	public void setFamilyName(String v) { familyName = v; }
	public String getGivenName() { return givenName; }
	public void setGivenName(String v) { givenName = v; }
	public String getFamilyNameKana() { return familyNameKana; }
	public void setFamilyNameKana(String v) { familyNameKana = v; }
	public String getGivenNameKana() { return givenNameKana; }
	public void setGivenNameKana(String v) { givenNameKana = v; }
	public boolean isKanaConfirmed() { return kanaConfirmed; }
	public void setKanaConfirmed(boolean v) { kanaConfirmed = v; }
	public String getFormerFamilyName() { return formerFamilyName; }
	public void setFormerFamilyName(String v) { formerFamilyName = v; }
	public String getFormerFamilyNameKana() { return formerFamilyNameKana; }
	public void setFormerFamilyNameKana(String v) { formerFamilyNameKana = v; }
	public String getAliasName() { return aliasName; }
	public void setAliasName(String v) { aliasName = v; }
	public String getAliasNameKana() { return aliasNameKana; }
	public void setAliasNameKana(String v) { aliasNameKana = v; }
	public String getAlphabetName() { return alphabetName; }
	public void setAlphabetName(String v) { alphabetName = v; }
	public String getBirthDate() { return birthDate; }
	public void setBirthDate(String v) { birthDate = v; }
	public String getGender() { return gender; }
	public void setGender(String v) { gender = v; }
	public String getType() { return type; }
	public void setType(String v) { type = v; }
	public String getHonseki() { return honseki; }
	public void setHonseki(String v) { honseki = v; }
	public String getHittousha() { return hittousha; }
	public void setHittousha(String v) { hittousha = v; }
	public String getNationality() { return nationality; }
	public void setNationality(String v) { nationality = v; }
	public String getForeignCategory() { return foreignCategory; }
	public void setForeignCategory(String v) { foreignCategory = v; }
	public String getResidenceStatus() { return residenceStatus; }
	public void setResidenceStatus(String v) { residenceStatus = v; }
	public String getResidencePeriod() { return residencePeriod; }
	public void setResidencePeriod(String v) { residencePeriod = v; }
	public LocalDate getResidenceExpiry() { return residenceExpiry; }
	public void setResidenceExpiry(LocalDate v) { residenceExpiry = v; }
	public String getResidenceCardNumber() { return residenceCardNumber; }
	public void setResidenceCardNumber(String v) { residenceCardNumber = v; }
	public String getRelationship() { return relationship; }
	public void setRelationship(String v) { relationship = v; }
	public String getResidentCode() { return residentCode; }
	public void setResidentCode(String v) { residentCode = v; }
	public String getMyNumber() { return myNumber; }
	public void setMyNumber(String v) { myNumber = v; }
	public boolean isVoterRegistered() { return voterRegistered; }
	public void setVoterRegistered(boolean v) { voterRegistered = v; }
}
