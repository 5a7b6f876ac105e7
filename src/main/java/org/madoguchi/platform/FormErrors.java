package org.madoguchi.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Puts field errors into a page model for the DADS form pattern: {@code fieldErrors} (field →
 * message, shown next to the field) and {@code errorSummary} (the list at the top of the form).
 */
@Component
public class FormErrors {

	private final MessageSource messages;

	FormErrors(MessageSource messages) {
		this.messages = messages;
	}

	public void addTo(Model model, List<FieldError> errors) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> byField = new LinkedHashMap<>();
		for (FieldError e : errors) {
			String message = messages.getMessage(e.code(), Localized.resolve(e.args(), locale), e.code(), locale);
			String key = e.row() > 0 ? "row" + e.row() + "." + e.field() : e.field();
			byField.merge(key, message, (a, b) -> a + " " + b);
		}
		model.addAttribute("fieldErrors", byField);
		model.addAttribute("errorSummary", errors.stream().map(e -> new SummaryItem(e.row(), e.field(),
				messages.getMessage("field." + leaf(e.field()), null, leaf(e.field()), locale),
				messages.getMessage(e.code(), Localized.resolve(e.args(), locale), e.code(), locale))).toList());
	}

	public String message(String code, Object[] args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	/** One line of the error summary: the field's label and what is wrong. */
	public record SummaryItem(int row, String field, String label, String message) {
	}

	static String leaf(String field) {
		int dot = field.lastIndexOf('.');
		String leaf = dot >= 0 ? field.substring(dot + 1) : field;
		int bracket = leaf.indexOf('[');
		return bracket > 0 ? leaf.substring(0, bracket) : leaf;
	}
}
