package org.madoguchi.applications;

import java.time.Instant;
import java.util.UUID;

import org.madoguchi.procedures.Answers;

/**
 * An application as stored: a draft until submitted (status {@code DRAFT}), then one of
 * {@link ApplicationStatus}. {@code rowVersion} guards against two people changing it at once.
 *
 * @param receiptNumber 受付番号, given at submission
 * @param rawInput what the resident typed into fields that could not be converted (JSON), kept with a draft
 *     so that nothing typed is lost
 * @param stepIndex the workflow step the application is at (0 = the first)
 * @param atenaNumber the person in the register the applicant is linked to, when known
 * @param dueAt the service-level target (submitted + the procedure's slaDays)
 */
public record Application(UUID id, String receiptNumber, String procedureId, int procedureVersion, String status,
		UUID applicantAccount, String anonymousOwner, String apiClient, String applicantName, String applicantEmail,
		String language, Answers answers, String rawInput, String currentPage, int stepIndex, String assignedTo,
		String atenaNumber, Integer feeYen, Instant createdAt, Instant updatedAt, Instant submittedAt, Instant dueAt,
		Instant decidedAt, int rowVersion) {

	public static final String DRAFT = "DRAFT";

	public boolean isDraft() {
		return DRAFT.equals(status);
	}

	public ApplicationStatus applicationStatus() {
		return isDraft() ? null : ApplicationStatus.valueOf(status);
	}

	/** The resident may change the answers: a draft, or an application returned for correction. */
	public boolean editableByApplicant() {
		return isDraft() || ApplicationStatus.RETURNED.name().equals(status);
	}

	public boolean ownedBy(Applicant applicant) {
		return switch (applicant.kind()) {
			case RESIDENT -> applicant.accountId().equals(applicantAccount);
			case ANONYMOUS -> applicantAccount == null && apiClient == null && anonymousOwner != null
					&& anonymousOwner.equals(VisitorKeys.hash(applicant.anonymousKey()));
			case CLIENT -> applicant.clientId().equals(apiClient);
		};
	}

	public boolean overdue(Instant now) {
		return dueAt != null && now.isAfter(dueAt) && !isDraft() && !applicationStatus().isFinal()
				&& applicationStatus() != ApplicationStatus.ACCEPTED;
	}

	/** The same application in another status, step and assignment (a staff action, a reply, a withdrawal). */
	public Application moved(String newStatus, int newStepIndex, String newAssignedTo, Instant newDecidedAt) {
		return new Application(id, receiptNumber, procedureId, procedureVersion, newStatus, applicantAccount,
				anonymousOwner, apiClient, applicantName, applicantEmail, language, answers, rawInput, currentPage,
				newStepIndex, newAssignedTo, atenaNumber, feeYen, createdAt, updatedAt, submittedAt, dueAt, newDecidedAt,
				rowVersion);
	}

	/** As stored by an update: changed at {@code at}, with the next row version. */
	Application stored(Instant at) {
		return new Application(id, receiptNumber, procedureId, procedureVersion, status, applicantAccount,
				anonymousOwner, apiClient, applicantName, applicantEmail, language, answers, rawInput, currentPage,
				stepIndex, assignedTo, atenaNumber, feeYen, createdAt, at, submittedAt, dueAt, decidedAt, rowVersion + 1);
	}

	public Application withAnswers(Answers newAnswers, String newRaw, String page) {
		return new Application(id, receiptNumber, procedureId, procedureVersion, status, applicantAccount,
				anonymousOwner, apiClient, applicantName, applicantEmail, language, newAnswers, newRaw, page, stepIndex,
				assignedTo, atenaNumber, feeYen, createdAt, updatedAt, submittedAt, dueAt, decidedAt, rowVersion);
	}

	/** The same application, for the person with this 宛名番号 (proved by an electronic signature). */
	public Application withAtenaNumber(String atena) {
		return new Application(id, receiptNumber, procedureId, procedureVersion, status, applicantAccount, anonymousOwner,
				apiClient, applicantName, applicantEmail, language, answers, rawInput, currentPage, stepIndex, assignedTo,
				atena, feeYen, createdAt, updatedAt, submittedAt, dueAt, decidedAt, rowVersion);
	}
}
