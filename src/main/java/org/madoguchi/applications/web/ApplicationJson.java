package org.madoguchi.applications.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.madoguchi.applications.Application;
import org.madoguchi.applications.TimelineEntry;
import org.madoguchi.attachments.StoredAttachment;
import org.madoguchi.identity.SignedEvidence;

/**
 * An application as the API shows it. Timeline entries are the applicant-visible ones unless staff read it; staff
 * and core systems also get the 宛名番号 and the accepted electronic signature, if any.
 */
record ApplicationJson(UUID id, String receiptNumber, String procedureId, int procedureVersion, String status,
		String applicantName, String applicantEmail, String language, Map<String, Object> answers, Integer feeYen,
		Instant createdAt, Instant submittedAt, Instant dueAt, Instant decidedAt, int rowVersion, String assignedTo,
		Integer stepIndex, String atenaNumber, SignatureJson signature, List<AttachmentJson> attachments,
		List<EventJson> timeline) {

	/** The accepted signature: who signed (matched in the register, and how) and over which bytes. */
	record SignatureJson(UUID evidenceId, String signerAtenaNumber, String matchedBy, String certificateSerial,
			String contentSha256, Instant checkedAt) {

		static SignatureJson of(SignedEvidence e) {
			return e == null ? null : new SignatureJson(e.id(), e.signerAtena(), e.matchMethod().name(),
					e.report().certificateSerial() == null ? null : e.report().certificateSerial().toString(16).toUpperCase(),
					e.contentSha256(), e.checkedAt());
		}
	}

	record AttachmentJson(UUID id, String field, String filename, String type, long size, String sha256) {

		static AttachmentJson of(StoredAttachment s) {
			return new AttachmentJson(s.id(), s.fieldId(), s.filename(), s.type().name(), s.size(), s.sha256());
		}
	}

	record EventJson(Instant at, String kind, String fromStatus, String toStatus, String actor, String note) {

		static EventJson of(TimelineEntry e, boolean showActor) {
			return new EventJson(e.occurredAt(), e.kind(), e.fromStatus(), e.toStatus(),
					showActor ? e.actor() : e.actorKind(), e.note());
		}
	}

	static ApplicationJson of(Application a, List<StoredAttachment> files, List<TimelineEntry> timeline, boolean staff) {
		return of(a, files, timeline, staff, null);
	}

	/** As {@link #of(Application, List, List, boolean)}, for staff with the application's accepted signature. */
	static ApplicationJson of(Application a, List<StoredAttachment> files, List<TimelineEntry> timeline, boolean staff,
			SignedEvidence signature) {
		return new ApplicationJson(a.id(), a.receiptNumber(), a.procedureId(), a.procedureVersion(), a.status(),
				a.applicantName(), a.applicantEmail(), a.language(), a.answers().asMap(), a.feeYen(), a.createdAt(),
				a.submittedAt(), a.dueAt(), a.decidedAt(), a.rowVersion(), staff ? a.assignedTo() : null,
				staff ? a.stepIndex() : null, staff ? a.atenaNumber() : null, staff ? SignatureJson.of(signature) : null,
				files.stream().map(AttachmentJson::of).toList(),
				timeline == null ? null : timeline.stream().map(e -> EventJson.of(e, staff)).toList());
	}
}
