package org.madoguchi.procedures;

import org.springframework.context.MessageSourceResolvable;

/**
 * A {@link Text} (a field's label, a rule's message) used as a message argument in a
 * {@link org.madoguchi.platform.FieldError}. It resolves itself in the reader's language through the
 * message key {@code procedures.text} ({@code {0}} in Japanese, {@code {1}} in English), so any code that
 * formats a FieldError with Spring's {@code MessageSource} (FormErrors, the API problem handler) shows the
 * label in the right language without knowing about procedures. {@link ProcedureMessages#resolve} does
 * the same directly.
 */
public record TextArgument(Text text) implements MessageSourceResolvable {

	static final String CODE = "procedures.text";

	public TextArgument {
		if (text == null) {
			text = Text.of("", "");
		}
	}

	public static TextArgument of(Text text) {
		return new TextArgument(text);
	}

	@Override
	public String[] getCodes() {
		return new String[] { CODE };
	}

	@Override
	public Object[] getArguments() {
		String ja = text.ja() == null ? "" : text.ja();
		String en = text.en() == null || text.en().isBlank() ? ja : text.en();
		return new Object[] { ja, en };
	}

	@Override
	public String getDefaultMessage() {
		return text.ja();
	}

	@Override
	public String toString() {
		return text.ja();
	}
}
