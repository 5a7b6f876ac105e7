package org.madoguchi.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DEVELOPMENT ONLY: the development identity provider's sign transactions, in memory (one node; lost on restart).
 * A transaction holds the bytes to sign until the card holder signs them on the card page; the signature is
 * fetched once by the relying party.
 */
final class DevSignTransactions {

	/** A transaction lives this long, from creation to fetching the signature. */
	static final Duration LIFETIME = Duration.ofMinutes(10);

	/** Open transactions at most (each holds up to the content limit in memory). */
	static final int MAX_OPEN = 200;

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * @param signer    the {@code sub} of the card holder who signed, null while open
	 * @param signature the detached CMS (DER), null while open
	 */
	record Transaction(String id, String clientId, String title, byte[] content, Instant expiresAt, String signer,
			byte[] signature) {

		Transaction signed(String by, byte[] cms) {
			return new Transaction(id, clientId, title, content, expiresAt, by, cms);
		}

		String digestHex() {
			return DigitalAuthClient.hexDigest(content);
		}
	}

	private final Map<String, Transaction> open = new ConcurrentHashMap<>();

	private final Clock clock;

	DevSignTransactions(Clock clock) {
		this.clock = clock;
	}

	/** A new transaction; empty when too many are open. */
	Optional<Transaction> create(String clientId, String title, byte[] content) {
		Instant now = clock.instant();
		open.values().removeIf(t -> t.expiresAt().isBefore(now));
		if (open.size() >= MAX_OPEN) {
			return Optional.empty();
		}
		byte[] id = new byte[24];
		RANDOM.nextBytes(id);
		Transaction transaction = new Transaction(Base64.getUrlEncoder().withoutPadding().encodeToString(id), clientId,
				title, content, now.plus(LIFETIME), null, null);
		open.put(transaction.id(), transaction);
		return Optional.of(transaction);
	}

	/** An open (not yet signed, not expired) transaction of this client. */
	Optional<Transaction> openFor(String id, String clientId) {
		return Optional.ofNullable(id == null ? null : open.get(id))
			.filter(t -> t.signer() == null && t.clientId().equals(clientId) && t.expiresAt().isAfter(clock.instant()));
	}

	void sign(Transaction transaction, String signer, byte[] signature) {
		open.replace(transaction.id(), transaction, transaction.signed(signer, signature));
	}

	/** Takes the signature of a transaction signed by this card holder for this client (once). */
	Optional<byte[]> takeSignature(String id, String signer, String clientId) {
		Transaction t = open.get(id);
		if (t == null || t.signer() == null || !t.signer().equals(signer) || !t.clientId().equals(clientId)
				|| t.expiresAt().isBefore(clock.instant()) || !open.remove(id, t)) {
			return Optional.empty();
		}
		return Optional.of(t.signature());
	}
}
