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
		List<String> users = jdbc.queryForList("SELECT username FROM staff_api_token WHERE token_hash = ? AND expires_at > ?",
				String.class, hash(token), Timestamp.from(Instant.now()));
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
