package org.madoguchi.assistant;

import java.util.List;

/**
 * The topics Q&amp;A are filed under: a small standard taxonomy of municipal services (行政サービスの分類), the same
 * for every city so that standard entries, analytics and the menu of the "no answer" reply line up. Names are
 * in the message bundle ({@code assistant.category.<code>}); the menu shows only topics that have entries.
 */
final class Categories {

	static final List<String> CODES = List.of("MOVING", "CERTIFICATES", "TAX", "INSURANCE_PENSION", "CHILDCARE",
			"ELDERLY_CARE", "HEALTH", "WELFARE", "WASTE", "DISASTER", "FACILITIES", "LIVING", "EDUCATION", "CITY_HALL");

	private Categories() {
	}

	static boolean known(String code) {
		return code != null && CODES.contains(code);
	}
}
