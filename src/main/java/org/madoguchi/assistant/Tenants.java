package org.madoguchi.assistant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cities served by the assistant ({@code assistant_tenant}) and their settings. Read on every chat request
 * that comes from a browser on another site (the CORS check), so the few rows are cached per node for a short
 * time; a change made on another node is seen within {@link #CACHE_MILLIS}.
 */
@Service
public class Tenants {

	/** Lower-case letters, digits and hyphens: the id appears in URLs and in the widget's script tag. */
	static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

	/** An origin as browsers send it: scheme, host and an optional port, nothing else. */
	static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9.-]+(:[0-9]{1,5})?");

	static final int MAX_ORIGINS = 50;

	static final long CACHE_MILLIS = 5_000;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private volatile Cached cache;

	private record Cached(long readAt, Map<String, Tenant> byId) {
	}

	Tenants(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The tenant, as read at most {@link #CACHE_MILLIS} ago. */
	public Optional<Tenant> find(String id) {
		if (id == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(cached().byId().get(id));
	}

	/** Every city (not the standard pseudo-tenant), by id. */
	public List<Tenant> cities() {
		return cached().byId().values().stream()
			.filter(t -> !Tenant.STANDARD.equals(t.id()))
			.sorted(java.util.Comparator.comparing(Tenant::id))
			.toList();
	}

	/** The content version of every tenant, read now (for the index refresh). */
	Map<String, Long> versions() {
		return jdbc.query("SELECT id, content_version FROM assistant_tenant", rs -> {
			Map<String, Long> m = new java.util.HashMap<>();
			while (rs.next()) {
				m.put(rs.getString(1), rs.getLong(2));
			}
			return m;
		});
	}

	/**
	 * Creates a tenant unless one with this id exists (several nodes may start at once).
	 *
	 * @return whether it was created here
	 */
	@Transactional
	public boolean createIfMissing(String id, String nameJa, String nameEn, String contactPhone, String contactUrl,
			List<String> origins) {
		List<FieldError> errors = check(id, nameJa, nameEn, contactPhone, contactUrl, origins);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (exists(id)) {
			return false;
		}
		try {
			jdbc.update("INSERT INTO assistant_tenant (id, name_ja, name_en, contact_phone, contact_url, allowed_origins, "
					+ "content_version, created_at) VALUES (?,?,?,?,?,?,1,?)", id, nameJa, nameEn, contactPhone,
					blankToNull(contactUrl), String.join("\n", origins), Timestamp.from(clock.instant()));
		}
		catch (DuplicateKeyException raced) {
			return false;
		}
		cache = null;
		return true;
	}

	/** Changes a city's names, contacts and allowed origins. */
	@Transactional
	public Tenant update(String id, String nameJa, String nameEn, String contactPhone, String contactUrl,
			List<String> origins) {
		List<FieldError> errors = check(id, nameJa, nameEn, contactPhone, contactUrl, origins);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int n = jdbc.update("UPDATE assistant_tenant SET name_ja = ?, name_en = ?, contact_phone = ?, contact_url = ?, "
				+ "allowed_origins = ? WHERE id = ?", nameJa, nameEn, contactPhone, blankToNull(contactUrl),
				String.join("\n", origins), id);
		if (n == 0) {
			throw new org.madoguchi.platform.NotFoundException("assistant tenant " + id);
		}
		cache = null;
		return find(id).orElseThrow();
	}

	/** Marks the tenant's content as changed, so that every node rebuilds its index of it. */
	void touch(String id) {
		jdbc.update("UPDATE assistant_tenant SET content_version = content_version + 1 WHERE id = ?", id);
		cache = null;
	}

	boolean exists(String id) {
		Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM assistant_tenant WHERE id = ?", Integer.class, id);
		return n != null && n > 0;
	}

	/** Splits a text area's content into origins: one per line or separated by spaces or commas. */
	public static List<String> parseOrigins(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split("[\\s,]+"))
			.filter(s -> !s.isBlank())
			.map(s -> s.strip().toLowerCase(Locale.ROOT))
			.map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
			.distinct()
			.toList();
	}

	static List<FieldError> check(String id, String nameJa, String nameEn, String contactPhone, String contactUrl,
			List<String> origins) {
		List<FieldError> errors = new ArrayList<>();
		if (id == null || !ID.matcher(id).matches()) {
			errors.add(FieldError.of("id", "assistant.tenant.error.id"));
		}
		if (nameJa == null || nameJa.isBlank() || nameJa.length() > 100) {
			errors.add(FieldError.of("nameJa", "assistant.tenant.error.name"));
		}
		if (nameEn == null || nameEn.isBlank() || nameEn.length() > 100) {
			errors.add(FieldError.of("nameEn", "assistant.tenant.error.name"));
		}
		if (contactPhone == null || !contactPhone.matches("[0-9][0-9-]{5,39}")) {
			errors.add(FieldError.of("contactPhone", "assistant.tenant.error.phone"));
		}
		if (contactUrl != null && !contactUrl.isBlank()
				&& (contactUrl.length() > 500 || !contactUrl.matches("(https?://|/)\\S+"))) {
			errors.add(FieldError.of("contactUrl", "assistant.tenant.error.url"));
		}
		if (origins.size() > MAX_ORIGINS) {
			errors.add(FieldError.of("allowedOrigins", "assistant.tenant.error.tooManyOrigins", MAX_ORIGINS));
		}
		else {
			for (String o : origins) {
				if (!ORIGIN.matcher(o).matches()) {
					errors.add(FieldError.of("allowedOrigins", "assistant.tenant.error.origin", o));
					break;
				}
			}
		}
		return errors;
	}

	private Cached cached() {
		Cached c = cache;
		long now = System.currentTimeMillis();
		if (c == null || now - c.readAt() > CACHE_MILLIS) {
			Map<String, Tenant> byId = jdbc.query("SELECT * FROM assistant_tenant", Tenants::tenant)
				.stream()
				.collect(Collectors.toUnmodifiableMap(Tenant::id, t -> t));
			c = new Cached(now, byId);
			cache = c;
		}
		return c;
	}

	private static Tenant tenant(ResultSet rs, int row) throws SQLException {
		return new Tenant(rs.getString("id"), rs.getString("name_ja"), rs.getString("name_en"),
				rs.getString("contact_phone"), rs.getString("contact_url"), parseOrigins(rs.getString("allowed_origins")),
				rs.getLong("content_version"));
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
