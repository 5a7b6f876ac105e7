package org.madoguchi.platform;

import java.util.List;

/**
 * Input that was rejected as a whole; carries every field error found, so that the user can fix
 * them all at once. Nothing was written when this is thrown.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidInputException(List<FieldError> errors) {
		super("invalid input: " + errors.size() + " error(s), first " + errors.get(0).field() + " " + errors.get(0).code());
		this.errors = List.copyOf(errors);
	}

	public InvalidInputException(FieldError error) {
		this(List.of(error));
	}

	public List<FieldError> errors() {
		return errors;
	}
}
