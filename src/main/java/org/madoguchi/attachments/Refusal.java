package org.madoguchi.attachments;

/** Why a file is refused, before it is known which form field to blame; becomes a FieldError. */
final class Refusal extends RuntimeException {

	private final String code;
	private final transient Object[] args;

	Refusal(String code, Object... args) {
		super(code, null, false, false);
		this.code = code;
		this.args = args;
	}

	String code() {
		return code;
	}

	Object[] args() {
		return args;
	}
}
