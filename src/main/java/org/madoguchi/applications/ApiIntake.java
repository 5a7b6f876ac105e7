package org.madoguchi.applications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.platform.RuleViolationException;
import org.madoguchi.procedures.Answers;
import org.madoguchi.procedures.ProcedureCatalog;
import org.madoguchi.procedures.ProcedureDefinition;
import org.madoguchi.procedures.ProcedureVersion;
import org.madoguchi.procedures.ValidationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications filed by API clients (an intake system, a partner app). Answers are checked strictly: an
 * unknown field, an answer to a hidden field or a wrong shape is an error, never silently dropped. Each
 * create or submit carries an {@code Idempotency-Key}: the same key with the same body returns the first
 * result; the same key with another body is refused.
 */
@Service
@Transactional
public class ApiIntake {

	public static final int MAX_KEY_LENGTH = 200;

	private final ApplicationRepository repository;
	private final ProcedureCatalog catalog;
	private final ApplicationForms forms;
	private final Applications applications;
	private final Clock clock;

	ApiIntake(ApplicationRepository repository, ProcedureCatalog catalog, ApplicationForms forms,
			Applications applications, Clock clock) {
		this.repository = repository;
		this.catalog = catalog;
		this.forms = forms;
		this.applications = applications;
		this.clock = clock;
	}

	/** What a client sends to create an application. */
	public record Request(String procedureId, Integer procedureVersion, String language, String applicantName,
			String applicantEmail, Map<String, Object> answers, boolean submit) {
	}

	/** The outcome: the application, and whether this call created it (false for a replay). */
	public record Result(Application application, boolean created) {
	}

	public Result create(Applicant client, String idempotencyKey, String canonicalBody, Request request) {
		String hash = sha256(canonicalBody);
		var previous = repository.findByIdempotencyKey(client.clientId(), requireKey(idempotencyKey));
		if (previous.isPresent()) {
			return replay(previous.get(), hash);
		}
		List<FieldError> errors = new ArrayList<>();
		if (request.procedureId() == null || request.procedureId().isBlank()) {
			errors.add(FieldError.of("procedureId", "applications.error.required"));
		}
		if (request.applicantName() == null || request.applicantName().isBlank() || request.applicantName().length() > 200) {
			errors.add(FieldError.of("applicantName", "applications.error.applicantName"));
		}
		if (request.applicantEmail() != null && (request.applicantEmail().length() > 254
				|| !request.applicantEmail().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			errors.add(FieldError.of("applicantEmail", "applications.error.email"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		ProcedureVersion version = (request.procedureVersion() == null ? catalog.current(request.procedureId())
				: catalog.version(request.procedureId(), request.procedureVersion()))
			.orElseThrow(() -> new NotFoundException("procedure " + request.procedureId()));
		if (request.procedureVersion() != null && catalog.current(request.procedureId())
			.map(v -> v.version() != request.procedureVersion())
			.orElse(true)) {
			throw new RuleViolationException("applications.error.oldVersion", request.procedureVersion());
		}
		ProcedureDefinition d = version.definition();
		Applications.requireAssurance(d, client);
		ValidationContext context = ValidationContext.on(java.time.LocalDate.now(clock));
		Answers answers = forms.normalize(d, Answers.of(request.answers() == null ? Map.of() : request.answers()),
				context);
		Instant now = clock.instant();
		Application draft = new Application(UUID.randomUUID(), null, d.id(), version.version(), Application.DRAFT, null,
				null, client.clientId(), request.applicantName().strip(), request.applicantEmail(),
				"en".equals(request.language()) ? "en" : "ja", answers, null, null, 0, null, null, null, now, now, null,
				null, null, 0);
		if (request.submit()) {
			// a submission must be complete now: check before anything is written
			List<FieldError> problems = forms.validateAll(d, answers, context);
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
		}
		try {
			if (request.submit()) {
				// one request, one row: written already submitted
				return new Result(applications.doSubmit(draft, d, client, true, idempotencyKey, hash), true);
			}
			repository.insert(draft, idempotencyKey, hash);
		}
		catch (DuplicateKeyException race) {
			// the same key arrived twice at once and the other request is being written: this transaction cannot
			// go on (PostgreSQL aborts it), so the client is told to retry, and the retry is answered as a replay
			throw new RuleViolationException("applications.error.idempotencyInProgress");
		}
		repository.append(draft.id(), now, client.actor(), "CLIENT", "STARTED", null, null, null, null, true);
		return new Result(draft, true);
	}

	/** Submits a draft created earlier by the same client (after attachments were uploaded). */
	public Application submit(Applicant client, UUID id) {
		Application a = repository.lock(id)
			.filter(x -> x.ownedBy(client))
			.orElseThrow(() -> new NotFoundException("application " + id));
		if (!a.editableByApplicant()) {
			return a; // submitting twice is a no-op: the answer is the submitted application
		}
		ProcedureDefinition d = applications.procedureOf(a).definition();
		Applications.requireAssurance(d, client);
		List<FieldError> problems = forms.validateAll(d, a.answers(), applications.context(a, d, client));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return applications.doSubmit(a, d, client);
	}

	/** Replaces a draft's answers (strictly checked only at submission). */
	public Application updateAnswers(Applicant client, UUID id, Map<String, Object> answers) {
		Application a = repository.lock(id)
			.filter(x -> x.ownedBy(client))
			.orElseThrow(() -> new NotFoundException("application " + id));
		if (!a.editableByApplicant()) {
			throw new RuleViolationException("applications.error.notEditable");
		}
		ProcedureDefinition d = applications.procedureOf(a).definition();
		Answers normalized = forms.normalize(d, Answers.of(answers == null ? Map.of() : answers),
				applications.context(a, d, client));
		return repository.update(a.withAnswers(normalized, null, null), clock.instant());
	}

	@Transactional(readOnly = true)
	public Application get(Applicant client, UUID id) {
		return applications.owned(id, client);
	}

	private Result replay(ApplicationRepository.IdempotentRequest previous, String hash) {
		if (!previous.requestHash().equals(hash)) {
			throw new RuleViolationException("applications.error.idempotencyMismatch");
		}
		return new Result(repository.find(previous.applicationId()).orElseThrow(), false);
	}

	private static String requireKey(String key) {
		if (key == null || key.isBlank()) {
			throw new InvalidInputException(FieldError.of("Idempotency-Key", "applications.error.idempotencyKey"));
		}
		if (key.length() > MAX_KEY_LENGTH) {
			throw new InvalidInputException(FieldError.of("Idempotency-Key", "applications.error.idempotencyKeyLength",
					MAX_KEY_LENGTH));
		}
		return key;
	}

	/** Looking a digest up by name costs more than hashing a request body: one per thread, reused. */
	private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	});

	static String sha256(String s) {
		MessageDigest digest = SHA256.get();
		digest.reset();
		return HexFormat.of().formatHex(digest.digest(s.getBytes(StandardCharsets.UTF_8)));
	}
}
