package org.madoguchi.staff;

import java.time.Instant;
import java.util.Set;

/** A long-lived API key of a client, as listed (the key itself is shown once and not kept). */
record ApiKey(long id, String clientId, String label, Set<ApiScope> scopes, Instant expiresAt, Instant createdAt,
		String createdBy, Instant revokedAt) {

	public boolean activeAt(Instant now) {
		return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
	}
}
