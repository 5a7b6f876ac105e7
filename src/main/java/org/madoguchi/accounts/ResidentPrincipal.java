package org.madoguchi.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in resident as kept in the session (Spring Session serialises it): the account id, and
 * the email address as the name. Profile data is read from the database when needed, so that a change
 * shows at once and the session holds as little personal data as possible.
 */
record ResidentPrincipal(UUID accountId, String email) implements AuthenticatedPrincipal, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	@Override
	public String getName() {
		return email;
	}
}
