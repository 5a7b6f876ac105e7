package org.madoguchi.applications;

import java.time.Instant;
import java.util.UUID;

/**
 * An application moved to another status (submission is a change from nothing to SUBMITTED, with
 * {@code from} null). Published inside the transaction that made the change, so listeners that write
 * (the notification outbox) commit or roll back with it.
 *
 * @param applicantAccountId the resident account, or null for applications filed through the API
 * @param applicantEmail where mail goes; may be null when the applicant gave none
 * @param language {@code ja} or {@code en}: the language the applicant used
 * @param messageToApplicant the reason or request written by staff, shown to the applicant; may be null
 * @param feeYen the fee due, or null when the procedure has none
 */
public record ApplicationStatusChanged(UUID applicationId, String receiptNumber, String procedureId,
		int procedureVersion, UUID applicantAccountId, String applicantEmail, String applicantName, String language,
		ApplicationStatus from, ApplicationStatus to, String messageToApplicant, Integer feeYen, Instant at) {
}
