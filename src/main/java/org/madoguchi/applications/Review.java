package org.madoguchi.applications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.platform.RuleViolationException;
import org.madoguchi.procedures.ProcedureCatalog;
import org.madoguchi.procedures.ProcedureDefinition;
import org.madoguchi.procedures.ProcedureVersion;
import org.madoguchi.procedures.WorkflowStep;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff side (審査・決裁): take an application, work it through the procedure's steps, and decide.
 * Each step names the role that may act on it; a later step is an approval (電子決裁) that must be made by
 * someone other than whoever approved the step before. Every action is on the timeline and in the access
 * log, and every status change is published for the applicant's notification.
 */
@Service
@Transactional
public class Review {

	static final int MAX_NOTE = 4000;

	private final ApplicationRepository repository;
	private final ProcedureCatalog catalog;
	private final AcceptedFeed feed;
	private final AccessLog accessLog;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final org.madoguchi.payments.Payments payments;

	Review(ApplicationRepository repository, ProcedureCatalog catalog, AcceptedFeed feed, AccessLog accessLog,
			ApplicationEventPublisher events, Clock clock, org.madoguchi.payments.Payments payments) {
		this.payments = payments;
		this.repository = repository;
		this.catalog = catalog;
		this.feed = feed;
		this.accessLog = accessLog;
		this.events = events;
		this.clock = clock;
	}

	/** Opens an application for review (logged as a read of resident data). */
	public ApplicationView open(UUID id, StaffMember staff) {
		Application a = submitted(repository.find(id));
		accessLog.record(AccessAction.READ_APPLICATION, a.receiptNumber(), a.procedureId());
		return new ApplicationView(a, version(a), repository.timeline(id, true));
	}

	/**
	 * Like {@link #open}, but empty instead of failing when there is no such submitted application: for modules that
	 * act on {@link ApplicationStatusChanged} inside the deciding transaction, which a not-found exception would mark
	 * for rollback even when caught.
	 */
	public java.util.Optional<ApplicationView> find(UUID id, StaffMember staff) {
		return repository.find(id).filter(a -> !a.isDraft()).map(a -> {
			accessLog.record(AccessAction.READ_APPLICATION, a.receiptNumber(), a.procedureId());
			return new ApplicationView(a, version(a), repository.timeline(id, true));
		});
	}

	/** Finds an application by its 受付番号 (as a resident reads it out at the counter or on the phone). */
	@Transactional(readOnly = true)
	public java.util.Optional<UUID> findByReceipt(String receiptNumber) {
		if (receiptNumber == null || !receiptNumber.strip().matches("\\d{4}-\\d{7}")) {
			return java.util.Optional.empty();
		}
		return repository.idOfReceipt(receiptNumber.strip());
	}

	/** The step the application is at, or null once decided. */
	public WorkflowStep currentStep(Application a) {
		List<WorkflowStep> steps = version(a).definition().workflow().steps();
		return a.stepIndex() < steps.size() ? steps.get(a.stepIndex()) : steps.get(steps.size() - 1);
	}

	/** Takes the application: it is assigned to the staff member and moves to 審査中. */
	public Application claim(UUID id, int rowVersion, StaffMember staff) {
		Application a = locked(id, rowVersion);
		requireOpen(a);
		requireStepRole(a, staff);
		return save(a, ApplicationStatus.SUBMITTED.name().equals(a.status()) ? ApplicationStatus.IN_REVIEW.name()
				: a.status(), a.stepIndex(), staff.username(), null, staff, "CLAIMED", null, true, null);
	}

	/** Assigns the application to a colleague (or, with null, back to the queue). */
	public Application assign(UUID id, int rowVersion, String to, StaffMember staff) {
		Application a = locked(id, rowVersion);
		requireOpen(a);
		requireStepRole(a, staff);
		if (to != null && to.length() > 100) {
			throw new InvalidInputException(FieldError.of("assignee", "applications.error.assignee"));
		}
		return save(a, a.status(), a.stepIndex(), to == null || to.isBlank() ? null : to.strip(), null, staff,
				"ASSIGNED", to, true, null);
	}

	/** An internal note for colleagues; never shown to the applicant. */
	public void comment(UUID id, String text, StaffMember staff) {
		Application a = submitted(repository.lock(id));
		requireStaff(staff);
		String note = note(text, "comment", true);
		repository.append(id, clock.instant(), staff.username(), "STAFF", "COMMENT", null, null, null, note, true);
		accessLog.record(AccessAction.APPLICATION_ACTION, a.receiptNumber(), "COMMENT");
	}

	/** Asks the applicant for information; the message is shown and sent to them. */
	public Application requestInfo(UUID id, int rowVersion, String message, StaffMember staff) {
		Application a = locked(id, rowVersion);
		requireOpen(a);
		if (ApplicationStatus.INFO_REQUESTED.name().equals(a.status())) {
			throw new RuleViolationException("applications.error.awaitingApplicant");
		}
		requireStepRole(a, staff);
		String note = note(message, "message", true);
		return save(a, ApplicationStatus.INFO_REQUESTED.name(), a.stepIndex(), a.assignedTo(), null, staff,
				"INFO_REQUESTED", note, false, note);
	}

	/** Returns the application to the applicant to correct and resubmit. */
	public Application returnForCorrection(UUID id, int rowVersion, String reason, StaffMember staff) {
		Application a = locked(id, rowVersion);
		requireOpen(a);
		requireStepRole(a, staff);
		String note = note(reason, "reason", true);
		return save(a, ApplicationStatus.RETURNED.name(), 0, null, null, staff, "RETURNED", note, false, note);
	}

	/** Rejects (却下) with a reason the applicant is told. */
	public Application reject(UUID id, int rowVersion, String reason, StaffMember staff) {
		Application a = locked(id, rowVersion);
		requireOpen(a);
		requireStepRole(a, staff);
		String note = note(reason, "reason", true);
		Application rejected = save(a, ApplicationStatus.REJECTED.name(), a.stepIndex(), a.assignedTo(), clock.instant(),
				staff, "REJECTED", note, false, note);
		payments.find(id)
			.filter(p -> p.state() == org.madoguchi.payments.PaymentState.AWAITING_PAYMENT)
			.ifPresent(p -> payments.cancel(id));
		return rejected;
	}

	/**
	 * Approves the current step. Before the last step the application moves on to the next step's role
	 * (unassigned, in that role's queue); at the last step it is accepted (受理) and enters the feed for
	 * core systems.
	 */
	public Application approve(UUID id, int rowVersion, String note, StaffMember staff) {
		Application a = locked(id, rowVersion);
		requireOpen(a);
		if (ApplicationStatus.INFO_REQUESTED.name().equals(a.status())) {
			throw new RuleViolationException("applications.error.awaitingApplicant");
		}
		WorkflowStep step = requireStepRole(a, staff);
		if (a.stepIndex() > 0) {
			String previousApprover = repository.timeline(id, true)
				.stream()
				.filter(e -> "STEP_APPROVED".equals(e.kind()))
				.reduce((x, y) -> y)
				.map(TimelineEntry::actor)
				.orElse(null);
			if (staff.username().equals(previousApprover)) {
				throw new RuleViolationException("applications.error.sameApprover");
			}
		}
		String text = note == null || note.isBlank() ? null : note(note, "note", false);
		List<WorkflowStep> steps = version(a).definition().workflow().steps();
		if (a.stepIndex() + 1 < steps.size()) {
			return save(a, ApplicationStatus.IN_REVIEW.name(), a.stepIndex() + 1, null, null, staff, "STEP_APPROVED",
					text, true, null);
		}
		Instant now = clock.instant();
		Application accepted = save(a, ApplicationStatus.ACCEPTED.name(), a.stepIndex(), a.assignedTo(), now, staff,
				"STEP_APPROVED", text, true, null);
		// the applicant sees the decision, not the approval note
		repository.append(id, now, staff.username(), "STAFF", "ACCEPTED", null, null, step.id(), null, false);
		feed.append(accepted.id(), accepted.procedureId(), now);
		return accepted;
	}

	/** Records that the city has done what was asked (issued, sent, collected). */
	public Application complete(UUID id, int rowVersion, String note, StaffMember staff) {
		Application a = locked(id, rowVersion);
		if (!ApplicationStatus.ACCEPTED.name().equals(a.status())) {
			throw new RuleViolationException("applications.error.notAccepted");
		}
		requireStaff(staff);
		String text = note == null || note.isBlank() ? null : note(note, "note", false);
		return save(a, ApplicationStatus.COMPLETED.name(), a.stepIndex(), a.assignedTo(), a.decidedAt(), staff,
				"COMPLETED", text, false, text);
	}

	/** Records that the fee was paid at the counter or on delivery. */
	public void recordPayment(UUID id, String receiptNumber, StaffMember staff) {
		Application a = submitted(repository.lock(id));
		if (!staff.roles().stream().anyMatch(r -> java.util.Set.of("COUNTER", "EXAMINER", "ADMIN").contains(r))) {
			accessLog.recordDenied(AccessAction.APPLICATION_ACTION, a.receiptNumber(), "payment needs 窓口, 審査 or 管理者");
			throw new AccessDeniedException("recording a payment needs the counter, examiner or admin role");
		}
		ApplicationStatus s = a.applicationStatus();
		if (s == ApplicationStatus.REJECTED || s == ApplicationStatus.WITHDRAWN) {
			throw new RuleViolationException("applications.error.closed");
		}
		String receipt = receiptNumber == null || receiptNumber.isBlank() ? null : receiptNumber.strip();
		payments.recordPaid(id, staff.username(), receipt, "CASH");
		repository.append(id, clock.instant(), staff.username(), "STAFF", "PAID", null, null, null, receipt, true);
		accessLog.record(AccessAction.APPLICATION_ACTION, a.receiptNumber(), "PAID");
	}

	// --- internals ---

	private Application save(Application a, String status, int stepIndex, String assignedTo, Instant decidedAt,
			StaffMember staff, String kind, String note, boolean internal, String messageToApplicant) {
		Instant now = clock.instant();
		Application saved = repository.update(
				a.moved(status, stepIndex, assignedTo, decidedAt != null ? decidedAt : a.decidedAt()), now);
		String stepId = currentStep(a).id();
		boolean statusChanged = !status.equals(a.status());
		repository.append(a.id(), now, staff.username(), "STAFF", kind, statusChanged ? a.status() : null,
				statusChanged ? status : null, stepId, note, internal);
		accessLog.record(AccessAction.APPLICATION_ACTION, a.receiptNumber(), kind + " " + stepId);
		if (statusChanged) {
			events.publishEvent(Applications.changed(saved, ApplicationStatus.valueOf(a.status()),
					ApplicationStatus.valueOf(status), messageToApplicant, now));
		}
		return saved;
	}

	private Application locked(UUID id, int rowVersion) {
		Application a = submitted(repository.lock(id));
		if (a.rowVersion() != rowVersion) {
			throw new RuleViolationException("applications.error.changedMeanwhile");
		}
		return a;
	}

	private static Application submitted(java.util.Optional<Application> found) {
		return found.filter(a -> !a.isDraft()).orElseThrow(() -> new NotFoundException("application"));
	}

	private static void requireOpen(Application a) {
		ApplicationStatus s = a.applicationStatus();
		if (s.isFinal() || s == ApplicationStatus.ACCEPTED || s == ApplicationStatus.RETURNED) {
			throw new RuleViolationException("applications.error.closed");
		}
	}

	private WorkflowStep requireStepRole(Application a, StaffMember staff) {
		WorkflowStep step = currentStep(a);
		if (!staff.canAct(step.role())) {
			accessLog.recordDenied(AccessAction.APPLICATION_ACTION, a.receiptNumber(), "step " + step.id()
					+ " needs " + step.role());
			throw new AccessDeniedException("step " + step.id() + " needs the role " + step.role());
		}
		return step;
	}

	private static void requireStaff(StaffMember staff) {
		if (!staff.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
	}

	private static String note(String text, String field, boolean required) {
		if (text == null || text.isBlank()) {
			if (required) {
				throw new InvalidInputException(FieldError.of(field, "applications.error.noteRequired"));
			}
			return null;
		}
		if (text.length() > MAX_NOTE) {
			throw new InvalidInputException(FieldError.of(field, "applications.error.noteTooLong", MAX_NOTE));
		}
		return text.strip();
	}

	private ProcedureVersion version(Application a) {
		return catalog.version(a.procedureId(), a.procedureVersion())
			.orElseThrow(() -> new IllegalStateException("missing procedure version"));
	}

	ProcedureDefinition definition(Application a) {
		return version(a).definition();
	}
}
