package org.madoguchi.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * What staff see of one person: the current snapshot, protections in force and the household.
 */
public record PersonView(ResidentRecord record, List<SupportMeasure> supportMeasures, List<Suppression> suppressions,
		LocalDate today) {

	public boolean underSupportMeasure() {
		return supportMeasures.stream().anyMatch(s -> s.activeOn(today));
	}

	public boolean changesSuppressed() {
		return suppressions.stream().anyMatch(s -> s.activeOn(today) && s.blockChange());
	}

	public boolean issuanceSuppressed() {
		return suppressions.stream().anyMatch(s -> s.activeOn(today) && s.blockIssuance());
	}
}
