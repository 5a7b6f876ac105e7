package org.madoguchi.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 抑止: a stop on changes, issuance or inquiry for one person or a whole household, with a period
 * (open-ended when {@code end} is null) until lifted.
 *
 * @param targetKind PERSON or HOUSEHOLD
 * @param targetNumber 宛名番号 or 世帯番号
 */
public record Suppression(long id, String targetKind, String targetNumber, boolean blockChange, boolean blockIssuance,
		boolean blockInquiry, LocalDate start, LocalDate end, String reason, String createdBy, Instant liftedAt,
		String liftedBy) {

	public boolean activeOn(LocalDate day) {
		return liftedAt == null && !day.isBefore(start) && (end == null || !day.isAfter(end));
	}
}
