package org.madoguchi.registry.web;

import org.madoguchi.registry.ResidentRecord;

/**
 * One line of a search result: enough to tell people apart and pick one. The full record is
 * {@code GET /api/v1/register/residents/{atenaNumber}}.
 */
public record ResidentSummaryJson(String atenaNumber, String householdNumber, String status, String type,
		String name, String nameKana, String birthDate, String birthDateJapanese, String gender, String address,
		String relationship) {

	public static ResidentSummaryJson of(ResidentRecord r) {
		return new ResidentSummaryJson(r.atenaNumber().value(), r.householdNumber().value(), r.status().name(),
				r.type().name(), r.name().full(), r.name().fullKana(), r.birthDate().iso(), r.birthDate().japanese(),
				r.gender().name(), r.address().full(), r.relationship());
	}
}
