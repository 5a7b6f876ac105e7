package org.madoguchi.accounts;

import java.io.Serial;
import java.util.UUID;

import org.springframework.security.core.AuthenticationException;

/**
 * The password was right, and the account has the second factor on: the sign-in goes on at the code page
 * instead of ending here. An exception, so that the form login neither signs in nor keeps a context.
 */
class SecondFactorRequired extends AuthenticationException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient PendingSignIn pending;

	SecondFactorRequired(UUID accountId, String email) {
		super("second factor required");
		this.pending = new PendingSignIn(accountId, email, null, 0);
	}

	PendingSignIn pending() {
		return pending;
	}
}
