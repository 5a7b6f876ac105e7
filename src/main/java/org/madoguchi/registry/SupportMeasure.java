package org.madoguchi.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 支援措置: protection of a victim of DV, stalking or child abuse (住基法 第12条第6項 etc.). While active,
 * certified copies of the person's record are not issued and inspection is refused until the
 * responsible officer clears it. Granted for one year at a time, extendable.
 *
 * @param kind DV, STALKING, CHILD_ABUSE or OTHER
 */
public record SupportMeasure(long id, AtenaNumber atenaNumber, String kind, LocalDate start, LocalDate end,
		String officer, String note, Instant clearedAt, String clearedBy) {

	public boolean activeOn(LocalDate day) {
		return clearedAt == null && !day.isBefore(start) && !day.isAfter(end);
	}
}
