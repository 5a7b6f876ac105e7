package org.madoguchi.identity;

/**
 * A refusal of a development tool ({@code test-pki}, {@code virtual-card}) with its message in Japanese first and
 * English second, printed as it is to the developer.
 */
final class ToolException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	ToolException(String japanese, String english) {
		super(japanese + " / " + english);
	}

	ToolException(String japanese, String english, Throwable cause) {
		super(japanese + " / " + english, cause);
	}
}
