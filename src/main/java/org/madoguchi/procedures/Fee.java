package org.madoguchi.procedures;

import java.util.List;

/**
 * What the procedure costs. {@code amount} yen, multiplied by the NUMBER field {@code perField} when set
 * (e.g. 300 yen per copy). {@code methods} lists how it may be paid, by payment provider name
 * ({@code COUNTER}: at the counter or on delivery, the built-in provider).
 */
public record Fee(int amount, String perField, Text note, List<String> methods) {

	public Fee {
		methods = methods == null || methods.isEmpty() ? List.of("COUNTER") : List.copyOf(methods);
	}
}
