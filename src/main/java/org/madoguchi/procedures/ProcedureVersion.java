package org.madoguchi.procedures;

import java.time.Instant;

/**
 * One published version of a procedure. Versions are numbered from 1 per procedure and never change
 * once published; {@code sha256} is over the YAML source, so loading the same file again adds nothing.
 *
 * @param source the YAML text this version was published from
 * @param publishedBy the staff login, or {@code "system"} for files loaded at start
 */
public record ProcedureVersion(String procedureId, int version, ProcedureDefinition definition, String source,
		String sha256, Instant publishedAt, String publishedBy) {
}
