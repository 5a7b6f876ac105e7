package org.madoguchi.applications.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.FormErrors;
import org.madoguchi.procedures.ProcedureDefinition;
import org.madoguchi.procedures.Text;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Turns field errors of a procedure form into what the page shows: the message beside each field
 * ({@code fieldErrors}, by field id) and the summary at the top linking to each field ({@code #f-<id>}).
 * Arguments that are {@link Text} (field labels) are shown in the page's language.
 */
@Component
class FormMessages {

	private final MessageSource messages;

	FormMessages(MessageSource messages) {
		this.messages = messages;
	}

	String resolve(FieldError e) {
		Locale locale = LocaleContextHolder.getLocale();
		Object[] args = e.args() == null ? new Object[0] : e.args().clone();
		for (int i = 0; i < args.length; i++) {
			if (args[i] instanceof Text t) {
				args[i] = t.in(locale);
			}
		}
		return messages.getMessage(e.code(), args, e.code(), locale);
	}

	String message(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	void addTo(Model model, ProcedureDefinition d, List<FieldError> errors) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> byField = new LinkedHashMap<>();
		for (FieldError e : errors) {
			byField.merge(e.field(), resolve(e), (a, b) -> a + " " + b);
		}
		model.addAttribute("errors", byField);
		model.addAttribute("fieldErrors", byField);
		model.addAttribute("errorSummary", byField.entrySet()
			.stream()
			.map(en -> new FormErrors.SummaryItem(0, "f-" + en.getKey(),
					d == null ? en.getKey() : d.field(en.getKey()).map(f -> f.label().in(locale)).orElse(en.getKey()),
					en.getValue()))
			.toList());
	}
}
