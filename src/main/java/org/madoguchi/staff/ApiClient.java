package org.madoguchi.staff;

import java.time.Instant;
import java.util.Set;

/**
 * An API client (連携先): a linked system of the city (基幹系) or a partner service that calls the API
 * in its own name, with OAuth2 client credentials or API keys.
 *
 * @param roles the staff roles the client acts with in the services' own checks (e.g. LINKAGE)
 * @param demo created by {@code start-dev}; production refuses to start while one exists
 */
record ApiClient(String clientId, String name, String secretHash, Set<ApiScope> scopes, Set<StaffRole> roles,
		boolean enabled, boolean demo, Instant createdAt, String createdBy, Instant lastUsedAt) {
}
