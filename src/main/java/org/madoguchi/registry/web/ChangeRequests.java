package org.madoguchi.registry.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.registry.Address;
import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.ChangeReason;
import org.madoguchi.registry.HouseholdNumber;
import org.madoguchi.registry.PersonEntry;
import org.madoguchi.registry.PersonForm;

/** Request bodies of the change endpoints, shared by the API (JSON) and the staff forms. */
public final class ChangeRequests {

	private ChangeRequests() {
	}

	/** An address as entered. */
	public record AddressInput(String townCode, String address, String katagaki, String postalCode) {
		Address toAddress() {
			return new Address(blank(townCode), blank(address), blank(katagaki), blank(postalCode));
		}
	}

	public record MoveInRequest(String reason, String joinHousehold, AddressInput address, String previousAddress,
			LocalDate changeDate, LocalDate notifiedDate, List<PersonForm> persons) {
	}

	public record MoveWithinCityRequest(String household, List<String> members, AddressInput newAddress, String newHead,
			Map<String, String> relationships, LocalDate changeDate, LocalDate notifiedDate) {
	}

	public record MoveOutRequest(String reason, List<String> members, String destination, LocalDate changeDate,
			LocalDate notifiedDate) {
	}

	public record BirthRequest(String household, PersonForm child, LocalDate notifiedDate) {
	}

	public record DeathRequest(String person, LocalDate dateOfDeath, LocalDate notifiedDate) {
	}

	public record SeparateRequest(List<String> members, String newHead, Map<String, String> relationships,
			LocalDate changeDate, LocalDate notifiedDate) {
	}

	public record MergeRequest(String from, String into, Map<String, String> relationships, LocalDate changeDate,
			LocalDate notifiedDate) {
	}

	public record HeadChangeRequest(String household, String newHead, Map<String, String> relationships,
			LocalDate changeDate, LocalDate notifiedDate) {
	}

	public record CorrectionRequest(PersonForm corrected, String note, LocalDate changeDate) {
	}

	// ---- conversion helpers, collecting field errors ----

	static AtenaNumber atena(String value, String field, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(FieldError.of(field, "error.required"));
			return null;
		}
		if (!AtenaNumber.isValid(value.strip())) {
			errors.add(FieldError.of(field, "error.checkDigit"));
			return null;
		}
		return new AtenaNumber(value.strip());
	}

	static HouseholdNumber household(String value, String field, List<FieldError> errors, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(FieldError.of(field, "error.required"));
			}
			return null;
		}
		if (!HouseholdNumber.isValid(value.strip())) {
			errors.add(FieldError.of(field, "error.checkDigit"));
			return null;
		}
		return new HouseholdNumber(value.strip());
	}

	static List<AtenaNumber> atenas(List<String> values, String field, List<FieldError> errors) {
		List<AtenaNumber> out = new ArrayList<>();
		if (values == null) {
			return out;
		}
		for (int i = 0; i < values.size(); i++) {
			AtenaNumber a = atena(values.get(i), field + "[" + i + "]", errors);
			if (a != null) {
				out.add(a);
			}
		}
		return out;
	}

	static Map<AtenaNumber, String> relationships(Map<String, String> values, List<FieldError> errors) {
		Map<AtenaNumber, String> out = new LinkedHashMap<>();
		if (values == null) {
			return out;
		}
		values.forEach((k, v) -> {
			AtenaNumber a = atena(k, "relationships[" + k + "]", errors);
			if (a != null) {
				out.put(a, v == null ? null : v.strip());
			}
		});
		return out;
	}

	static ChangeReason reason(String value, String field, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(FieldError.of(field, "error.required"));
			return null;
		}
		try {
			return ChangeReason.valueOf(value.strip());
		}
		catch (IllegalArgumentException e) {
			errors.add(FieldError.of(field, "error.choice"));
			return null;
		}
	}

	static List<PersonEntry> persons(List<PersonForm> forms, List<FieldError> errors) {
		List<PersonEntry> out = new ArrayList<>();
		if (forms == null) {
			return out;
		}
		for (int i = 0; i < forms.size(); i++) {
			out.add(forms.get(i).toEntry("persons[" + i + "].", errors));
		}
		return out;
	}

	static void throwIf(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
