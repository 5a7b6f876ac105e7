package org.madoguchi.assistant;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.FormErrors;
import org.madoguchi.platform.Localized;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What every knowledge-base staff page shares: the tenant worked on (with the tenant choice for administrators),
 * the menu item, and field errors labelled with this part's own field names.
 */
@Component
class KnowledgeBasePages {

	private final StaffTenant staffTenant;

	private final Tenants tenants;

	private final MessageSource messages;

	KnowledgeBasePages(StaffTenant staffTenant, Tenants tenants, MessageSource messages) {
		this.staffTenant = staffTenant;
		this.tenants = tenants;
		this.messages = messages;
	}

	/**
	 * The tenant of this request, put into the model with what the tenant choice needs.
	 *
	 * @throws org.springframework.security.access.AccessDeniedException for another tenant than a FAQ editor's own
	 */
	Tenant tenant(Authentication staff, String requested, Model model) {
		Tenant t = staffTenant.resolve(staff, requested);
		model.addAttribute("activeNav", "assistant");
		model.addAttribute("tenant", t);
		boolean admin = staffTenant.canSwitch(staff);
		model.addAttribute("canSwitch", admin);
		if (admin) {
			List<Tenant> choices = new ArrayList<>();
			tenants.find(Tenant.STANDARD).ifPresent(choices::add);
			choices.addAll(tenants.cities());
			model.addAttribute("tenantChoices", choices);
		}
		return t;
	}

	/** {@code fieldErrors} (field → message) and {@code errorSummary} for fragments/forms.html. */
	void errors(Model model, List<FieldError> errors) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> byField = new LinkedHashMap<>();
		List<FormErrors.SummaryItem> summary = new ArrayList<>();
		for (FieldError e : errors) {
			String message = message(e, locale);
			byField.merge(e.field(), message, (a, b) -> a + " " + b);
			summary.add(new FormErrors.SummaryItem(0, e.field(), label(e.field()), message));
		}
		model.addAttribute("fieldErrors", byField);
		model.addAttribute("errorSummary", summary);
	}

	String message(FieldError e, Locale locale) {
		return messages.getMessage(e.code(), Localized.resolve(e.args(), locale), e.code(), locale);
	}

	String label(String field) {
		return msg("assistant.kb.field." + field);
	}

	String msg(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/** For searching: NFKC (全角英数・半角カナ folded), lower case, hiragana as katakana. */
	static String fold(String s) {
		if (s == null) {
			return "";
		}
		String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder b = new StringBuilder(n.length());
		n.codePoints().forEach(cp -> b.appendCodePoint(cp >= 0x3041 && cp <= 0x3096 ? cp + 0x60 : cp));
		return b.toString();
	}
}
