package org.madoguchi.procedures;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a procedure definition from YAML and checks it ({@link DefinitionChecker}). Unknown keys are
 * errors, so a typo in a file is found at start, not by a resident.
 */
public final class ProcedureYaml {

	/** The largest definition file accepted. */
	public static final int MAX_SOURCE_CHARS = 200_000;

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private ProcedureYaml() {
	}

	/**
	 * Parses and checks a definition.
	 * @throws DefinitionException listing every problem found
	 */
	public static ProcedureDefinition parse(String source) {
		if (source == null || source.isBlank()) {
			throw new DefinitionException(List.of("the definition is empty"));
		}
		if (source.length() > MAX_SOURCE_CHARS) {
			throw new DefinitionException(List.of("the definition is longer than " + MAX_SOURCE_CHARS + " characters"));
		}
		ProcedureDefinition definition;
		try {
			definition = YAML.readValue(source, ProcedureDefinition.class);
		}
		catch (JacksonException e) {
			throw new DefinitionException(List.of("not a valid definition: " + e.getOriginalMessage()
					+ (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : "")));
		}
		List<String> problems = DefinitionChecker.check(definition);
		if (!problems.isEmpty()) {
			throw new DefinitionException(problems);
		}
		return definition;
	}

	/**
	 * Reads a stored version without the structural checks: it passed them when it was published, and a
	 * check added later must not make an application filed under it unreadable.
	 */
	static ProcedureDefinition readStored(String source) {
		return YAML.readValue(source, ProcedureDefinition.class);
	}

	public static String sha256(String source) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
