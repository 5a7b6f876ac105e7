package org.madoguchi.procedures;

import java.util.List;

/**
 * A check across fields, run on the whole application before submission.
 * <ul>
 * <li>{@code BEFORE}: {@code fields[0]} (a DATE) must be on or before {@code fields[1]}.</li>
 * <li>{@code AT_LEAST_ONE}: at least one of {@code fields} must be answered.</li>
 * <li>{@code SAME}: all {@code fields} must have the same answer (e.g. an email typed twice).</li>
 * </ul>
 * The error is reported on the last field listed, with {@code message}.
 */
public record Rule(Kind kind, List<String> fields, Text message) {

	public enum Kind {
		BEFORE, AT_LEAST_ONE, SAME
	}

	public Rule {
		fields = fields == null ? List.of() : List.copyOf(fields);
	}
}
