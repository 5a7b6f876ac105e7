package org.madoguchi.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Field errors for this module's pages, in the shape {@code fragments/forms :: errorSummary} reads
 * ({@code fieldErrors}, {@code errorSummary}); the labels come from this module's bundle
 * ({@code accounts.field.*}).
 */
@Component
class AccountForms {

	private final MessageSource messages;

	AccountForms(MessageSource messages) {
		this.messages = messages;
	}

	void addErrors(Model model, List<FieldError> errors) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> byField = new LinkedHashMap<>();
		for (FieldError e : errors) {
			byField.merge(e.field(), message(e.code(), e.args()), (a, b) -> a + " " + b);
		}
		model.addAttribute("fieldErrors", byField);
		model.addAttribute("errorSummary", errors.stream()
			.map(e -> new FormErrors.SummaryItem(0, e.field(),
					messages.getMessage("accounts.field." + e.field(), null, e.field(), locale), message(e.code(), e.args())))
			.toList());
	}

	String message(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}
}
