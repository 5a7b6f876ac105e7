package org.madoguchi.applications.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.applications.Application;
import org.madoguchi.applications.ApplicationStatus;
import org.madoguchi.applications.ApplicationView;
import org.madoguchi.applications.Applications;
import org.madoguchi.applications.RegisterMatch;
import org.madoguchi.applications.Review;
import org.madoguchi.applications.StaffMember;
import org.madoguchi.applications.StaffQueues;
import org.madoguchi.attachments.Attachments;
import org.madoguchi.attachments.StoredAttachment;
import org.madoguchi.payments.Payments;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.platform.RuleViolationException;
import org.madoguchi.procedures.AnswerFormatter;
import org.madoguchi.procedures.AttachmentView;
import org.madoguchi.procedures.ProcedureCatalog;
import org.madoguchi.procedures.ProcedureVersion;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.madoguchi.identity.ElectronicSignatures;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The back office: queues per procedure and status, the review screen, and the actions of the workflow.
 * Every action form carries the row version it was shown with, so two staff members acting at once get
 * "changed meanwhile" instead of overwriting each other.
 */
@Controller
class StaffApplicationsController {

	private final StaffQueues queues;
	private final Review review;
	private final Applications applications;
	private final RegisterMatch registerMatch;
	private final ProcedureCatalog catalog;
	private final AnswerFormatter formatter;
	private final Attachments attachments;
	private final Payments payments;
	private final FormMessages messages;
	private final org.madoguchi.applications.Linkage linkage;

	private final ElectronicSignatures signatures;

	StaffApplicationsController(StaffQueues queues, Review review, Applications applications,
			RegisterMatch registerMatch, ProcedureCatalog catalog, AnswerFormatter formatter, Attachments attachments,
			Payments payments, FormMessages messages, org.madoguchi.applications.Linkage linkage,
			ElectronicSignatures signatures) {
		this.linkage = linkage;
		this.signatures = signatures;
		this.queues = queues;
		this.review = review;
		this.applications = applications;
		this.registerMatch = registerMatch;
		this.catalog = catalog;
		this.formatter = formatter;
		this.attachments = attachments;
		this.payments = payments;
		this.messages = messages;
	}

	@GetMapping("/staff/applications")
	String queue(@RequestParam(required = false) String procedure, @RequestParam(required = false) String status,
			@RequestParam(required = false) String after, @RequestParam(required = false) String mine,
			@RequestParam(required = false) String receipt, Model model) {
		StaffMember staff = StaffMember.current();
		if (receipt != null && !receipt.isBlank()) {
			var found = review.findByReceipt(receipt);
			if (found.isPresent()) {
				return "redirect:/staff/applications/" + found.get();
			}
			model.addAttribute("receiptNotFound", receipt.strip());
		}
		String p = procedure == null || procedure.isBlank() ? null : procedure;
		String s = ApplicationStatus.parse(status).map(Enum::name).orElse(null);
		List<StaffQueues.Item> items;
		try {
			items = queues.page(p, s, mine != null ? staff.username() : null, after);
		}
		catch (InvalidInputException badCursor) {
			items = queues.page(p, s, mine != null ? staff.username() : null, null);
		}
		Map<String, String> names = names();
		// display strings are made here once: a page of 50 rows would otherwise run about a thousand template
		// expressions, which cost more than the database work of the page
		model.addAttribute("lines", items.stream().map(i -> QueueLine.of(i, names, messages)).toList());
		model.addAttribute("countRows", CountRow.of(queues.counts(), names));
		model.addAttribute("procedureOptions", names.entrySet()
			.stream()
			.map(e -> new Option(e.getKey(), e.getValue(), e.getKey().equals(p)))
			.toList());
		model.addAttribute("procedure", p);
		model.addAttribute("status", s);
		model.addAttribute("mine", mine != null);
		model.addAttribute("admin", staff.roles().contains("ADMIN"));
		model.addAttribute("statuses", List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW,
				ApplicationStatus.INFO_REQUESTED, ApplicationStatus.RETURNED, ApplicationStatus.ACCEPTED,
				ApplicationStatus.REJECTED, ApplicationStatus.COMPLETED, ApplicationStatus.WITHDRAWN));
		model.addAttribute("nextCursor", items.size() == StaffQueues.PAGE_SIZE ? items.get(items.size() - 1).cursor() : null);
		model.addAttribute("activeNav", "applications");
		return "applications/staff/queue";
	}

	/** The review page; {@code recheck} = a kept signature's id checks it again from what was kept. */
	@GetMapping("/staff/applications/{id}")
	String show(@PathVariable String id, @RequestParam(required = false) String recheck, Model model) {
		ApplicationView view = review.open(PortalController.uuid(id), StaffMember.current());
		populate(model, view);
		if (recheck != null) {
			UUID evidence = PortalController.uuid(recheck);
			if (signatures.evidence(view.application().id()).stream().noneMatch(e -> e.id().equals(evidence))) {
				throw new NotFoundException("signature " + recheck);
			}
			model.addAttribute("recheck", signatures.recheck(evidence).orElse(null));
		}
		return "applications/staff/review";
	}

	@PostMapping("/staff/applications/{id}/actions")
	String act(@PathVariable String id, @RequestParam String action, @RequestParam int rowVersion,
			@RequestParam(required = false) String text, @RequestParam(required = false) String assignee, Model model,
			RedirectAttributes redirect) {
		UUID appId = PortalController.uuid(id);
		StaffMember staff = StaffMember.current();
		try {
			switch (action) {
				case "claim" -> review.claim(appId, rowVersion, staff);
				case "assign" -> review.assign(appId, rowVersion, assignee, staff);
				case "comment" -> review.comment(appId, text, staff);
				case "requestInfo" -> review.requestInfo(appId, rowVersion, text, staff);
				case "return" -> review.returnForCorrection(appId, rowVersion, text, staff);
				case "reject" -> review.reject(appId, rowVersion, text, staff);
				case "approve" -> review.approve(appId, rowVersion, text, staff);
				case "complete" -> review.complete(appId, rowVersion, text, staff);
				case "paid" -> review.recordPayment(appId, text, staff);
				default -> throw new NotFoundException("action " + action);
			}
			redirect.addFlashAttribute("notice", messages.message("applications.staff.done." + action));
			return "redirect:/staff/applications/" + appId;
		}
		catch (InvalidInputException e) {
			ApplicationView view = review.open(appId, staff);
			messages.addTo(model, null, e.errors());
			model.addAttribute("text", text);
			model.addAttribute("failedAction", action);
			populate(model, view);
			return "applications/staff/review";
		}
		catch (RuleViolationException e) {
			ApplicationView view = review.open(appId, staff);
			model.addAttribute("ruleError", messages.message(e.code(), e.args()));
			model.addAttribute("text", text);
			populate(model, view);
			return "applications/staff/review";
		}
	}

	/**
	 * A procedure's submitted applications as CSV (UTF-8 with a byte-order mark, so that spreadsheet software
	 * used at city halls reads the Japanese correctly), for file linkage into a core system. 管理者 only.
	 */
	@GetMapping("/staff/applications/export")
	void export(@RequestParam String procedure, @RequestParam(required = false) String status,
			HttpServletResponse response) throws IOException {
		if (!StaffMember.current().roles().contains("ADMIN")) {
			throw new org.springframework.security.access.AccessDeniedException("CSV export needs the administrator role");
		}
		catalog.current(procedure).orElseThrow(() -> new NotFoundException("procedure " + procedure));
		String s = ApplicationStatus.parse(status).map(Enum::name).orElse(null);
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + procedure + "-applications.csv\"");
		var out = new java.io.OutputStreamWriter(response.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8);
		out.write('\uFEFF');
		linkage.exportCsv(procedure, s, out, LocaleContextHolder.getLocale());
		out.flush();
	}

	/**
	 * A kept signature's material for an independent check: {@code content} (the signed canonical JSON) or
	 * {@code signature} (detached CMS, DER) — e.g. {@code openssl cms -verify -inform DER -binary -content ...}.
	 */
	@GetMapping("/staff/applications/{id}/signatures/{evidenceId}/{part:content|signature}")
	org.springframework.http.ResponseEntity<byte[]> signatureMaterial(@PathVariable String id,
			@PathVariable String evidenceId, @PathVariable String part) {
		UUID appId = PortalController.uuid(id);
		review.open(appId, StaffMember.current()); // logs the read; 404 for drafts and unknown ids
		UUID evidence = PortalController.uuid(evidenceId);
		if (signatures.evidence(appId).stream().noneMatch(e -> e.id().equals(evidence))) {
			throw new NotFoundException("signature " + evidenceId);
		}
		byte[][] material = signatures.material(evidence).orElseThrow(() -> new NotFoundException("signature"));
		boolean content = "content".equals(part);
		return org.springframework.http.ResponseEntity.ok()
			.contentType(content ? org.springframework.http.MediaType.APPLICATION_JSON
					: org.springframework.http.MediaType.parseMediaType("application/pkcs7-signature"))
			.header("Content-Disposition", "attachment; filename=\"" + (content ? "signed-content-" + evidenceId + ".json"
					: "signature-" + evidenceId + ".p7s") + "\"")
			.header("X-Content-Type-Options", "nosniff")
			.body(content ? material[0] : material[1]);
	}

	/** An attachment for the reviewer: the sanitized copy by default, the original on request. */
	@GetMapping("/staff/applications/{id}/attachments/{attachmentId}")
	void attachment(@PathVariable String id, @PathVariable String attachmentId,
			@RequestParam(defaultValue = "sanitized") String copy, HttpServletResponse response) throws IOException {
		UUID appId = PortalController.uuid(id);
		review.open(appId, StaffMember.current()); // logs the read; 404 for drafts and unknown ids
		StoredAttachment s = attachments.find(PortalController.uuid(attachmentId))
			.filter(x -> x.ownerId().equals(appId))
			.orElseThrow(() -> new NotFoundException("attachment"));
		boolean original = "original".equals(copy);
		response.setContentType(s.type().mediaType());
		response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
				+ java.net.URLEncoder.encode(s.filename(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
		response.setHeader("X-Content-Type-Options", "nosniff");
		try (InputStream in = original ? attachments.openOriginal(s.id()) : attachments.openSanitized(s.id())) {
			in.transferTo(response.getOutputStream());
		}
	}

	private void populate(Model model, ApplicationView view) {
		Locale locale = LocaleContextHolder.getLocale();
		Application a = view.application();
		Map<String, AttachmentView> files = new LinkedHashMap<>();
		List<StoredAttachment> stored = applications.attachmentsOf(a.id());
		stored.forEach(s -> files.put(s.id().toString(), DraftController.view(s)));
		model.addAttribute("app", a);
		model.addAttribute("procedure", view.procedure());
		model.addAttribute("d", view.procedure().definition());
		model.addAttribute("timeline", view.timeline());
		model.addAttribute("step", review.currentStep(a));
		model.addAttribute("sections", formatter.sections(view.procedure().definition(), a.answers(), files, false, locale));
		model.addAttribute("files", stored);
		// the comparison reads the register: only for roles that may read it (not 決裁 alone)
		StaffMember me = StaffMember.current();
		model.addAttribute("match", me.roles().stream().anyMatch(r -> java.util.Set.of("COUNTER", "EXAMINER", "ADMIN").contains(r))
				? registerMatch.match(a, view.procedure().definition()) : null);
		model.addAttribute("payment", payments.find(a.id()).orElse(null));
		model.addAttribute("signatures", signatures.evidence(a.id()));
		model.addAttribute("signatureRequired",
				view.procedure().definition().assurance() == org.madoguchi.procedures.Assurance.JPKI_SIGNATURE);
		model.addAttribute("sla", StaffQueues.sla(a.dueAt(), java.time.Instant.now()));
		model.addAttribute("staff", StaffMember.current());
		model.addAttribute("activeNav", "applications");
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
	}

	/** One procedure in the filter's drop-down. */
	record Option(String id, String name, boolean selected) {
	}

	/** One row of the queue table, ready to show. */
	record QueueLine(UUID id, String receiptNumber, String procedureName, String status, String statusLabel,
			String applicantName, String assignedTo, String submitted, String due, String sla, String slaLabel) {

		static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter
			.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(java.time.ZoneId.systemDefault());
		static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd")
			.withZone(java.time.ZoneId.systemDefault());

		static QueueLine of(StaffQueues.Item i, Map<String, String> names, FormMessages messages) {
			return new QueueLine(i.id(), i.receiptNumber(), names.getOrDefault(i.procedureId(), i.procedureId()),
					i.status(), messages.message("applications.status." + i.status()), i.applicantName(),
					i.assignedTo() == null ? "—" : i.assignedTo(), MINUTE.format(i.submittedAt()),
					i.dueAt() == null ? "" : DAY.format(i.dueAt()), i.sla().name(),
					i.sla() == StaffQueues.Sla.OK ? null : messages.message("applications.sla." + i.sla().name()));
		}
	}

	/** Open applications of one procedure: how many wait in each open status, and how many are overdue. */
	record CountRow(String procedureId, String procedureName, long submitted, long inReview, long infoRequested,
			long overdue) {

		static List<CountRow> of(List<StaffQueues.Count> counts, Map<String, String> names) {
			Map<String, long[]> byProcedure = new java.util.TreeMap<>();
			for (StaffQueues.Count c : counts) {
				long[] n = byProcedure.computeIfAbsent(c.procedureId(), k -> new long[4]);
				switch (c.status()) {
					case "SUBMITTED" -> n[0] += c.count();
					case "IN_REVIEW" -> n[1] += c.count();
					default -> n[2] += c.count();
				}
				n[3] += c.overdue();
			}
			return byProcedure.entrySet()
				.stream()
				.map(e -> new CountRow(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()[0],
						e.getValue()[1], e.getValue()[2], e.getValue()[3]))
				.toList();
		}
	}

	private Map<String, String> names() {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> names = new LinkedHashMap<>();
		for (ProcedureVersion v : catalog.current()) {
			names.put(v.procedureId(), v.definition().name().in(locale));
		}
		return names;
	}
}
