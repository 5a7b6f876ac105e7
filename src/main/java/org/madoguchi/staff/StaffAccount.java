package org.madoguchi.staff;

import java.time.Instant;
import java.util.Set;

/** A staff member's sign-in account. */
record StaffAccount(String username, String displayName, String passwordHash, Set<StaffRole> roles, boolean enabled,
		boolean demo, int failedAttempts, Instant lockedUntil) {

	boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}
}
