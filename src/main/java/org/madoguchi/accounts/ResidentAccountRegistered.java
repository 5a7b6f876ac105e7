package org.madoguchi.accounts;

import java.util.UUID;

/** A resident registered; the mail with {@code verificationUrl} (which holds a one-time token) must go out. */
public record ResidentAccountRegistered(UUID accountId, String email, String name, String language,
		String verificationUrl) {
}
