package org.madoguchi.issuance.signing;

/** The time-stamp authority could not be reached, or its reply was refused (the reason says which). */
public class TimestampException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public TimestampException(String message) {
		super(message);
	}

	public TimestampException(String message, Throwable cause) {
		super(message, cause);
	}
}
