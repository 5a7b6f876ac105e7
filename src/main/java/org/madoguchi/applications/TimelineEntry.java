package org.madoguchi.applications;

import java.time.Instant;

/**
 * One entry of an application's timeline. {@code internal} entries (staff comments, claims) are never
 * shown to the applicant.
 */
public record TimelineEntry(int seq, Instant occurredAt, String actor, String actorKind, String kind,
		String fromStatus, String toStatus, String stepId, String note, boolean internal) {
}
