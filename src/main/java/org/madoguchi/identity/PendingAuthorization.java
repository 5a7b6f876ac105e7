package org.madoguchi.identity;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * A sign-in or signing started in this browser and waiting for the provider's callback, kept in the HTTP session
 * (Spring Session JDBC, so any node can take the callback) under its {@code state}; taken out on the callback so
 * that a state counts once.
 *
 * @param state         the OAuth state (random, 256 bits)
 * @param nonce         the OpenID nonce the ID token must carry (random)
 * @param codeVerifier  the PKCE verifier (RFC 7636, 43 characters); only its S256 challenge left the server
 * @param purpose       sign-in or signing
 * @param returnTo      the local portal path to go back to
 * @param transactionId the sign transaction (signing only)
 * @param contentDigest hex SHA-256 of the content being signed (signing only)
 * @param startedAt     when the flow began (a flow older than the timeout is refused)
 */
record PendingAuthorization(String state, String nonce, String codeVerifier, Purpose purpose, String returnTo,
		String transactionId, String contentDigest, Instant startedAt) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	enum Purpose {
		SIGN_IN, SIGN
	}
}
