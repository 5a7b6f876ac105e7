package org.madoguchi.procedures;

import java.util.List;

/** A procedure definition that cannot be used, with every problem found (in English, for administrators). */
public class DefinitionException extends RuntimeException {

	private final List<String> problems;

	public DefinitionException(List<String> problems) {
		super(String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}
}
