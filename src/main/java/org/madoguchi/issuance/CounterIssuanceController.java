package org.madoguchi.issuance;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.madoguchi.applications.StaffMember;
import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.madoguchi.issuance.document.DocumentKind;
import org.madoguchi.issuance.document.Layout;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.FormErrors;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.PersonView;
import org.madoguchi.registry.ResidentRegister;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 窓口交付: staff issue a certified copy for a person at the counter (print it from the browser or hand over the
 * PDF), keep the issuance history, take third-party requests for review, and revoke a copy issued by mistake.
 */
@Controller
class CounterIssuanceController {

	private final Issuance issuance;

	private final ThirdPartyRequests requests;

	private final ResidentRegister register;

	private final FormErrors formErrors;

	private final AccessLog accessLog;

	CounterIssuanceController(Issuance issuance, ThirdPartyRequests requests, ResidentRegister register,
			FormErrors formErrors, AccessLog accessLog) {
		this.issuance = issuance;
		this.requests = requests;
		this.register = register;
		this.formErrors = formErrors;
		this.accessLog = accessLog;
	}

	@GetMapping("/staff/issuance")
	String form(@RequestParam(required = false) String atena, Model model) {
		model.addAttribute("activeNav", "issuance");
		model.addAttribute("recent", issuance.recent(20));
		model.addAttribute("pending", requests.pending().size());
		if (atena != null && !atena.isBlank()) {
			addPerson(model, parseAtena(atena));
		}
		model.addAttribute("form", new CounterForm("JUMINHYO_COPY", "HOUSEHOLD", null, null, "1"));
		return "issuance/counter";
	}

	@PostMapping("/staff/issuance")
	String issue(@RequestParam String atena, @RequestParam(defaultValue = "JUMINHYO_COPY") String kind,
			@RequestParam(defaultValue = "HOUSEHOLD") String layout,
			@RequestParam(required = false) List<String> subjects, @RequestParam(required = false) List<String> items,
			@RequestParam(defaultValue = "resident") String requesterType,
			@RequestParam(required = false) String requesterAtena, @RequestParam(required = false) String requesterName,
			@RequestParam(required = false) String purpose, @RequestParam(defaultValue = "1") String copies, Model model,
			RedirectAttributes redirect) {
		AtenaNumber person = parseAtena(atena);
		StaffMember staff = StaffMember.current();
		try {
			boolean thirdParty = "thirdParty".equals(requesterType);
			CertificateOrder order = new CertificateOrder(parse(DocumentKind.class, kind, "kind"),
					parse(Layout.class, layout, "layout"), items(items),
					subjects == null ? List.of() : subjects.stream().map(CounterIssuanceController::parseAtena).toList(),
					thirdParty ? new CertificateOrder.Requester(null, requesterName == null ? null : requesterName.strip())
							: CertificateOrder.Requester.resident(parseAtena(requesterAtena == null ? "" : requesterAtena)),
					purpose == null || purpose.isBlank() ? null : purpose.strip(), IssueChannel.COUNTER, null, null,
					copies(copies));
			if (thirdParty) {
				requests.submit(order, staff.username());
				redirect.addFlashAttribute("notice", formErrors.message("issuance.counter.requestTaken", null));
				return "redirect:/staff/issuance/requests";
			}
			List<IssuedDocument> issued = issuance.issue(order, staff.username(), false);
			redirect.addFlashAttribute("notice", formErrors.message("issuance.counter.issued",
					new Object[] { issued.size() }));
			return "redirect:/staff/issuance/documents/" + issued.get(0).id();
		}
		catch (InvalidInputException e) {
			formErrors.addTo(model, e.errors());
		}
		catch (IssuanceRefusedException e) {
			model.addAttribute("ruleError", formErrors.message(e.code(), e.args()));
		}
		model.addAttribute("activeNav", "issuance");
		model.addAttribute("recent", issuance.recent(20));
		model.addAttribute("pending", requests.pending().size());
		model.addAttribute("form", new CounterForm(kind, layout, requesterName, purpose, copies));
		addPerson(model, person);
		return "issuance/counter";
	}

	@GetMapping("/staff/issuance/documents/{id}")
	String document(@PathVariable String id, Model model) {
		IssuedDocument d = issuance.find(parseId(id)).orElseThrow(() -> new NotFoundException("document"));
		model.addAttribute("d", d);
		model.addAttribute("activeNav", "issuance");
		return "issuance/document";
	}

	/** The signed PDF inline: the browser's viewer prints it at the counter. */
	@GetMapping("/staff/issuance/documents/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String id) {
		UUID documentId = parseId(id);
		IssuedDocument d = issuance.find(documentId).orElseThrow(() -> new NotFoundException("document"));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(PortalDocumentsController.fileName(d)).build().toString())
			.body(issuance.pdfForStaff(documentId));
	}

	@PostMapping("/staff/issuance/documents/{id}/revoke")
	String revoke(@PathVariable String id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		UUID documentId = parseId(id);
		StaffMember staff = requireExaminer(documentId.toString());
		try {
			issuance.revoke(documentId, reason, staff.username());
			redirect.addFlashAttribute("notice", formErrors.message("issuance.counter.revoked", null));
			return "redirect:/staff/issuance/documents/" + documentId;
		}
		catch (InvalidInputException e) {
			formErrors.addTo(model, e.errors());
		}
		catch (IssuanceRefusedException e) {
			model.addAttribute("ruleError", formErrors.message(e.code(), e.args()));
		}
		return document(id, model);
	}

	/** 再交付: a new copy for the same request, and the old one revoked (e.g. a copy issued with a mistake). */
	@PostMapping("/staff/issuance/documents/{id}/reissue")
	String reissue(@PathVariable String id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		UUID documentId = parseId(id);
		StaffMember staff = requireExaminer(documentId.toString());
		try {
			IssuedDocument copy = issuance.reissue(documentId, reason, staff.username());
			redirect.addFlashAttribute("notice", formErrors.message("issuance.counter.reissued",
					new Object[] { copy.issueNumber() }));
			return "redirect:/staff/issuance/documents/" + copy.id();
		}
		catch (InvalidInputException e) {
			formErrors.addTo(model, e.errors());
		}
		catch (IssuanceRefusedException e) {
			model.addAttribute("ruleError", formErrors.message(e.code(), e.args()));
		}
		return document(id, model);
	}

	@GetMapping("/staff/issuance/requests")
	String requests(Model model) {
		model.addAttribute("requests", requests.pending());
		model.addAttribute("activeNav", "issuance");
		return "issuance/requests";
	}

	@PostMapping("/staff/issuance/requests/{id}/approve")
	String approve(@PathVariable String id, @RequestParam(required = false) String note, Model model,
			RedirectAttributes redirect) {
		StaffMember staff = requireExaminer(id);
		try {
			IssuedDocument d = requests.approve(parseId(id), staff.username(), note);
			redirect.addFlashAttribute("notice", formErrors.message("issuance.counter.issued", new Object[] { 1 }));
			return "redirect:/staff/issuance/documents/" + d.id();
		}
		catch (IssuanceRefusedException e) {
			model.addAttribute("ruleError", formErrors.message(e.code(), e.args()));
		}
		return requests(model);
	}

	@PostMapping("/staff/issuance/requests/{id}/reject")
	String reject(@PathVariable String id, @RequestParam(required = false) String note, Model model,
			RedirectAttributes redirect) {
		StaffMember staff = requireExaminer(id);
		try {
			requests.reject(parseId(id), staff.username(), note);
			redirect.addFlashAttribute("notice", formErrors.message("issuance.counter.rejected", null));
			return "redirect:/staff/issuance/requests";
		}
		catch (InvalidInputException e) {
			formErrors.addTo(model, e.errors());
		}
		return requests(model);
	}

	/** What the counter form shows again after a refusal. */
	record CounterForm(String kind, String layout, String requesterName, String purpose, String copies) {
	}

	private void addPerson(Model model, AtenaNumber atena) {
		PersonView person = register.person(atena);
		model.addAttribute("person", person.record());
		model.addAttribute("members", register.household(person.record().householdNumber()));
		model.addAttribute("kinds", DocumentKind.values());
		model.addAttribute("layouts", Layout.values());
		model.addAttribute("printItems", PrintItem.values());
	}

	/** Revoking and deciding third-party requests are for 審査 and 管理者. */
	private StaffMember requireExaminer(String subject) {
		StaffMember staff = StaffMember.current();
		if (!staff.roles().contains("EXAMINER") && !staff.roles().contains("ADMIN")) {
			accessLog.recordDenied(AccessAction.REVOKE_CERTIFICATE, subject, "needs 審査 or 管理者");
			throw new AccessDeniedException("needs the examiner or admin role");
		}
		return staff;
	}

	private static Set<PrintItem> items(List<String> values) {
		Set<PrintItem> items = EnumSet.noneOf(PrintItem.class);
		if (values != null) {
			for (String v : values) {
				items.add(PrintItem.fromForm(v)
					.orElseThrow(() -> new InvalidInputException(FieldError.of("items", "issuance.error.choice"))));
			}
		}
		return items;
	}

	private static int copies(String text) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException(FieldError.of("copies", "issuance.error.copies", CertificateOrder.MAX_COPIES));
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(FieldError.of(field, "issuance.error.choice"));
		}
	}

	static AtenaNumber parseAtena(String value) {
		try {
			return new AtenaNumber(value == null ? "" : value.strip());
		}
		catch (IllegalArgumentException e) {
			List<FieldError> errors = new ArrayList<>();
			errors.add(FieldError.of("atena", "issuance.error.atena"));
			throw new InvalidInputException(errors);
		}
	}

	private static UUID parseId(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw new NotFoundException("document");
		}
	}
}
