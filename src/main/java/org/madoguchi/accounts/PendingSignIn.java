package org.madoguchi.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A sign-in half done (the password was right, the code is still to come), kept in the session under
 * {@value #KEY}. It grants nothing: no page sees a signed-in resident until {@link SecondFactorFilter}
 * replaces it with the real sign-in.
 *
 * @param since when the password was checked; the code page gives up after {@link #VALID}
 * @param wrongCodes wrong codes typed so far
 */
record PendingSignIn(UUID accountId, String email, Instant since, int wrongCodes) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static final String KEY = "MADOGUCHI_RESIDENT_PENDING_SIGN_IN";
	static final Duration VALID = Duration.ofMinutes(5);

	PendingSignIn startingAt(Instant now) {
		return new PendingSignIn(accountId, email, now, 0);
	}

	PendingSignIn withWrongCode() {
		return new PendingSignIn(accountId, email, since, wrongCodes + 1);
	}

	boolean expiredAt(Instant now) {
		return since == null || !now.isBefore(since.plus(VALID));
	}
}
