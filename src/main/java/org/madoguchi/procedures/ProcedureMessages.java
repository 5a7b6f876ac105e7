package org.madoguchi.procedures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.madoguchi.platform.FieldError;
import org.springframework.context.MessageSource;

/**
 * Formats the {@link FieldError}s of this module in a language. Their arguments may hold {@link Text} or
 * {@link TextArgument} values (field labels, rule messages); these are put in the reader's language first.
 */
public final class ProcedureMessages {

	private ProcedureMessages() {
	}

	public static String resolve(FieldError error, Locale locale, MessageSource messages) {
		Object[] args = error.args() == null ? new Object[0] : error.args().clone();
		for (int i = 0; i < args.length; i++) {
			if (args[i] instanceof Text t) {
				args[i] = t.in(locale);
			}
			else if (args[i] instanceof TextArgument t) {
				args[i] = t.text().in(locale);
			}
		}
		return messages.getMessage(error.code(), args, error.code(), locale);
	}

	/** Field id → message, in the order given; a second error on the same field is added after the first. */
	public static Map<String, String> resolveAll(List<FieldError> errors, Locale locale, MessageSource messages) {
		Map<String, String> byField = new LinkedHashMap<>();
		for (FieldError e : errors) {
			byField.merge(e.field(), resolve(e, locale, messages), (a, b) -> a + " " + b);
		}
		return byField;
	}
}
