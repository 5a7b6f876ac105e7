package org.madoguchi.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The access log. Modules call {@link #record} for every read or change of resident data; the actor,
 * their roles, the purpose and the client address are taken from the current request.
 */
public interface AccessLog {

	/** Records an access by the signed-in staff member (or API client) of the current request. */
	void record(AccessAction action, String subject, String detail);

	/** Records an access that was refused. */
	void recordDenied(AccessAction attempted, String subject, String reason);

	/** Records an event for a named actor outside a signed-in request (sign-in attempts). */
	void recordFor(String actor, AccessAction action, String detail, String outcome);

	List<Entry> find(Query query);

	/**
	 * Patterns an auditor should look at since a day: reads of resident data at night (22:00–06:00) and
	 * hours in which one staff member read more than {@code massThreshold} records (mass searches).
	 */
	List<Alert> alerts(java.time.Instant since, int massThreshold);

	/** One pattern found: who, which hour (or night), how many accesses, and the kind of alert. */
	record Alert(String kind, String actor, Instant hour, long accesses) {
	}

	long count(Query query);

	/**
	 * Filter for the auditor's view.
	 */
	record Query(String actor, AccessAction action, String subject, LocalDate from, LocalDate to, int limit, int offset) {
	}

	/** One recorded access. */
	record Entry(long id, Instant occurredAt, String actor, String actorRoles, AccessAction action, String subject,
			String purpose, String detail, String outcome, String clientAddress) {
	}
}
