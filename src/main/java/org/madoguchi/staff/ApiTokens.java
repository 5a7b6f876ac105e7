package org.madoguchi.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for API clients (linked systems, scripts). The token is shown once; only its
 * SHA-256 is stored. Tokens expire (at most a year).
 */
@Service
public class ApiTokens {

	static final String PREFIX = "mdg_";
	static final Duration MAX_LIFETIME = Duration.ofDays(366);

	private final JdbcTemplate jdbc;
	private final StaffAccounts accounts;
	private final AccessLog accessLog;
	private final SecureRandom random = new SecureRandom();

	ApiTokens(JdbcTemplate jdbc, StaffAccounts accounts, AccessLog accessLog) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.accessLog = accessLog;
	}

	/** Issues a token for an account; returns the token text (shown once). */
	@Transactional
	public String issue(String username, String label, Duration lifetime) {
		accounts.find(username).orElseThrow(() -> new IllegalArgumentException("no account " + username));
		Duration life = lifetime.compareTo(MAX_LIFETIME) > 0 ? MAX_LIFETIME : lifetime;
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = Instant.now();
		jdbc.update("INSERT INTO staff_api_token (token_hash, username, label, expires_at, created_at) VALUES (?,?,?,?,?)",
				hash(token), username, label, Timestamp.from(now.plus(life)), Timestamp.from(now));
		accessLog.recordFor(username, AccessAction.TOKEN_ISSUED, label + " until " + now.plus(life), "OK");
		return token;
	}

	/** The account a valid, unexpired token belongs to. */
	Optional<StaffAccount> accountOf(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		String hash = hash(token);
		long now = System.nanoTime();
		Cached cached = recent.get(hash);
		if (cached != null && now - cached.at() < CACHE_NANOS) {
			return Optional.of(cached.account());
		}
		Optional<StaffAccount> account = lookup(hash);
		if (account.isPresent()) {
			if (recent.size() > 10_000) {
				recent.clear();
			}
			recent.put(hash, new Cached(account.get(), now));
		}
		else {
			recent.remove(hash);
		}
		return account;
	}

	/**
	 * A short per-node cache of verified tokens, so that a busy linked system does not cost two queries per
	 * call; an expired, disabled or revoked token stops working on every node within {@link #CACHE_NANOS}.
	 */
	private record Cached(StaffAccount account, long at) {
	}

	static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

	private final java.util.concurrent.ConcurrentHashMap<String, Cached> recent = new java.util.concurrent.ConcurrentHashMap<>();

	private Optional<StaffAccount> lookup(String hash) {
		List<String> users = jdbc.queryForList("SELECT username FROM staff_api_token WHERE token_hash = ? AND expires_at > ?",
				String.class, hash, Timestamp.from(Instant.now()));
		return users.isEmpty() ? Optional.empty() : accounts.find(users.get(0)).filter(StaffAccount::enabled);
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
