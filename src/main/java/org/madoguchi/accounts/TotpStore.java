package org.madoguchi.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code resident_totp} and {@code resident_recovery_code} tables. */
@Repository
class TotpStore {

	/** A stored authenticator; {@code confirmedAt} null while it is being set up. */
	record Row(byte[] secret, Instant confirmedAt, Long lastUsedStep) {
	}

	private final JdbcTemplate jdbc;

	TotpStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> find(UUID account) {
		return jdbc.query("SELECT secret, confirmed_at, last_used_step FROM resident_totp WHERE account_id = ?",
				(rs, n) -> new Row(rs.getBytes(1), rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
						rs.getObject(3) == null ? null : rs.getLong(3)),
				account).stream().findFirst();
	}

	boolean enabled(UUID account) {
		Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM resident_totp WHERE account_id = ? AND confirmed_at IS NOT NULL",
				Integer.class, account);
		return n != null && n > 0;
	}

	/** A new secret being set up; replaces one not yet confirmed. False if the account has a confirmed one. */
	boolean savePending(UUID account, byte[] encrypted, Instant now) {
		if (enabled(account)) {
			return false;
		}
		jdbc.update("DELETE FROM resident_totp WHERE account_id = ?", account);
		jdbc.update("INSERT INTO resident_totp (account_id, secret, created_at) VALUES (?, ?, ?)", account, encrypted,
				Timestamp.from(now));
		return true;
	}

	/** Confirms the secret being set up with the step of the first code (which cannot be used again). */
	boolean confirm(UUID account, long step, Instant now) {
		return jdbc.update("UPDATE resident_totp SET confirmed_at = ?, last_used_step = ? WHERE account_id = ? "
				+ "AND confirmed_at IS NULL", Timestamp.from(now), step, account) == 1;
	}

	/**
	 * Uses a step: true only if no code of this or a later step was used before. The update is the check, so
	 * one code signs in once even when two requests race.
	 */
	boolean useStep(UUID account, long step) {
		return jdbc.update("UPDATE resident_totp SET last_used_step = ? WHERE account_id = ? AND confirmed_at IS NOT NULL "
				+ "AND (last_used_step IS NULL OR last_used_step < ?)", step, account, step) == 1;
	}

	void delete(UUID account) {
		jdbc.update("DELETE FROM resident_recovery_code WHERE account_id = ?", account);
		jdbc.update("DELETE FROM resident_totp WHERE account_id = ?", account);
	}

	void replaceRecoveryCodes(UUID account, List<String> hashes) {
		jdbc.update("DELETE FROM resident_recovery_code WHERE account_id = ?", account);
		jdbc.batchUpdate("INSERT INTO resident_recovery_code (account_id, code_hash) VALUES (?, ?)",
				hashes.stream().map(h -> new Object[] { account, h }).toList());
	}

	/** Uses a recovery code: true once per code. */
	boolean useRecoveryCode(UUID account, String hash, Instant now) {
		return jdbc.update("UPDATE resident_recovery_code SET used_at = ? WHERE account_id = ? AND code_hash = ? "
				+ "AND used_at IS NULL", Timestamp.from(now), account, hash) == 1;
	}

	int unusedRecoveryCodes(UUID account) {
		Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM resident_recovery_code WHERE account_id = ? AND used_at IS NULL",
				Integer.class, account);
		return n == null ? 0 : n;
	}
}
