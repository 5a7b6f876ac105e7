package org.madoguchi.staff;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

@Repository
class StaffAccounts {

	private static final RowMapper<StaffAccount> MAPPER = (rs, i) -> new StaffAccount(rs.getString("username"),
			rs.getString("display_name"), rs.getString("password_hash"),
			Arrays.stream(rs.getString("roles").split(",")).map(String::strip).filter(s -> !s.isEmpty())
					.map(StaffRole::valueOf).collect(Collectors.toSet()),
			rs.getBoolean("enabled"), rs.getBoolean("demo"), rs.getInt("failed_attempts"),
			rs.getTimestamp("locked_until") == null ? null : rs.getTimestamp("locked_until").toInstant());

	private final JdbcTemplate jdbc;

	StaffAccounts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StaffAccount> find(String username) {
		return jdbc.query("SELECT * FROM staff_account WHERE username = ?", MAPPER, username).stream().findFirst();
	}

	List<StaffAccount> all() {
		return jdbc.query("SELECT * FROM staff_account ORDER BY username", MAPPER);
	}

	void create(String username, String displayName, String passwordHash, Set<StaffRole> roles, boolean demo) {
		jdbc.update("INSERT INTO staff_account (username, display_name, password_hash, roles, enabled, demo, "
				+ "failed_attempts, created_at) VALUES (?,?,?,?,TRUE,?,0,?)", username, displayName, passwordHash,
				roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")), demo, Timestamp.from(Instant.now()));
	}

	/** Counts a failed sign-in; locks the account once {@code maxAttempts} is reached. Returns true if now locked. */
	boolean recordFailure(String username, int maxAttempts, Instant lockUntil) {
		jdbc.update("UPDATE staff_account SET failed_attempts = failed_attempts + 1 WHERE username = ?", username);
		return jdbc.update("UPDATE staff_account SET locked_until = ?, failed_attempts = 0 WHERE username = ? "
				+ "AND failed_attempts >= ?", Timestamp.from(lockUntil), username, maxAttempts) == 1;
	}

	void recordSuccess(String username) {
		jdbc.update("UPDATE staff_account SET failed_attempts = 0, locked_until = NULL WHERE username = ?", username);
	}

	long countDemo() {
		Long n = jdbc.queryForObject("SELECT COUNT(*) FROM staff_account WHERE demo", Long.class);
		return n == null ? 0 : n;
	}
}
