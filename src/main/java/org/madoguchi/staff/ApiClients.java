package org.madoguchi.staff;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API clients and what they are issued: the client secret (Argon2 hash kept), OAuth2 access tokens
 * (an hour) and API keys (long-lived, optional expiry). Tokens and keys are kept as SHA-256 only and
 * verified by {@link ApiTokens}. Everything lives in the database, so every node sees the same state.
 */
@Service
class ApiClients {

	/** Lower-case letters, digits, '.', '_' and '-': safe in HTTP Basic, URLs and the access log's actor column. */
	static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");
	static final int MAX_NAME = 100;
	static final int MAX_LABEL = 100;
	static final int MAX_SECRET = 200;
	static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);
	/** Live access tokens per client: a client should reuse its token for the hour, not fetch one per call. */
	static final int MAX_LIVE_TOKENS = 1000;
	static final int MAX_KEY_DAYS = 1830;
	static final String SECRET_PREFIX = "mdg_cs_";

	private static final RowMapper<ApiClient> CLIENT = (rs, i) -> new ApiClient(rs.getString("client_id"),
			rs.getString("name"), rs.getString("secret_hash"), ApiScope.readStored(rs.getString("scopes")),
			StaffRole.parse(rs.getString("roles")), rs.getBoolean("enabled"), rs.getBoolean("demo"),
			rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
			rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant());

	private static final RowMapper<ApiKey> KEY = (rs, i) -> new ApiKey(rs.getLong("id"), rs.getString("client_id"),
			rs.getString("label"), ApiScope.readStored(rs.getString("scopes")),
			rs.getTimestamp("expires_at") == null ? null : rs.getTimestamp("expires_at").toInstant(),
			rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
			rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant());

	private final JdbcTemplate jdbc;
	private final PasswordEncoder encoder;
	private final ApiTokens tokens;
	private final StaffAccounts accounts;
	private final AccessLog accessLog;
	/** Checked against when the client is unknown, so that the answer takes as long as for a wrong secret. */
	private final String dummyHash;

	ApiClients(JdbcTemplate jdbc, PasswordEncoder encoder, ApiTokens tokens, StaffAccounts accounts, AccessLog accessLog) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.tokens = tokens;
		this.accounts = accounts;
		this.accessLog = accessLog;
		this.dummyHash = encoder.encode(ApiTokens.newToken(SECRET_PREFIX));
	}

	/** A client just created, with its secret (shown once). */
	record Created(ApiClient client, String secret) {
	}

	/** An access token just issued. */
	record IssuedToken(String token, Set<ApiScope> scopes, Duration lifetime) {
	}

	// ---- clients ----

	Optional<ApiClient> find(String clientId) {
		return jdbc.query("SELECT * FROM api_client WHERE client_id = ?", CLIENT, clientId).stream().findFirst();
	}

	List<ApiClient> all() {
		return jdbc.query("SELECT * FROM api_client ORDER BY client_id LIMIT 1000", CLIENT);
	}

	long countDemo() {
		Long n = jdbc.queryForObject("SELECT COUNT(*) FROM api_client WHERE demo", Long.class);
		return n == null ? 0 : n;
	}

	/**
	 * Registers a client. {@code secret} is null except for the demo client: a secret is generated and
	 * returned (shown once).
	 *
	 * @throws InvalidInputException naming every bad field ({@code clientId}, {@code name}, {@code scopes})
	 */
	@Transactional
	Created create(String clientId, String name, Set<ApiScope> scopes, Set<StaffRole> roles, String createdBy,
			boolean demo, String secret) {
		List<FieldError> errors = new ArrayList<>();
		String id = clientId == null ? "" : clientId.strip();
		String display = name == null ? "" : name.strip();
		if (id.isEmpty()) {
			errors.add(FieldError.of("clientId", "staff.clients.error.required"));
		}
		else if (!CLIENT_ID.matcher(id).matches()) {
			errors.add(FieldError.of("clientId", "staff.clients.error.clientIdFormat"));
		}
		else if (find(id).isPresent() || accounts.find(id).isPresent()) {
			// a client and a staff account never share a name: both appear as the actor in the access log
			errors.add(FieldError.of("clientId", "staff.clients.error.clientIdTaken", id));
		}
		if (display.isEmpty()) {
			errors.add(FieldError.of("name", "staff.clients.error.required"));
		}
		else if (display.length() > MAX_NAME) {
			errors.add(FieldError.of("name", "staff.clients.error.tooLong", MAX_NAME));
		}
		if (scopes.isEmpty()) {
			errors.add(FieldError.of("scopes", "staff.clients.error.scopesRequired"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String plain = secret != null ? secret : ApiTokens.newToken(SECRET_PREFIX);
		Instant now = Instant.now();
		jdbc.update("INSERT INTO api_client (client_id, name, secret_hash, scopes, roles, enabled, demo, created_at, "
				+ "created_by) VALUES (?,?,?,?,?,TRUE,?,?,?)", id, display, encoder.encode(plain), ApiScope.format(scopes),
				roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")), demo, Timestamp.from(now),
				truncate(createdBy, 60));
		accessLog.recordFor(createdBy, AccessAction.TOKEN_ISSUED,
				"API client " + id + " created (client secret issued), scopes " + ApiScope.format(scopes) + ", roles " + roles,
				"OK");
		return new Created(find(id).orElseThrow(), plain);
	}

	/**
	 * Switches a client on or off. Its tokens and keys stop working at once on this node and within the
	 * token cache time (30 s) on the others; re-enabling brings back the unexpired ones.
	 */
	@Transactional
	boolean setEnabled(String clientId, boolean enabled, String actor) {
		boolean changed = jdbc.update("UPDATE api_client SET enabled = ? WHERE client_id = ?", enabled, clientId) == 1;
		if (changed) {
			tokens.forgetClient(clientId);
			accessLog.recordFor(actor, AccessAction.CHANGE, "API client " + clientId + (enabled ? " enabled" : " disabled"), "OK");
		}
		return changed;
	}

	/** The client whose id and secret match, if it is enabled. Constant work for unknown clients. */
	Optional<ApiClient> authenticate(String clientId, String secret) {
		if (clientId == null || secret == null || secret.length() > MAX_SECRET || !CLIENT_ID.matcher(clientId).matches()) {
			encoder.matches("x", dummyHash);
			return Optional.empty();
		}
		Optional<ApiClient> client = find(clientId);
		boolean matches = encoder.matches(secret, client.map(ApiClient::secretHash).orElse(dummyHash));
		return client.filter(c -> matches && c.enabled());
	}

	// ---- access tokens ----

	/**
	 * Issues an access token for scopes the client holds (checked by the caller).
	 *
	 * @throws IllegalStateException when the client already holds {@link #MAX_LIVE_TOKENS} live tokens
	 */
	@Transactional
	IssuedToken issueAccessToken(ApiClient client, Set<ApiScope> scopes) {
		Instant now = Instant.now();
		jdbc.update("DELETE FROM api_access_token WHERE expires_at < ?", Timestamp.from(now.minus(Duration.ofDays(1))));
		Long live = jdbc.queryForObject("SELECT COUNT(*) FROM api_access_token WHERE client_id = ? AND expires_at > ?",
				Long.class, client.clientId(), Timestamp.from(now));
		if (live != null && live >= MAX_LIVE_TOKENS) {
			throw new IllegalStateException("too many live access tokens");
		}
		String token = ApiTokens.newToken(ApiTokens.ACCESS_TOKEN_PREFIX);
		Instant expires = now.plus(ACCESS_TOKEN_LIFETIME);
		jdbc.update("INSERT INTO api_access_token (token_hash, client_id, scopes, expires_at, created_at) VALUES (?,?,?,?,?)",
				ApiTokens.hash(token), client.clientId(), ApiScope.format(scopes), Timestamp.from(expires), Timestamp.from(now));
		jdbc.update("UPDATE api_client SET last_used_at = ? WHERE client_id = ?", Timestamp.from(now), client.clientId());
		accessLog.recordFor(client.clientId(), AccessAction.TOKEN_ISSUED,
				"OAuth2 access token (client_credentials), scope " + ApiScope.format(scopes) + ", until " + expires, "OK");
		return new IssuedToken(token, scopes, ACCESS_TOKEN_LIFETIME);
	}

	// ---- API keys ----

	List<ApiKey> keys(String clientId) {
		return jdbc.query("SELECT * FROM api_key WHERE client_id = ? ORDER BY id DESC LIMIT 500", KEY, clientId);
	}

	/**
	 * Issues an API key with a subset of the client's scopes; {@code days} null for no expiry. Returns the
	 * key (shown once).
	 *
	 * @throws InvalidInputException naming the bad fields ({@code label}, {@code scopes}, {@code days})
	 */
	@Transactional
	String issueKey(String clientId, String label, Set<ApiScope> scopes, Integer days, String createdBy) {
		ApiClient client = find(clientId).orElseThrow(() -> new org.madoguchi.platform.NotFoundException("API client " + clientId));
		List<FieldError> errors = new ArrayList<>();
		String text = label == null || label.isBlank() ? "key" : label.strip();
		if (text.length() > MAX_LABEL) {
			errors.add(FieldError.of("label", "staff.clients.error.tooLong", MAX_LABEL));
		}
		if (scopes.isEmpty()) {
			errors.add(FieldError.of("scopes", "staff.clients.error.scopesRequired"));
		}
		else if (!client.scopes().containsAll(scopes)) {
			errors.add(FieldError.of("scopes", "staff.clients.error.scopesNotHeld", ApiScope.format(client.scopes())));
		}
		if (days != null && (days < 1 || days > MAX_KEY_DAYS)) {
			errors.add(FieldError.of("days", "staff.clients.error.days", MAX_KEY_DAYS));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String key = ApiTokens.newToken(ApiTokens.API_KEY_PREFIX);
		Instant now = Instant.now();
		Instant expires = days == null ? null : now.plus(Duration.ofDays(days));
		jdbc.update("INSERT INTO api_key (key_hash, client_id, label, scopes, expires_at, created_at, created_by) "
				+ "VALUES (?,?,?,?,?,?,?)", ApiTokens.hash(key), clientId, text, ApiScope.format(scopes),
				expires == null ? null : Timestamp.from(expires), Timestamp.from(now), truncate(createdBy, 60));
		accessLog.recordFor(createdBy, AccessAction.TOKEN_ISSUED, "API key \"" + text + "\" for client " + clientId
				+ ", scope " + ApiScope.format(scopes) + ", until " + (expires == null ? "revoked" : expires), "OK");
		return key;
	}

	/** Revokes a key of a client; it stops working at once here and within 30 s on other nodes. */
	@Transactional
	boolean revokeKey(String clientId, long keyId, String actor) {
		boolean changed = jdbc.update("UPDATE api_key SET revoked_at = ? WHERE id = ? AND client_id = ? AND revoked_at IS NULL",
				Timestamp.from(Instant.now()), keyId, clientId) == 1;
		if (changed) {
			tokens.forgetClient(clientId);
			accessLog.recordFor(actor, AccessAction.CHANGE, "API key " + keyId + " of client " + clientId + " revoked", "OK");
		}
		return changed;
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
