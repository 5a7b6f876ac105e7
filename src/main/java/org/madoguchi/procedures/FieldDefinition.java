package org.madoguchi.procedures;

import java.util.List;

/**
 * One field of a procedure page.
 *
 * @param id stable name, {@code [a-z][a-zA-Z0-9]*}, unique in the procedure
 * @param type the kind of field
 * @param label what the field asks
 * @param hint optional help shown under the label
 * @param required whether an answer is needed (when visible)
 * @param maxLength for TEXT, TEXTAREA, KATAKANA (default 100, TEXTAREA 2,000)
 * @param min for NUMBER
 * @param max for NUMBER
 * @param pattern optional Java regular expression a TEXT answer must match in full
 * @param patternMessage what to tell the resident when the pattern does not match
 * @param options for SELECT, RADIO, CHECKBOX
 * @param visibleWhen optional condition
 * @param prefill optional source of the starting value
 * @param notBefore for DATE: earliest allowed, relative to the day of filing, e.g. {@code -30d}, {@code 0d}, {@code -100y}
 * @param notAfter for DATE: latest allowed, e.g. {@code +14d}, {@code 0d}
 * @param types for FILE: allowed content types among {@code PDF, JPEG, PNG}
 * @param maxBytes for FILE: largest file (default 10 MB, at most 20 MB)
 * @param bringOriginal for FILE: the original paper must also be shown or sent (別途原本の提出が必要)
 * @param maxItems for FILE and HOUSEHOLD_MEMBER: how many may be given (default 1 for FILE, 10 for members)
 */
public record FieldDefinition(String id, FieldType type, Text label, Text hint, boolean required, Integer maxLength,
		Long min, Long max, String pattern, Text patternMessage, List<Choice> options, Condition visibleWhen,
		Prefill prefill, String notBefore, String notAfter, List<String> types, Long maxBytes, boolean bringOriginal,
		Integer maxItems) {

	public FieldDefinition {
		options = options == null ? List.of() : List.copyOf(options);
		types = types == null ? List.of() : List.copyOf(types);
	}
}
