package org.madoguchi.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.madoguchi.platform.FieldError;

/**
 * Field-level checks of register input. Collects every problem rather than stopping at the first,
 * so a form or an import can show them all. Field names are prefixed (e.g. {@code persons[1].birthDate}).
 */
final class EntryValidator {

	static final int NAME_MAX = 60;
	static final int KANA_MAX = 120;
	static final int ADDRESS_MAX = 200;

	private final List<FieldError> errors = new ArrayList<>();
	private final LocalDate today;

	EntryValidator(LocalDate today) {
		this.today = today;
	}

	List<FieldError> errors() {
		return errors;
	}

	boolean ok() {
		return errors.isEmpty();
	}

	void reject(String field, String code, Object... args) {
		errors.add(FieldError.of(field, code, args));
	}

	void person(String prefix, PersonEntry p, boolean requireRelationship) {
		if (p.name() == null) {
			reject(prefix + "familyName", "error.required");
			return;
		}
		PersonName n = p.name();
		text(prefix + "familyName", n.family(), NAME_MAX, true);
		text(prefix + "givenName", n.given(), NAME_MAX, false);
		kana(prefix + "familyNameKana", n.familyKana());
		kana(prefix + "givenNameKana", n.givenKana());
		kana(prefix + "formerFamilyNameKana", n.formerFamilyKana());
		kana(prefix + "aliasNameKana", n.aliasKana());
		text(prefix + "formerFamilyName", n.formerFamily(), NAME_MAX, false);
		text(prefix + "aliasName", n.alias(), 120, false);
		text(prefix + "alphabetName", n.alphabetName(), 200, false);
		if (p.birthDate() == null) {
			reject(prefix + "birthDate", "error.required");
		}
		else if (p.birthDate().earliest().isAfter(today)) {
			reject(prefix + "birthDate", "error.date.future");
		}
		if (p.gender() == null) {
			reject(prefix + "gender", "error.required");
		}
		if (p.type() == null) {
			reject(prefix + "type", "error.required");
		}
		else if (p.type() == ResidentType.FOREIGN) {
			ForeignResidence f = p.foreign();
			if (f == null || f.nationality() == null || f.nationality().isBlank()) {
				reject(prefix + "nationality", "error.required");
			}
			else {
				text(prefix + "nationality", f.nationality(), 60, true);
			}
			if (f == null || f.category() == null || !ForeignResidence.CATEGORIES.contains(f.category())) {
				reject(prefix + "foreignCategory", "error.foreignCategory");
			}
			if (n.alphabetName() == null || n.alphabetName().isBlank()) {
				reject(prefix + "alphabetName", "error.required");
			}
			if (f != null) {
				text(prefix + "residenceStatus", f.status(), 60, false);
				text(prefix + "residenceCardNumber", f.cardNumber(), 20, false);
				if (f.cardNumber() != null && !f.cardNumber().isBlank() && !f.cardNumber().matches("[A-Z]{2}\\d{8}[A-Z]{2}")) {
					reject(prefix + "residenceCardNumber", "error.residenceCardNumber");
				}
			}
		}
		else if (p.familyRegister() != null) {
			text(prefix + "honseki", p.familyRegister().honseki(), ADDRESS_MAX, false);
			text(prefix + "hittousha", p.familyRegister().hittousha(), NAME_MAX, false);
		}
		if (requireRelationship && !Relationship.isValid(p.relationship())) {
			reject(prefix + "relationship", "error.relationship");
		}
		if (p.residentCode() != null && !p.residentCode().isBlank() && !ResidentCode.isValid(p.residentCode())) {
			reject(prefix + "residentCode", "error.residentCode");
		}
		if (p.myNumber() != null && !p.myNumber().isBlank() && !MyNumber.isValid(p.myNumber())) {
			reject(prefix + "myNumber", "error.myNumber");
		}
	}

	/**
	 * The field errors of a person, leaving out fields already reported as unreadable (a value that could
	 * not be read is reported once, not again as missing).
	 */
	List<FieldError> personBesides(String prefix, PersonEntry p, boolean requireRelationship,
			java.util.Collection<FieldError> alreadyReported) {
		int before = errors.size();
		person(prefix, p, requireRelationship);
		java.util.Set<String> reported = new java.util.HashSet<>();
		alreadyReported.forEach(e -> reported.add(e.field()));
		return errors.subList(before, errors.size()).stream().filter(e -> !reported.contains(e.field())).toList();
	}

	void address(String prefix, Address a) {
		if (a == null || a.text() == null || a.text().isBlank()) {
			reject(prefix + "address", "error.required");
			return;
		}
		text(prefix + "address", a.text(), ADDRESS_MAX, true);
		text(prefix + "katagaki", a.katagaki(), 120, false);
		if (a.postalCode() != null && !a.postalCode().isBlank() && !a.postalCode().matches("\\d{3}-\\d{4}")) {
			reject(prefix + "postalCode", "error.postalCode");
		}
	}

	void dates(LocalDate changeDate, LocalDate notifiedDate, boolean notificationRequired, int maxDaysAhead) {
		if (changeDate == null) {
			reject("changeDate", "error.required");
		}
		if (notifiedDate == null && notificationRequired) {
			reject("notifiedDate", "error.required");
		}
		if (notifiedDate != null && notifiedDate.isAfter(today)) {
			reject("notifiedDate", "error.date.future");
		}
		if (changeDate != null) {
			LocalDate limit = (notifiedDate == null ? today : notifiedDate).plusDays(maxDaysAhead);
			if (changeDate.isAfter(limit)) {
				reject("changeDate", maxDaysAhead == 0 ? "error.changeDate.afterNotified" : "error.changeDate.tooFar",
						maxDaysAhead);
			}
			if (changeDate.isBefore(LocalDate.of(1900, 1, 1))) {
				reject("changeDate", "error.date.range");
			}
		}
	}

	void text(String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				reject(field, "error.required");
			}
			return;
		}
		if (value.length() > max) {
			reject(field, "error.tooLong", max);
		}
		if (value.chars().anyMatch(c -> Character.isISOControl(c))) {
			reject(field, "error.control");
		}
	}

	void kana(String field, String value) {
		if (value == null || value.isBlank()) {
			return;
		}
		if (value.length() > KANA_MAX) {
			reject(field, "error.tooLong", KANA_MAX);
		}
		else if (!Kana.isKatakana(value)) {
			reject(field, "error.katakana");
		}
	}
}
