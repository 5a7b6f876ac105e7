package org.madoguchi.procedures;

/** Publishes procedure versions (管理者 in the staff UI, and the loader at start). */
public interface ProcedurePublisher {

	/**
	 * Parses, checks and stores {@code yamlSource} as the next version of the procedure it names.
	 * Publishing a text equal to an existing version of that procedure returns that version unchanged.
	 * @throws DefinitionException with every problem found; nothing is stored then
	 */
	ProcedureVersion publish(String yamlSource, String publishedBy);
}
