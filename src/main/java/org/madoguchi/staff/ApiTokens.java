package org.madoguchi.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens on the API, of three kinds, all shown once and stored only as their SHA-256:
 * <ul>
 * <li>{@code mdg_…}: a staff account's personal token (scripts, older linked systems); authorities are
 * the account's roles;</li>
 * <li>{@code mdg_at_…}: an OAuth2 access token of an API client (an hour, from {@code POST /api/oauth2/token});</li>
 * <li>{@code mdg_key_…}: a long-lived API key of an API client, with a subset of its scopes.</li>
 * </ul>
 * A client's token or key carries the authorities {@code SCOPE_<scope>} of its scopes (only those the
 * client still holds) and {@code ROLE_<role>} of the client's roles.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "mdg_";
	static final String ACCESS_TOKEN_PREFIX = "mdg_at_";
	static final String API_KEY_PREFIX = "mdg_key_";
	static final Duration MAX_LIFETIME = Duration.ofDays(366);

	private final JdbcTemplate jdbc;
	private final StaffAccounts accounts;
	private final AccessLog accessLog;
	private static final SecureRandom RANDOM = new SecureRandom();

	ApiTokens(JdbcTemplate jdbc, StaffAccounts accounts, AccessLog accessLog) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.accessLog = accessLog;
	}

	/** Issues a personal token for a staff account; returns the token text (shown once). */
	@Transactional
	public String issue(String username, String label, Duration lifetime) {
		accounts.find(username).orElseThrow(() -> new IllegalArgumentException("no account " + username));
		Duration life = lifetime.compareTo(MAX_LIFETIME) > 0 ? MAX_LIFETIME : lifetime;
		String token;
		do {
			token = newToken(PREFIX);
		}
		while (token.startsWith(ACCESS_TOKEN_PREFIX) || token.startsWith(API_KEY_PREFIX)); // keep the kinds apart
		Instant now = Instant.now();
		jdbc.update("INSERT INTO staff_api_token (token_hash, username, label, expires_at, created_at) VALUES (?,?,?,?,?)",
				hash(token), username, label, Timestamp.from(now.plus(life)), Timestamp.from(now));
		accessLog.recordFor(username, AccessAction.TOKEN_ISSUED, label + " until " + now.plus(life), "OK");
		return token;
	}

	/**
	 * A verified bearer token: who calls, with which roles, until when.
	 *
	 * @param roles the staff account's roles, or the API client's roles
	 * @param expiresAt when the token or key stops working (null: an API key without expiry)
	 */
	record Verified(ApiCaller caller, Set<StaffRole> roles, Instant expiresAt) {

		List<GrantedAuthority> authorities() {
			List<GrantedAuthority> list = new ArrayList<>();
			if (caller.isClient()) {
				caller.scopes().stream().sorted().forEach(s -> list.add(new SimpleGrantedAuthority(s.authority())));
			}
			roles.stream().sorted().forEach(r -> list.add(new SimpleGrantedAuthority(r.authority())));
			return list;
		}

		boolean validAt(Instant now) {
			return expiresAt == null || expiresAt.isAfter(now);
		}
	}

	/** The caller a valid, unexpired token stands for. */
	Optional<Verified> verify(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		String hash = hash(token);
		long now = System.nanoTime();
		Cached cached = recent.get(hash);
		if (cached != null && now - cached.at() < CACHE_NANOS && cached.verified().validAt(Instant.now())) {
			return Optional.of(cached.verified());
		}
		Optional<Verified> verified = lookup(token, hash);
		if (verified.isPresent()) {
			if (recent.size() > 10_000) {
				recent.clear();
			}
			recent.put(hash, new Cached(verified.get(), now));
		}
		else {
			recent.remove(hash);
		}
		return verified;
	}

	/**
	 * Drops this node's cached tokens of a client, so that disabling it takes effect here at once (other
	 * nodes follow within {@link #CACHE_NANOS}).
	 */
	void forgetClient(String clientId) {
		recent.values().removeIf(c -> c.verified().caller().isClient() && c.verified().caller().id().equals(clientId));
	}

	/** Drops this node's whole cache (as if {@link #CACHE_NANOS} had passed). */
	void forgetAll() {
		recent.clear();
	}

	/**
	 * A short per-node cache of verified tokens, so that a busy linked system does not cost two queries per
	 * call; an expired, disabled or revoked token stops working on every node within {@link #CACHE_NANOS}.
	 */
	private record Cached(Verified verified, long at) {
	}

	static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(30);

	private final ConcurrentHashMap<String, Cached> recent = new ConcurrentHashMap<>();

	private Optional<Verified> lookup(String token, String hash) {
		Instant now = Instant.now();
		Optional<Verified> found = Optional.empty();
		// the prefix says where to look; a personal token never starts with the other prefixes (see issue)
		if (token.startsWith(ACCESS_TOKEN_PREFIX)) {
			found = client("SELECT c.client_id, c.roles, c.scopes AS client_scopes, t.scopes, t.expires_at "
					+ "FROM api_access_token t JOIN api_client c ON c.client_id = t.client_id "
					+ "WHERE t.token_hash = ? AND t.expires_at > ? AND c.enabled", hash, now);
		}
		else if (token.startsWith(API_KEY_PREFIX)) {
			found = client("SELECT c.client_id, c.roles, c.scopes AS client_scopes, k.scopes, k.expires_at "
					+ "FROM api_key k JOIN api_client c ON c.client_id = k.client_id "
					+ "WHERE k.key_hash = ? AND (k.expires_at IS NULL OR k.expires_at > ?) AND k.revoked_at IS NULL "
					+ "AND c.enabled", hash, now);
		}
		if (found.isPresent()) {
			jdbc.update("UPDATE api_client SET last_used_at = ? WHERE client_id = ?", Timestamp.from(now),
					found.get().caller().id());
			return found;
		}
		return staff(hash, now);
	}

	private Optional<Verified> client(String sql, String hash, Instant now) {
		return jdbc.query(sql, (rs, i) -> {
			// a token keeps only the scopes its client still holds
			Set<ApiScope> scopes = ApiScope.readStored(rs.getString("scopes"));
			scopes.retainAll(ApiScope.readStored(rs.getString("client_scopes")));
			Timestamp expires = rs.getTimestamp("expires_at");
			return new Verified(new ApiCaller(rs.getString("client_id"), ApiCaller.Kind.CLIENT, scopes),
					StaffRole.parse(rs.getString("roles")), expires == null ? null : expires.toInstant());
		}, hash, Timestamp.from(now)).stream().findFirst();
	}

	private Optional<Verified> staff(String hash, Instant now) {
		record Row(String username, Instant expiresAt) {
		}
		List<Row> rows = jdbc.query("SELECT username, expires_at FROM staff_api_token WHERE token_hash = ? AND expires_at > ?",
				(rs, i) -> new Row(rs.getString("username"), rs.getTimestamp("expires_at").toInstant()), hash,
				Timestamp.from(now));
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		return accounts.find(rows.get(0).username()).filter(StaffAccount::enabled)
			.map(a -> new Verified(new ApiCaller(a.username(), ApiCaller.Kind.STAFF, ApiScope.impliedBy(a.roles())),
					a.roles(), rows.get(0).expiresAt()));
	}

	/** A new random token: the prefix and 256 random bits. */
	static String newToken(String prefix) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
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
