package org.madoguchi.platform;

/**
 * One rejected input: which field, and why, as a message key with arguments so that the text
 * comes out in the user's language.
 *
 * @param row the 1-based data row of a file import, or 0 for a single form or request
 * @param field the field name as the form or API calls it
 * @param code message key (in {@code messages*.properties})
 * @param args message arguments
 */
public record FieldError(int row, String field, String code, Object... args) {

	public static FieldError of(String field, String code, Object... args) {
		return new FieldError(0, field, code, args);
	}

	public FieldError atRow(int row) {
		return new FieldError(row, field, code, args);
	}
}
