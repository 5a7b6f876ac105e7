package org.madoguchi.procedures;

import java.util.List;

/** One page of a procedure's form (one question or a few related ones, as GOV.UK-style forms do). */
public record PageDefinition(String id, Text title, Text hint, List<FieldDefinition> fields, Condition visibleWhen) {

	public PageDefinition {
		fields = fields == null ? List.of() : List.copyOf(fields);
	}
}
