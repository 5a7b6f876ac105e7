package org.madoguchi.assistant;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A Q&amp;A entry as kept in the knowledge base: its content, who it belongs to, whether residents see it and
 * from when to when (掲載期間), and which version it is.
 *
 * @param tenant the city that owns this row, or {@link Tenant#STANDARD} for the shared standard entry
 * @param validFrom first day it is answered, or {@code null} for no start
 * @param validUntil last day it is answered, or {@code null} for no end
 */
public record StoredEntry(String tenant, QaEntry entry, EntryStatus status, LocalDate validFrom, LocalDate validUntil,
		int version, Instant updatedAt, String updatedBy) {

	public String id() {
		return entry.id();
	}

	/** Whether it is the standard set's row (seen by a city that has not overridden it). */
	public boolean standard() {
		return Tenant.STANDARD.equals(tenant);
	}

	/** Whether residents get this answer on {@code day}. */
	public boolean answeredOn(LocalDate day) {
		return status == EntryStatus.PUBLISHED && (validFrom == null || !day.isBefore(validFrom))
				&& (validUntil == null || !day.isAfter(validUntil));
	}
}
