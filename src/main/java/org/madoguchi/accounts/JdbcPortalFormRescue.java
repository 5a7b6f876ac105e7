package org.madoguchi.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rescued forms in the database, so that any node can give them back. */
@Component
class JdbcPortalFormRescue implements PortalFormRescue {

	/** Pages whose forms are rescued: the pages of an application form. */
	static final Pattern RESCUED_PATHS = Pattern.compile("/portal/drafts/[0-9a-f-]{36}/pages/[A-Za-z0-9]{1,40}");
	static final Duration KEPT = Duration.ofDays(1);
	static final int MAX_CHARS = 200_000;
	static final int MAX_KEPT = 10_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;
	private final Clock clock;

	JdbcPortalFormRescue(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Keeps the form and returns the token, or empty when the form is too big or not from a rescued page. */
	@Transactional
	Optional<String> keep(String path, Map<String, String[]> parameters) {
		if (!RESCUED_PATHS.matcher(path).matches()) {
			return Optional.empty();
		}
		Map<String, List<String>> kept = new LinkedHashMap<>();
		parameters.forEach((name, values) -> {
			if (!name.equals("_csrf") && !name.equals("action") && !name.equals("removeAttachment")) {
				kept.put(name, List.of(values));
			}
		});
		String json = JSON.writeValueAsString(kept);
		if (json.length() > MAX_CHARS) {
			return Optional.empty();
		}
		Integer recent = jdbc.queryForObject("SELECT COUNT(*) FROM portal_form_rescue WHERE created_at > ?", Integer.class,
				Timestamp.from(clock.instant().minus(KEPT)));
		if (recent != null && recent >= MAX_KEPT) {
			return Optional.empty(); // a flood of expired forms: no more are kept today
		}
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		jdbc.update("DELETE FROM portal_form_rescue WHERE created_at < ?", Timestamp.from(now.minus(KEPT)));
		jdbc.update("INSERT INTO portal_form_rescue (token_hash, path, parameters, created_at) VALUES (?, ?, ?, ?)",
				hash(token), path, json, Timestamp.from(now));
		return Optional.of(token);
	}

	/** The page a token brings the resident back to. */
	Optional<String> pathOf(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{32}")) {
			return Optional.empty();
		}
		return jdbc.query("SELECT path FROM portal_form_rescue WHERE token_hash = ? AND created_at > ?",
				(rs, n) -> rs.getString(1), hash(token), Timestamp.from(clock.instant().minus(KEPT)))
			.stream()
			.findFirst();
	}

	@Override
	@Transactional
	public Optional<Map<String, String[]>> take(jakarta.servlet.http.HttpServletRequest request) {
		String token = request.getParameter("rescue");
		String cookie = null;
		if (request.getCookies() != null) {
			for (jakarta.servlet.http.Cookie c : request.getCookies()) {
				if (COOKIE.equals(c.getName())) {
					cookie = c.getValue();
				}
			}
		}
		if (token == null || !token.equals(cookie)) {
			return Optional.empty();
		}
		return take(token, request.getRequestURI());
	}

	Optional<Map<String, String[]>> take(String token, String path) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{32}")) {
			return Optional.empty();
		}
		var rows = jdbc.query("SELECT path, parameters, created_at FROM portal_form_rescue WHERE token_hash = ?",
				(rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant() }, hash(token));
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Object[] row = rows.get(0);
		if (!path.equals(row[0]) || ((Instant) row[2]).isBefore(clock.instant().minus(KEPT))) {
			return Optional.empty();
		}
		// one use: whoever deletes the row gets the form
		if (jdbc.update("DELETE FROM portal_form_rescue WHERE token_hash = ?", hash(token)) == 0) {
			return Optional.empty();
		}
		Map<String, List<String>> kept = JSON.readValue((String) row[1], new TypeReference<LinkedHashMap<String, List<String>>>() {
		});
		Map<String, String[]> parameters = new LinkedHashMap<>();
		kept.forEach((k, v) -> parameters.put(k, v.toArray(String[]::new)));
		return Optional.of(parameters);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
