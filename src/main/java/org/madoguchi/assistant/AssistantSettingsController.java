package org.madoguchi.assistant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.FormErrors;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A city's assistant settings (names, whom residents call, sites allowed to embed the widget) and adding another
 * city served by this installation. Administrators only: the allowed origins decide which other sites' pages may
 * call the chat API from a browser.
 */
@Controller
@RequestMapping("/staff/assistant/settings")
class AssistantSettingsController {

	/** The settings form as typed; {@code allowedOrigins} one per line. */
	record SettingsForm(String id, String nameJa, String nameEn, String contactPhone, String contactUrl,
			String allowedOrigins) {

		static SettingsForm of(Tenant t) {
			return new SettingsForm(t.id(), t.nameJa(), t.nameEn(), t.contactPhone(),
					t.contactUrl() == null ? "" : t.contactUrl(), String.join("\n", t.allowedOrigins()));
		}

		static SettingsForm blank() {
			return new SettingsForm("", "", "", "", "", "");
		}

		String strip(String s) {
			return s == null ? null : s.strip();
		}
	}

	private final Tenants tenants;

	private final KnowledgeBasePages pages;

	private final StaffTenant staffTenant;

	AssistantSettingsController(Tenants tenants, KnowledgeBasePages pages, StaffTenant staffTenant) {
		this.tenants = tenants;
		this.pages = pages;
		this.staffTenant = staffTenant;
	}

	@GetMapping
	String show(Authentication auth, @RequestParam(required = false) String tenant, Model model) {
		Tenant t = city(auth, tenant, model);
		return page(model, SettingsForm.of(t), SettingsForm.blank());
	}

	@PostMapping
	String update(Authentication auth, @RequestParam(required = false) String tenant,
			@ModelAttribute SettingsForm form, Model model, RedirectAttributes redirect) {
		Tenant t = city(auth, tenant, model);
		try {
			tenants.update(t.id(), form.strip(form.nameJa()), form.strip(form.nameEn()), form.strip(form.contactPhone()),
					form.strip(form.contactUrl()), Tenants.parseOrigins(form.allowedOrigins()));
		}
		catch (InvalidInputException e) {
			pages.errors(model, e.errors());
			return page(model, new SettingsForm(t.id(), form.nameJa(), form.nameEn(), form.contactPhone(),
					form.contactUrl(), form.allowedOrigins()), SettingsForm.blank());
		}
		redirect.addFlashAttribute("notice", pages.msg("assistant.kb.settings.saved"));
		return "redirect:/staff/assistant/settings?tenant=" + t.id();
	}

	/** Adds another city; its settings page opens next. */
	@PostMapping("/tenants")
	String create(Authentication auth, @RequestParam(required = false) String tenant,
			@ModelAttribute SettingsForm form, Model model, RedirectAttributes redirect) {
		Tenant t = city(auth, tenant, model);
		String id = form.strip(form.id());
		List<FieldError> errors = new ArrayList<>();
		try {
			if (!tenants.createIfMissing(id, form.strip(form.nameJa()), form.strip(form.nameEn()),
					form.strip(form.contactPhone()), form.strip(form.contactUrl()),
					Tenants.parseOrigins(form.allowedOrigins()))) {
				errors.add(FieldError.of("id", "assistant.kb.settings.error.exists", id));
			}
		}
		catch (InvalidInputException e) {
			errors.addAll(e.errors());
		}
		if (!errors.isEmpty()) {
			newTenantErrors(model, errors);
			return page(model, SettingsForm.of(t), form);
		}
		redirect.addFlashAttribute("notice", pages.msg("assistant.kb.settings.created", id));
		return "redirect:/staff/assistant/settings?tenant=" + id;
	}

	private Tenant city(Authentication auth, String requested, Model model) {
		if (!staffTenant.canSwitch(auth)) {
			throw new AccessDeniedException("assistant settings are for administrators");
		}
		Tenant t = pages.tenant(auth, requested, model);
		if (Tenant.STANDARD.equals(t.id())) {
			// the standard set is not a city: it has no residents to contact or widget to embed
			throw new NotFoundException("assistant settings of the standard set");
		}
		model.addAttribute("cities", tenants.cities());
		return t;
	}

	private String page(Model model, SettingsForm form, SettingsForm newTenant) {
		model.addAttribute("form", form);
		model.addAttribute("newTenant", newTenant);
		return "assistant/staff/settings";
	}

	/** The new-tenant form's errors: its fields carry the prefix {@code new-} so that they differ from the settings'. */
	private void newTenantErrors(Model model, List<FieldError> errors) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> byField = new LinkedHashMap<>();
		List<FormErrors.SummaryItem> summary = new ArrayList<>();
		for (FieldError e : errors) {
			String message = pages.message(e, locale);
			byField.merge(e.field(), message, (a, b) -> a + " " + b);
			summary.add(new FormErrors.SummaryItem(0, "new-" + e.field(), pages.label(e.field()), message));
		}
		model.addAttribute("newErrors", byField);
		model.addAttribute("errorSummary", summary);
	}
}
