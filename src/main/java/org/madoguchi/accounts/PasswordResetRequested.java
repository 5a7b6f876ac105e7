package org.madoguchi.accounts;

import java.util.UUID;

/** A resident asked to reset the password; the mail with {@code resetUrl} (one-time token) must go out. */
public record PasswordResetRequested(UUID accountId, String email, String name, String language, String resetUrl) {
}
