package org.madoguchi.applications.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.madoguchi.applications.Applicant;
import org.madoguchi.applications.Application;
import org.madoguchi.applications.ApplicationView;
import org.madoguchi.applications.Applications;
import org.madoguchi.applications.Upload;
import org.madoguchi.payments.Payments;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.RuleViolationException;
import org.madoguchi.procedures.AnswerFormatter;
import org.madoguchi.procedures.AttachmentView;
import org.madoguchi.procedures.ProcedureCatalog;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** "My applications": drafts to resume, submitted ones with their status timeline, replies and withdrawal. */
@Controller
class MyApplicationsController {

	private final Applications applications;
	private final PortalApplicant applicants;
	private final ProcedureCatalog catalog;
	private final AnswerFormatter formatter;
	private final Payments payments;
	private final FormMessages messages;

	MyApplicationsController(Applications applications, PortalApplicant applicants, ProcedureCatalog catalog,
			AnswerFormatter formatter, Payments payments, FormMessages messages) {
		this.applications = applications;
		this.applicants = applicants;
		this.catalog = catalog;
		this.formatter = formatter;
		this.payments = payments;
		this.messages = messages;
	}

	@GetMapping("/portal/applications")
	String list(HttpServletRequest request, Model model) {
		Applicant applicant = applicants.find(request)
			.filter(a -> a.kind() == Applicant.Kind.RESIDENT)
			.orElseThrow(SignInRequired::new);
		List<Application> all = applications.mine(applicant, 200);
		model.addAttribute("drafts", all.stream().filter(Application::isDraft).toList());
		model.addAttribute("submitted", all.stream().filter(a -> !a.isDraft()).toList());
		model.addAttribute("names", names(all));
		model.addAttribute("activeNav", "applications");
		return "applications/portal/mine";
	}

	@GetMapping("/portal/applications/{id}")
	String show(@PathVariable String id, HttpServletRequest request, Model model) {
		Applicant applicant = applicants.find(request).orElseThrow(SignInRequired::new);
		ApplicationView view = applications.view(PortalController.uuid(id), applicant);
		if (view.application().isDraft()) {
			return "redirect:/portal/drafts/" + view.application().id() + "/check";
		}
		populate(model, view);
		return "applications/portal/application";
	}

	@GetMapping("/portal/applications/{id}/receipt")
	String receipt(@PathVariable String id, HttpServletRequest request, Model model) {
		Applicant applicant = applicants.find(request).orElseThrow(SignInRequired::new);
		ApplicationView view = applications.view(PortalController.uuid(id), applicant);
		if (view.application().isDraft()) {
			return "redirect:/portal/drafts/" + view.application().id() + "/check";
		}
		populate(model, view);
		model.addAttribute("signedIn", applicant.kind() == Applicant.Kind.RESIDENT);
		return "applications/portal/receipt";
	}

	@PostMapping("/portal/applications/{id}/reply")
	String reply(@PathVariable String id, @RequestParam(defaultValue = "") String message,
			@RequestParam(name = "file", required = false) List<MultipartFile> files, HttpServletRequest request,
			Model model) throws IOException {
		Applicant applicant = applicants.find(request).orElseThrow(SignInRequired::new);
		UUID appId = PortalController.uuid(id);
		List<Upload> uploads = new ArrayList<>();
		if (files != null) {
			for (MultipartFile f : files) {
				if (!f.isEmpty()) {
					uploads.add(new Upload("reply", f.getOriginalFilename(), f.getInputStream()));
				}
			}
		}
		try {
			applications.reply(appId, applicant, message, uploads);
			return "redirect:/portal/applications/" + appId + "?replied";
		}
		catch (InvalidInputException e) {
			ApplicationView view = applications.view(appId, applicant);
			messages.addTo(model, view.procedure().definition(), e.errors());
			model.addAttribute("message", message);
			populate(model, view);
			return "applications/portal/application";
		}
	}

	@PostMapping("/portal/applications/{id}/withdraw")
	String withdraw(@PathVariable String id, HttpServletRequest request, Model model) {
		Applicant applicant = applicants.find(request).orElseThrow(SignInRequired::new);
		UUID appId = PortalController.uuid(id);
		try {
			applications.withdraw(appId, applicant);
			return "redirect:/portal/applications/" + appId + "?withdrawn";
		}
		catch (RuleViolationException e) {
			populate(model, applications.view(appId, applicant));
			model.addAttribute("ruleError", messages.message(e.code(), e.args()));
			return "applications/portal/application";
		}
	}

	private void populate(Model model, ApplicationView view) {
		Locale locale = LocaleContextHolder.getLocale();
		Application a = view.application();
		model.addAttribute("app", a);
		model.addAttribute("procedure", view.procedure());
		model.addAttribute("d", view.procedure().definition());
		model.addAttribute("timeline", view.timeline());
		var attachments = new java.util.LinkedHashMap<String, AttachmentView>();
		applications.attachmentsOf(a.id()).forEach(s -> attachments.put(s.id().toString(), DraftController.view(s)));
		model.addAttribute("sections", formatter.sections(view.procedure().definition(), a.answers(), attachments, true, locale));
		model.addAttribute("payment", payments.find(a.id()).orElse(null));
		model.addAttribute("activeNav", "applications");
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", java.util.Map.of());
		}
	}

	private java.util.Map<String, String> names(List<Application> all) {
		Locale locale = LocaleContextHolder.getLocale();
		java.util.Map<String, String> names = new java.util.HashMap<>();
		for (Application a : all) {
			names.computeIfAbsent(a.procedureId() + "@" + a.procedureVersion(), k -> catalog
				.version(a.procedureId(), a.procedureVersion())
				.map(v -> v.definition().name().in(locale))
				.orElse(a.procedureId()));
		}
		return names;
	}
}
