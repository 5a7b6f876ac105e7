package org.madoguchi.procedures;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What validation needs besides the answers.
 *
 * @param today the filing day (in the city's time zone), for relative date limits
 * @param household the members a HOUSEHOLD_MEMBER answer may name (empty when the applicant is not linked to the register)
 * @param attachmentsByField the attachment ids stored for this application, by FILE field id; a FILE answer must
 *     name only these
 */
public record ValidationContext(LocalDate today, List<HouseholdMember> household,
		Map<String, Set<String>> attachmentsByField) {

	public ValidationContext {
		household = household == null ? List.of() : List.copyOf(household);
		attachmentsByField = attachmentsByField == null ? Map.of() : Map.copyOf(attachmentsByField);
	}

	public static ValidationContext on(LocalDate today) {
		return new ValidationContext(today, List.of(), Map.of());
	}
}
