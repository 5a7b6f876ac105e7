package org.madoguchi.applications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.madoguchi.attachments.Attachments;
import org.madoguchi.identity.ElectronicSignatures;
import org.madoguchi.identity.Jcs;
import org.madoguchi.identity.SignedEvidence;
import org.madoguchi.attachments.StoredAttachment;
import org.madoguchi.payments.Payments;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.platform.RuleViolationException;
import org.madoguchi.procedures.Answers;
import org.madoguchi.procedures.Assurance;
import org.madoguchi.procedures.FieldDefinition;
import org.madoguchi.procedures.FieldType;
import org.madoguchi.procedures.PageDefinition;
import org.madoguchi.procedures.ProcedureCatalog;
import org.madoguchi.procedures.ProcedureDefinition;
import org.madoguchi.procedures.ProcedureVersion;
import org.madoguchi.procedures.ValidationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The applicant's side of an application: start a draft, fill it page by page (saved at every step, so
 * nothing typed is lost), attach files, check and submit, answer a request for information, correct and
 * resubmit, withdraw. Every method checks that the application belongs to the applicant; someone else's id
 * is "not found", never "forbidden", so ids reveal nothing.
 */
@Service
@Transactional
public class Applications {

	/** Drafts and applications a resident can hold at once (a limit against abuse). */
	static final int MAX_OPEN_DRAFTS = 50;

	/** The longest unreadable text kept per value. */
	static final int MAX_RAW = 1000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ApplicationRepository repository;
	private final ProcedureCatalog catalog;
	private final ApplicationForms forms;
	private final ApplicantData applicantData;
	private final Attachments attachments;
	private final Payments payments;
	private final ApplicationEventPublisher events;
	private final ElectronicSignatures signatures;
	private final Clock clock;

	Applications(ApplicationRepository repository, ProcedureCatalog catalog, ApplicationForms forms,
			ApplicantData applicantData, Attachments attachments, Payments payments, ApplicationEventPublisher events,
			ElectronicSignatures signatures, Clock clock) {
		this.signatures = signatures;
		this.repository = repository;
		this.catalog = catalog;
		this.forms = forms;
		this.applicantData = applicantData;
		this.attachments = attachments;
		this.payments = payments;
		this.events = events;
		this.clock = clock;
	}

	/** Starts a draft under the procedure's current version, prefilled from what the city knows. */
	public Application start(String procedureId, Applicant applicant) {
		ProcedureVersion version = catalog.current(procedureId)
			.orElseThrow(() -> new NotFoundException("procedure " + procedureId));
		requireAssurance(version.definition().assurance().toStart(), applicant);
		if (applicant.kind() == Applicant.Kind.RESIDENT
				&& repository.forAccount(applicant.accountId(), MAX_OPEN_DRAFTS + 1)
					.stream()
					.filter(Application::isDraft)
					.count() >= MAX_OPEN_DRAFTS) {
			throw new RuleViolationException("applications.error.tooManyDrafts", MAX_OPEN_DRAFTS);
		}
		Instant now = clock.instant();
		Answers prefill = applicantData.prefill(version.definition(), applicant);
		Application draft = new Application(UUID.randomUUID(), null, procedureId, version.version(), Application.DRAFT,
				applicant.accountId(), applicant.kind() == Applicant.Kind.ANONYMOUS
						? VisitorKeys.hash(applicant.anonymousKey()) : null,
				applicant.clientId(), applicant.name(), applicant.email(), language(applicant), prefill, null,
				version.definition().pages().get(0).id(), 0, null, applicant.atenaNumber(), null, now, now, null, null,
				null, 0);
		repository.insert(draft, null, null);
		repository.append(draft.id(), now, applicant.actor(), applicant.kind().name(), "STARTED", null, null, null,
				null, true);
		return draft;
	}

	/** The applicant's application with its procedure and the timeline they may see. */
	@Transactional(readOnly = true)
	public ApplicationView view(UUID id, Applicant applicant) {
		Application a = owned(id, applicant);
		return new ApplicationView(a, procedureOf(a), repository.timeline(id, false));
	}

	/** The resident's applications and drafts, most recently changed first. */
	@Transactional(readOnly = true)
	public List<Application> mine(Applicant applicant, int limit) {
		if (applicant.kind() != Applicant.Kind.RESIDENT) {
			return List.of();
		}
		return repository.forAccount(applicant.accountId(), Math.min(limit, 200));
	}

	public ProcedureVersion procedureOf(Application a) {
		return catalog.version(a.procedureId(), a.procedureVersion())
			.orElseThrow(() -> new IllegalStateException("missing procedure version " + a.procedureId() + " v"
					+ a.procedureVersion()));
	}

	/** The validation context for this application: today, the household (when the form has a picker), its files. */
	public ValidationContext context(Application a, ProcedureDefinition d, Applicant applicant) {
		boolean picker = d.fields().anyMatch(f -> f.type() == FieldType.HOUSEHOLD_MEMBER);
		return new ValidationContext(LocalDate.now(clock), picker ? applicantData.household(applicant) : List.of(),
				attachmentsByField(a.id()));
	}

	public List<StoredAttachment> attachmentsOf(UUID applicationId) {
		return attachments.listFor(applicationId);
	}

	private Map<String, Set<String>> attachmentsByField(UUID applicationId) {
		Map<String, Set<String>> byField = new HashMap<>();
		for (StoredAttachment s : attachments.listFor(applicationId)) {
			byField.computeIfAbsent(s.fieldId(), k -> new HashSet<>()).add(s.id().toString());
		}
		return byField;
	}

	/**
	 * Saves one page: binds what was sent, stores files, removes a file when asked, and saves the answers
	 * even when some are wrong. Answers to fields that an earlier change has hidden are dropped.
	 *
	 * @param validate false for "save and come back later": nothing is checked
	 */
	public PageOutcome savePage(UUID id, Applicant applicant, String pageId, Map<String, String[]> params,
			List<Upload> uploads, String removeAttachmentId, boolean validate) {
		Application a = editable(id, applicant);
		ProcedureDefinition d = procedureOf(a).definition();
		PageDefinition page = d.page(pageId).orElseThrow(() -> new NotFoundException("page " + pageId));
		ValidationContext context = context(a, d, applicant);
		List<FieldError> errors = new ArrayList<>();

		if (removeAttachmentId != null) {
			removeAttachment(a, removeAttachmentId);
		}
		for (Upload u : uploads) {
			FieldDefinition f = d.field(u.fieldId())
				.filter(x -> x.type() == FieldType.FILE && page.fields().contains(x))
				.orElseThrow(() -> new InvalidInputException(FieldError.of(u.fieldId(), "applications.error.unknownFile")));
			int already = attachmentsByField(a.id()).getOrDefault(f.id(), Set.of()).size();
			int max = f.maxItems() == null ? 1 : f.maxItems();
			if (already >= max) {
				errors.add(FieldError.of(f.id(), "applications.error.tooManyFiles", max));
				continue;
			}
			try {
				attachments.store(a.id(), f.id(), u.filename(), u.content(), new HashSet<>(f.types()),
						f.maxBytes() == null ? 10L * 1024 * 1024 : f.maxBytes());
			}
			catch (InvalidInputException e) {
				errors.addAll(e.errors());
			}
		}
		context = new ValidationContext(context.today(), context.household(), attachmentsByField(a.id()));

		ApplicationForms.Bound bound = forms.bind(d, page, params, a.answers(), context, validate);
		Answers answers = forms.pruneHidden(d, withFiles(d, bound.answers(), context));
		errors.addAll(bound.errors());
		if (validate) {
			// a required file missing is only known once the uploads above are counted
			Set<String> reported = new HashSet<>();
			errors.forEach(e -> reported.add(e.field()));
			org.madoguchi.procedures.AnswerValidator.validatePage(d, pageId, answers, context)
				.stream()
				.filter(e -> !reported.contains(e.field()))
				.forEach(errors::add);
		}
		String next = forms.nextPage(d, pageId, answers).map(PageDefinition::id).orElse(null);
		Application saved = repository.update(a.withAnswers(answers, rawJson(a.rawInput(), page, bound.raw()), pageId),
				clock.instant());
		return new PageOutcome(saved, errors, bound.raw(), next);
	}

	/** FILE answers are the ids stored for the field, never what a form sent. */
	private static Answers withFiles(ProcedureDefinition d, Answers answers, ValidationContext context) {
		Answers result = answers;
		for (FieldDefinition f : d.attachments()) {
			Set<String> ids = context.attachmentsByField().getOrDefault(f.id(), Set.of());
			result = result.with(f.id(), ids.isEmpty() ? null : new ArrayList<>(new java.util.TreeSet<>(ids)));
		}
		return result;
	}

	private void removeAttachment(Application a, String attachmentId) {
		UUID aid;
		try {
			aid = UUID.fromString(attachmentId);
		}
		catch (IllegalArgumentException e) {
			throw new NotFoundException("attachment " + attachmentId);
		}
		StoredAttachment s = attachments.find(aid)
			.filter(x -> x.ownerId().equals(a.id()))
			.orElseThrow(() -> new NotFoundException("attachment " + attachmentId));
		attachments.delete(s.id());
	}

	/** Keeps the raw text of other pages and replaces this page's. */
	private static String rawJson(String previous, PageDefinition page, Map<String, List<String>> raw) {
		Map<String, List<String>> all = new LinkedHashMap<>();
		if (previous != null && !previous.isBlank()) {
			all.putAll(JSON.readValue(previous, new TypeReference<LinkedHashMap<String, List<String>>>() {
			}));
		}
		page.fields().forEach(f -> all.keySet().removeIf(k -> k.equals("f." + f.id()) || k.startsWith("f." + f.id() + ".")));
		// what could not be read is kept to be shown again, but not without limit
		raw.forEach((k, v) -> all.put(k, v.stream().map(x -> x.length() > MAX_RAW ? x.substring(0, MAX_RAW) : x).limit(20).toList()));
		return all.isEmpty() ? null : JSON.writeValueAsString(all);
	}

	/** {@code f.birthDate.year} → {@code birthDate}. */
	static String fieldOfParameter(String parameter) {
		String rest = parameter.startsWith("f.") ? parameter.substring(2) : parameter;
		int dot = rest.indexOf('.');
		return dot < 0 ? rest : rest.substring(0, dot);
	}

	/** What the resident typed into fields that could not be read, for showing a page again. */
	public Map<String, List<String>> rawInput(Application a) {
		if (a.rawInput() == null || a.rawInput().isBlank()) {
			return Map.of();
		}
		return JSON.readValue(a.rawInput(), new TypeReference<LinkedHashMap<String, List<String>>>() {
		});
	}

	/** Every problem that stops submission, for the check-your-answers page. */
	// not read-only: checking a household picker reads the register, and every read of it is written to the access log
	@Transactional
	public List<FieldError> check(UUID id, Applicant applicant) {
		Application a = owned(id, applicant);
		ProcedureDefinition d = procedureOf(a).definition();
		List<FieldError> errors = new ArrayList<>(forms.validateAll(d, a.answers(), context(a, d, applicant)));
		// typed text that could not be read is not an answer yet: it must be corrected before submission
		rawInput(a).keySet()
			.stream()
			.map(Applications::fieldOfParameter)
			.distinct()
			.filter(f -> errors.stream().noneMatch(e -> e.field().equals(f)))
			.forEach(f -> errors.add(FieldError.of(f, "applications.error.unreadable")));
		return errors;
	}

	/**
	 * Submits a draft (or resubmits one returned for correction): checks everything again, gives the
	 * 受付番号, starts the clock of the service-level target, opens the fee, and tells the applicant.
	 * @throws InvalidInputException with every problem; nothing changes then
	 */
	public Application submit(UUID id, Applicant applicant) {
		Application a = editable(id, applicant);
		ProcedureVersion version = procedureOf(a);
		requireAssurance(version.definition(), applicant);
		List<FieldError> errors = check(id, applicant);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return doSubmit(a, version.definition(), applicant);
	}

	Application doSubmit(Application a, ProcedureDefinition d, Applicant applicant) {
		return doSubmit(a, d, applicant, false, null, null);
	}

	/**
	 * @param insert true when the application is not stored yet (an API submission in one request): it is
	 *     written once, already submitted, with its idempotency key
	 */
	Application doSubmit(Application a, ProcedureDefinition d, Applicant applicant, boolean insert,
			String idempotencyKey, String requestHash) {
		Instant now = clock.instant();
		boolean resubmission = a.receiptNumber() != null;
		String receipt = resubmission ? a.receiptNumber() : repository.nextReceiptNumber(LocalDate.now(clock));
		Integer fee = fee(d, a.answers());
		String from = a.isDraft() ? null : a.status();
		Application submitted = new Application(a.id(), receipt, a.procedureId(), a.procedureVersion(),
				ApplicationStatus.SUBMITTED.name(), a.applicantAccount(), a.anonymousOwner(), a.apiClient(),
				applicantName(d, a), a.applicantEmail(), a.language(), a.answers(), null, null, 0, null,
				a.atenaNumber(), fee, a.createdAt(), now, resubmission ? a.submittedAt() : now,
				now.plus(Duration.ofDays(d.workflow().slaDays())), null, a.rowVersion());
		Application saved;
		if (insert) {
			repository.insert(submitted, idempotencyKey, requestHash);
			saved = submitted;
		}
		else {
			saved = repository.update(submitted, now);
		}
		repository.append(a.id(), now, applicant.actor(), applicant.kind().name(),
				resubmission ? "RESUBMITTED" : "SUBMITTED", from, ApplicationStatus.SUBMITTED.name(), null, null, false);
		// the fee follows the answers: a correction can change the number of copies
		var payment = payments.find(a.id());
		if (fee != null && fee > 0) {
			if (payment.isEmpty() || !payment.get().state().isSettled() || payment.get().amountYen() == fee) {
				payments.open(a.id(), fee, d.fee().methods().get(0), receipt + " " + d.name().ja());
			}
		}
		else if (payment.filter(p -> p.state() == org.madoguchi.payments.PaymentState.AWAITING_PAYMENT).isPresent()) {
			payments.cancel(a.id());
		}
		events.publishEvent(changed(saved, from == null ? null : ApplicationStatus.valueOf(from),
				ApplicationStatus.SUBMITTED, null, now));
		return saved;
	}

	/** The applicant answers a request for information; the application goes back to the reviewer. */
	public Application reply(UUID id, Applicant applicant, String message, List<Upload> uploads) {
		Application a = owned(id, applicant);
		if (!ApplicationStatus.INFO_REQUESTED.name().equals(a.status())) {
			throw new RuleViolationException("applications.error.notAwaitingInfo");
		}
		if (message == null || message.isBlank()) {
			throw new InvalidInputException(FieldError.of("message", "applications.error.messageRequired"));
		}
		if (message.length() > 4000) {
			throw new InvalidInputException(FieldError.of("message", "applications.error.messageTooLong", 4000));
		}
		Instant now = clock.instant();
		for (Upload u : uploads) {
			attachments.store(a.id(), "reply", u.filename(), u.content(), Set.of("PDF", "JPEG", "PNG"),
					10L * 1024 * 1024);
		}
		Application saved = repository.update(a.moved(ApplicationStatus.IN_REVIEW.name(), a.stepIndex(), a.assignedTo(),
				a.decidedAt()), now);
		repository.append(a.id(), now, applicant.actor(), applicant.kind().name(), "INFO_PROVIDED",
				ApplicationStatus.INFO_REQUESTED.name(), ApplicationStatus.IN_REVIEW.name(), null, message, false);
		events.publishEvent(changed(saved, ApplicationStatus.INFO_REQUESTED, ApplicationStatus.IN_REVIEW, null, now));
		return saved;
	}

	/** Deletes a draft (never a submitted application: that is {@link #withdraw}). */
	public void discardDraft(UUID id, Applicant applicant) {
		Application a = owned(id, applicant);
		if (!a.isDraft()) {
			throw new RuleViolationException("applications.error.notEditable");
		}
		delete(a);
	}

	private void delete(Application draft) {
		attachments.deleteAllFor(draft.id());
		repository.delete(draft.id());
	}

	/** The applicant withdraws an application that is not decided yet, or discards a draft. */
	public void withdraw(UUID id, Applicant applicant) {
		Application a = owned(id, applicant);
		Instant now = clock.instant();
		if (a.isDraft()) {
			delete(a);
			return;
		}
		ApplicationStatus status = a.applicationStatus();
		if (status.isFinal() || status == ApplicationStatus.ACCEPTED) {
			throw new RuleViolationException("applications.error.cannotWithdraw");
		}
		Application saved = repository.update(a.moved(ApplicationStatus.WITHDRAWN.name(), a.stepIndex(), a.assignedTo(),
				now), now);
		repository.append(a.id(), now, applicant.actor(), applicant.kind().name(), "WITHDRAWN", a.status(),
				ApplicationStatus.WITHDRAWN.name(), null, null, false);
		if (payments.find(a.id()).filter(p -> !p.state().isSettled()).isPresent()) {
			payments.cancel(a.id());
		}
		events.publishEvent(changed(saved, status, ApplicationStatus.WITHDRAWN, null, now));
	}

	// --- helpers shared with the API and the review side ---

	Application owned(UUID id, Applicant applicant) {
		return repository.find(id)
			.filter(a -> a.ownedBy(applicant))
			.orElseThrow(() -> new NotFoundException("application " + id));
	}

	private Application editable(UUID id, Applicant applicant) {
		Application a = repository.lock(id)
			.filter(x -> x.ownedBy(applicant))
			.orElseThrow(() -> new NotFoundException("application " + id));
		if (!a.editableByApplicant()) {
			throw new RuleViolationException("applications.error.notEditable");
		}
		return a;
	}

	static void requireAssurance(ProcedureDefinition d, Applicant applicant) {
		requireAssurance(d.assurance(), applicant);
	}

	static void requireAssurance(Assurance required, Applicant applicant) {
		if (!required.satisfiedBy(applicant.assurance())) {
			throw new AssuranceRequiredException(required, applicant.assurance());
		}
	}

	// ---------------------------------------------------------------- 電子署名 (JPKI_SIGNATURE procedures)

	/** Format name inside the signed document, so that a signature cannot be replayed for another kind of document. */
	static final String SIGNED_FORMAT = "madoguchi-application/1";

	/**
	 * The exact bytes a resident signs with the 署名用電子証明書 for a draft: RFC 8785 canonical JSON of the
	 * procedure (id, version), the application id, every answer and the SHA-256 of every attached file. Any later
	 * change to the draft changes these bytes, and the signature no longer verifies.
	 */
	@Transactional(readOnly = true)
	public byte[] signingContent(UUID id, Applicant applicant) {
		return signingContent(owned(id, applicant));
	}

	private byte[] signingContent(Application a) {
		List<Map<String, Object>> files = new ArrayList<>();
		for (StoredAttachment s : attachments.listFor(a.id())) {
			Map<String, Object> f = new LinkedHashMap<>();
			f.put("field", s.fieldId());
			f.put("filename", s.filename());
			f.put("sha256", s.sha256());
			files.add(f);
		}
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("format", SIGNED_FORMAT);
		doc.put("application", a.id().toString());
		doc.put("procedure", a.procedureId());
		doc.put("procedureVersion", a.procedureVersion());
		doc.put("answers", a.answers().asMap());
		doc.put("attachments", files);
		return Jcs.canonicalize(doc);
	}

	/**
	 * Submits a draft of a procedure that needs a JPKI signature, with the resident's detached CMS signature over
	 * {@link #signingContent}. The signature, the certificates, the CRLs and the report are kept whatever the verdict.
	 * A signer other than the person the account is linked to is refused; an account not linked yet takes the
	 * signer's 宛名番号 for this application.
	 *
	 * @throws InvalidInputException (field {@code signature}) when the signature is refused, with the reason;
	 *     or with every problem of the answers, as {@link #submit}
	 */
	public Application submitSigned(UUID id, Applicant applicant, byte[] signature) {
		Application a = editable(id, applicant);
		ProcedureVersion version = procedureOf(a);
		ProcedureDefinition d = version.definition();
		requireAssurance(d.assurance().toStart(), applicant);
		List<FieldError> errors = check(id, applicant);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (!signatures.available()) {
			throw new RuleViolationException("applications.error.signaturesUnavailable");
		}
		SignedEvidence evidence = signatures.verifyAndKeep(ElectronicSignatures.APPLICATION, a.id(), signingContent(a),
				signature, applicant.atenaNumber(), applicant.actor());
		if (!evidence.accepted()) {
			throw new InvalidInputException(FieldError.of("signature", evidence.messageKey()));
		}
		Instant now = clock.instant();
		repository.append(a.id(), now, applicant.actor(), applicant.kind().name(), "SIGNATURE_VERIFIED", null, null,
				null, evidence.id().toString(), false);
		Applicant signer = new Applicant(applicant.kind(), applicant.accountId(), applicant.anonymousKey(),
				applicant.clientId(), applicant.name(), applicant.email(), applicant.language(), Assurance.JPKI_SIGNATURE,
				evidence.signerAtena());
		return doSubmit(a.withAtenaNumber(evidence.signerAtena()), d, signer);
	}

	/** The fee the answers come to (e.g. 300 yen per copy), or null when the procedure has none. */
	public static Integer fee(ProcedureDefinition d, Answers answers) {
		if (d.fee() == null) {
			return null;
		}
		int units = 1;
		if (d.fee().perField() != null) {
			try {
				units = Integer.parseInt(answers.text(d.fee().perField()));
			}
			catch (NumberFormatException | NullPointerException e) {
				units = 1;
			}
		}
		units = Math.max(1, Math.min(units, 1000));
		return Math.multiplyExact(d.fee().amount(), units);
	}

	/** The applicant's name as answered in the first NAME-prefilled field, else as the account has it. */
	static String applicantName(ProcedureDefinition d, Application a) {
		return d.fields()
			.filter(f -> f.prefill() == org.madoguchi.procedures.Prefill.NAME)
			.map(f -> a.answers().text(f.id()))
			.filter(v -> v != null && !v.isBlank())
			.findFirst()
			.orElse(a.applicantName());
	}

	static String language(Applicant applicant) {
		return "en".equals(applicant.language()) ? "en" : "ja";
	}

	static ApplicationStatusChanged changed(Application a, ApplicationStatus from, ApplicationStatus to, String message,
			Instant at) {
		return new ApplicationStatusChanged(a.id(), a.receiptNumber(), a.procedureId(), a.procedureVersion(),
				a.applicantAccount(), a.applicantEmail(), a.applicantName(), a.language(), from, to, message,
				a.feeYen(), at);
	}
}
