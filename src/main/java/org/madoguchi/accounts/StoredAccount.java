package org.madoguchi.accounts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.madoguchi.procedures.Assurance;

/** One row of {@code resident_account}: the account with what only this module sees (hash, counters, link). */
record StoredAccount(UUID id, String email, String passwordHash, boolean passwordNfkc, ResidentProfile profile,
		Instant emailVerifiedAt,
		int failedAttempts, Instant lockedUntil, String atenaNumber, Instant linkedAt, String linkedBy,
		String linkMethod, String linkDocument, boolean demo, Instant createdAt) {

	/** Public: the account pages read it. */
	public boolean emailVerified() {
		return emailVerifiedAt != null;
	}

	boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** NONE until the email address is verified, ACCOUNT after (JPKI levels come with the My Number Card sign-in). */
	Assurance assurance() {
		return emailVerified() ? Assurance.ACCOUNT : Assurance.NONE;
	}

	ResidentAccount toAccount() {
		LocalDate birth = profile.birthDate();
		return new ResidentAccount(id, email, profile.name(), profile.kana(), birth, profile.phone(), profile.postalCode(),
				profile.address(), profile.building(), profile.language(), emailVerified(), atenaNumber, assurance());
	}
}
