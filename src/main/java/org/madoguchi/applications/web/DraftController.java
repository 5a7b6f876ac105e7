package org.madoguchi.applications.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.madoguchi.applications.Applicant;
import org.madoguchi.applications.Application;
import org.madoguchi.applications.ApplicationStatus;
import org.madoguchi.applications.Applications;
import org.madoguchi.applications.PageOutcome;
import org.madoguchi.applications.TimelineEntry;
import org.madoguchi.applications.Upload;
import org.madoguchi.attachments.StoredAttachment;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.procedures.AnswerFormatter;
import org.madoguchi.procedures.AttachmentView;
import org.madoguchi.procedures.FieldType;
import org.madoguchi.procedures.PageDefinition;
import org.madoguchi.procedures.ProcedureDefinition;
import org.madoguchi.procedures.ProcedureVersion;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Filling in a form, one page at a time (the GOV.UK "one thing per page" pattern, as the Digital Agency's
 * guidance also recommends): every page is saved when sent, errors are shown beside the fields and in a
 * summary, and the check-your-answers page comes before submission.
 */
@Controller
class DraftController {

	private final Applications applications;
	private final PortalApplicant applicants;
	private final FormMessages messages;
	private final AnswerFormatter formatter;
	private final org.madoguchi.accounts.PortalFormRescue rescue;
	private final org.madoguchi.identity.ElectronicSignatures signatures;
	private final org.madoguchi.identity.DigitalAuthApp digitalAuth;

	DraftController(Applications applications, PortalApplicant applicants, FormMessages messages,
			AnswerFormatter formatter, org.madoguchi.accounts.PortalFormRescue rescue,
			org.madoguchi.identity.ElectronicSignatures signatures, org.madoguchi.identity.DigitalAuthApp digitalAuth) {
		this.signatures = signatures;
		this.digitalAuth = digitalAuth;
		this.applications = applications;
		this.applicants = applicants;
		this.messages = messages;
		this.formatter = formatter;
		this.rescue = rescue;
	}

	@GetMapping("/portal/drafts/{id}")
	String resume(@PathVariable String id, HttpServletRequest request) {
		Application a = applications.view(PortalController.uuid(id), applicant(request)).application();
		return "redirect:/portal/drafts/" + a.id() + "/pages/"
				+ (a.currentPage() != null ? a.currentPage() : applications.procedureOf(a).definition().pages().get(0).id());
	}

	@GetMapping("/portal/drafts/{id}/pages/{pageId}")
	String page(@PathVariable String id, @PathVariable String pageId,
			@RequestParam(name = "rescue", required = false) String rescueToken, HttpServletRequest request,
			Model model) {
		Applicant applicant = applicant(request);
		Application a = applications.view(PortalController.uuid(id), applicant).application();
		if (!a.editableByApplicant()) {
			return "redirect:/portal/applications/" + a.id();
		}
		ProcedureVersion p = applications.procedureOf(a);
		PageDefinition page = p.definition().page(pageId).orElseThrow(() -> new NotFoundException("page " + pageId));
		Map<String, List<String>> raw = applications.rawInput(a);
		if (rescueToken != null) {
			// the form sent when the sign-in had expired: save it now, unchecked, and show it again
			var rescued = rescue.take(request);
			if (rescued.isPresent()) {
				PageOutcome outcome = applications.savePage(a.id(), applicant, pageId, rescued.get(), List.of(), null, false);
				a = outcome.application();
				raw = outcome.raw();
				model.addAttribute("notice", messages.message("applications.portal.rescued"));
			}
		}
		model.addAttribute("errors", Map.of());
		populate(model, a, p, page, applicant, raw);
		return "applications/portal/page";
	}

	@PostMapping("/portal/drafts/{id}/pages/{pageId}")
	String save(@PathVariable String id, @PathVariable String pageId,
			@RequestParam(name = "action", defaultValue = "next") String action,
			@RequestParam(name = "removeAttachment", required = false) String removeAttachment,
			HttpServletRequest request, Model model) throws IOException {
		Applicant applicant = applicant(request);
		UUID appId = PortalController.uuid(id);
		List<Upload> uploads = uploads(request);
		boolean stay = removeAttachment != null || "upload".equals(action);
		boolean validate = "next".equals(action) && !stay;
		PageOutcome outcome;
		try {
			outcome = applications.savePage(appId, applicant, pageId, request.getParameterMap(), uploads,
					removeAttachment, validate);
		}
		finally {
			for (Upload u : uploads) {
				u.content().close();
			}
		}
		Application a = outcome.application();
		ProcedureVersion p = applications.procedureOf(a);
		if (outcome.hasErrors() || stay) {
			PageDefinition page = p.definition().page(pageId).orElseThrow();
			messages.addTo(model, p.definition(), outcome.errors());
			populate(model, a, p, page, applicant, outcome.raw());
			return "applications/portal/page";
		}
		switch (action) {
			case "save":
				return "redirect:/portal/applications?saved=" + a.id();
			case "back": {
				String previous = previousPage(a, p, pageId);
				return previous == null ? "redirect:/portal/procedures/" + a.procedureId()
						: "redirect:/portal/drafts/" + a.id() + "/pages/" + previous;
			}
			default:
				return outcome.nextPageId() == null ? "redirect:/portal/drafts/" + a.id() + "/check"
						: "redirect:/portal/drafts/" + a.id() + "/pages/" + outcome.nextPageId();
		}
	}

	@GetMapping("/portal/drafts/{id}/check")
	String check(@PathVariable String id, HttpServletRequest request, Model model) {
		Applicant applicant = applicant(request);
		UUID appId = PortalController.uuid(id);
		Application a = applications.view(appId, applicant).application();
		if (!a.editableByApplicant()) {
			return "redirect:/portal/applications/" + a.id();
		}
		List<FieldError> errors = applications.check(appId, applicant);
		showCheck(model, a, errors, applicant);
		return "applications/portal/check";
	}

	@PostMapping("/portal/drafts/{id}/submit")
	String submit(@PathVariable String id, HttpServletRequest request, Model model) {
		Applicant applicant = applicant(request);
		UUID appId = PortalController.uuid(id);
		try {
			Application a = applications.submit(appId, applicant);
			return "redirect:/portal/applications/" + a.id() + "/receipt";
		}
		catch (InvalidInputException e) {
			Application a = applications.view(appId, applicant).application();
			showCheck(model, a, e.errors(), applicant);
			return "applications/portal/check";
		}
	}

	/**
	 * The document the resident signs (電子署名の対象): canonical JSON of the draft, to be signed with the
	 * 署名用電子証明書 on a PC (JPKI client software; in development {@code bin/madoguchi virtual-card sign}).
	 */
	@GetMapping("/portal/drafts/{id}/signing-content")
	org.springframework.http.ResponseEntity<byte[]> signingContent(@PathVariable String id, HttpServletRequest request) {
		UUID appId = PortalController.uuid(id);
		byte[] content = applications.signingContent(appId, applicant(request));
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.header("Content-Disposition", "attachment; filename=\"submission-" + appId + ".json\"")
			.header("Cache-Control", "no-store")
			.body(content);
	}

	/** Submits with a detached CMS signature (DER file, or its Base64 text pasted) over the signing content. */
	@PostMapping("/portal/drafts/{id}/submit-signed")
	String submitSigned(@PathVariable String id, HttpServletRequest request, Model model) throws IOException {
		Applicant applicant = applicant(request);
		UUID appId = PortalController.uuid(id);
		try {
			Application a = applications.submitSigned(appId, applicant, SignatureUpload.read(request));
			return "redirect:/portal/applications/" + a.id() + "/receipt";
		}
		catch (InvalidInputException e) {
			Application a = applications.view(appId, applicant).application();
			showCheck(model, a, e.errors(), applicant);
			return "applications/portal/check";
		}
	}

	/**
	 * Signing on a phone: the content goes to the デジタル認証アプリ as a sign transaction; the resident approves it
	 * there with the signing password and comes back to {@code /sign/digital-auth/done}. A link (GET), so that the
	 * redirect to the provider's own site is not a form post (the portal's CSP allows forms to post only to itself).
	 */
	@GetMapping("/portal/drafts/{id}/sign/digital-auth")
	String signWithApp(@PathVariable String id, HttpServletRequest request, Model model) {
		Applicant applicant = applicant(request);
		UUID appId = PortalController.uuid(id);
		Application a = applications.view(appId, applicant).application();
		String title = applications.procedureOf(a).definition().name().in(LocaleContextHolder.getLocale());
		try {
			return "redirect:" + digitalAuth.beginSigning(request, applications.signingContent(appId, applicant), title,
					"/portal/drafts/" + appId + "/sign/digital-auth/done");
		}
		catch (org.madoguchi.identity.DigitalAuthException e) {
			showCheck(model, a, List.of(org.madoguchi.platform.FieldError.of("signature",
					"applications.error.signatureAppUnavailable")), applicant);
			return "applications/portal/check";
		}
	}

	/** Back from the デジタル認証アプリ: submit with the signature it made, or show the check page with why not. */
	@GetMapping("/portal/drafts/{id}/sign/digital-auth/done")
	String signedWithApp(@PathVariable String id, HttpServletRequest request, Model model) {
		Applicant applicant = applicant(request);
		UUID appId = PortalController.uuid(id);
		byte[] content = applications.signingContent(appId, applicant);
		try {
			byte[] signature = digitalAuth.takeSignature(request, content)
				.orElseThrow(() -> new InvalidInputException(
						org.madoguchi.platform.FieldError.of("signature", "applications.error.signatureNotReceived")));
			Application a = applications.submitSigned(appId, applicant, signature);
			return "redirect:/portal/applications/" + a.id() + "/receipt";
		}
		catch (InvalidInputException e) {
			Application a = applications.view(appId, applicant).application();
			if (!a.editableByApplicant()) {
				return "redirect:/portal/applications/" + a.id();
			}
			showCheck(model, a, e.errors(), applicant);
			return "applications/portal/check";
		}
	}

	@PostMapping("/portal/drafts/{id}/discard")
	String discard(@PathVariable String id, HttpServletRequest request) {
		applications.discardDraft(PortalController.uuid(id), applicant(request));
		return "redirect:/portal/applications?discarded";
	}

	private void showCheck(Model model, Application a, List<FieldError> errors, Applicant applicant) {
		ProcedureVersion p = applications.procedureOf(a);
		ProcedureDefinition d = p.definition();
		Locale locale = LocaleContextHolder.getLocale();
		messages.addTo(model, d, errors);
		// each error links to the page that holds its field
		Map<String, String> pageOfField = new LinkedHashMap<>();
		d.pages().forEach(pg -> pg.fields().forEach(f -> pageOfField.put(f.id(), pg.id())));
		model.addAttribute("pageOfField", pageOfField);
		model.addAttribute("app", a);
		model.addAttribute("procedure", p);
		model.addAttribute("d", d);
		model.addAttribute("sections", formatter.sections(d, a.answers(), attachmentViews(a.id()), false, locale));
		model.addAttribute("fee", Applications.fee(d, a.answers()));
		model.addAttribute("returnReason", a.applicationStatus() == ApplicationStatus.RETURNED ? lastMessage(a, applicant) : null);
		model.addAttribute("signatureRequired", d.assurance() == org.madoguchi.procedures.Assurance.JPKI_SIGNATURE);
		model.addAttribute("devCards", signatures.developmentCards());
		model.addAttribute("digitalAuth", digitalAuth.enabled());
		model.addAttribute("signatureError", errors.stream().filter(e -> e.field().equals("signature")).findFirst()
			.map(messages::resolve).orElse(null));
		model.addAttribute("activeNav", "applications");
	}

	private String lastMessage(Application a, Applicant applicant) {
		List<TimelineEntry> t = applications.view(a.id(), applicant).timeline();
		return t.stream().filter(e -> "RETURNED".equals(e.kind())).reduce((x, y) -> y).map(TimelineEntry::note).orElse(null);
	}

	private void populate(Model model, Application a, ProcedureVersion p, PageDefinition page, Applicant applicant,
			Map<String, List<String>> raw) {
		ProcedureDefinition d = p.definition();
		List<PageDefinition> visible = org.madoguchi.procedures.FormFlow.visiblePages(d, a.answers());
		int index = visible.indexOf(page);
		model.addAttribute("app", a);
		model.addAttribute("procedure", p);
		model.addAttribute("d", d);
		model.addAttribute("page", page);
		model.addAttribute("pageNumber", index < 0 ? 1 : index + 1);
		model.addAttribute("pageCount", visible.size());
		model.addAttribute("answers", a.answers());
		model.addAttribute("raw", raw == null ? Map.of() : raw);
		boolean picker = page.fields().stream().anyMatch(f -> f.type() == FieldType.HOUSEHOLD_MEMBER);
		model.addAttribute("members", picker ? applications.context(a, d, applicant).household() : List.of());
		Map<String, List<AttachmentView>> byField = new LinkedHashMap<>();
		for (StoredAttachment s : applications.attachmentsOf(a.id())) {
			byField.computeIfAbsent(s.fieldId(), k -> new ArrayList<>()).add(view(s));
		}
		model.addAttribute("attachments", byField);
		model.addAttribute("multipart", page.fields().stream().anyMatch(f -> f.type() == FieldType.FILE));
		model.addAttribute("previousPageId", previousPage(a, p, page.id()));
		model.addAttribute("activeNav", "applications");
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
	}

	private static String previousPage(Application a, ProcedureVersion p, String pageId) {
		return org.madoguchi.procedures.FormFlow.previousPage(p.definition(), pageId, a.answers())
			.map(PageDefinition::id)
			.orElse(null);
	}

	private Map<String, AttachmentView> attachmentViews(UUID applicationId) {
		Map<String, AttachmentView> m = new LinkedHashMap<>();
		applications.attachmentsOf(applicationId).forEach(s -> m.put(s.id().toString(), view(s)));
		return m;
	}

	static AttachmentView view(StoredAttachment s) {
		return new AttachmentView(s.id().toString(), s.filename(), s.size(), s.type().name());
	}

	private static List<Upload> uploads(HttpServletRequest request) throws IOException {
		List<Upload> uploads = new ArrayList<>();
		if (request instanceof MultipartHttpServletRequest multipart) {
			for (Map.Entry<String, List<MultipartFile>> e : multipart.getMultiFileMap().entrySet()) {
				if (!e.getKey().startsWith("file.")) {
					continue;
				}
				for (MultipartFile f : e.getValue()) {
					if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) {
						continue; // the file input was left empty
					}
					uploads.add(new Upload(e.getKey().substring(5), f.getOriginalFilename(), f.getInputStream()));
				}
			}
		}
		return uploads;
	}

	private Applicant applicant(HttpServletRequest request) {
		return applicants.find(request).orElseThrow(SignInRequired::new);
	}
}
