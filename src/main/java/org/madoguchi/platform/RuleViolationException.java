package org.madoguchi.platform;

/**
 * A request that is well-formed but contradicts the current state (e.g. 転出 of a person who was
 * already removed). Maps to HTTP 409.
 */
public class RuleViolationException extends RuntimeException {

	private final String code;
	private final Object[] args;

	public RuleViolationException(String code, Object... args) {
		super(code);
		this.code = code;
		this.args = args;
	}

	public String code() {
		return code;
	}

	public Object[] args() {
		return args;
	}
}
