package org.madoguchi.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The {@code resident_account} and {@code resident_account_token} tables. */
@Repository
class AccountRepository {

	/** What a one-time token is for. */
	enum TokenPurpose {
		VERIFY_EMAIL, RESET_PASSWORD
	}

	private static final RowMapper<StoredAccount> MAPPER = AccountRepository::map;

	private final JdbcTemplate jdbc;

	AccountRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The key addresses are compared by: the same address in any case is one address. */
	static String emailKey(String email) {
		return email.toLowerCase(Locale.ROOT);
	}

	Optional<StoredAccount> find(UUID id) {
		return jdbc.query("SELECT * FROM resident_account WHERE id = ?", MAPPER, id).stream().findFirst();
	}

	Optional<StoredAccount> findByEmail(String email) {
		return jdbc.query("SELECT * FROM resident_account WHERE email_key = ?", MAPPER, emailKey(email)).stream()
			.findFirst();
	}

	boolean emailTaken(String email) {
		Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM resident_account WHERE email_key = ?", Integer.class,
				emailKey(email));
		return n != null && n > 0;
	}

	/** @param passwordHash from {@link ResidentPasswords#hash} (NFKC) */
	void insert(UUID id, String email, String passwordHash, ResidentProfile p, Instant verifiedAt, boolean demo, Instant now) {
		jdbc.update("INSERT INTO resident_account (id, email, email_key, password_hash, password_nfkc, name, kana, "
				+ "birth_date, phone, postal_code, address, building, language, email_verified_at, verification_sent_at, "
				+ "failed_attempts, demo, created_at, updated_at) VALUES (?,?,?,?,TRUE,?,?,?,?,?,?,?,?,?,?,0,?,?,?)", id, email,
				emailKey(email),
				passwordHash, p.name(), p.kana(), p.birthDate(), p.phone(), p.postalCode(), p.address(), p.building(),
				p.language(), ts(verifiedAt), ts(now), demo, ts(now), ts(now));
	}

	void updateProfile(UUID id, ResidentProfile p, Instant now) {
		jdbc.update("UPDATE resident_account SET name = ?, kana = ?, birth_date = ?, phone = ?, postal_code = ?, "
				+ "address = ?, building = ?, language = ?, updated_at = ? WHERE id = ?", p.name(), p.kana(), p.birthDate(),
				p.phone(), p.postalCode(), p.address(), p.building(), p.language(), ts(now), id);
	}

	/** Sets a new password (hashed from its NFKC form) and lifts a lockout (the resident proved who they are). */
	void updatePassword(UUID id, String passwordHash, Instant now) {
		jdbc.update("UPDATE resident_account SET password_hash = ?, password_nfkc = TRUE, failed_attempts = 0, "
				+ "locked_until = NULL, updated_at = ? WHERE id = ?", passwordHash, ts(now), id);
	}

	/** Rehashes with the current algorithm from the NFKC form; nothing else changes. */
	void upgradePasswordHash(UUID id, String passwordHash) {
		jdbc.update("UPDATE resident_account SET password_hash = ?, password_nfkc = TRUE WHERE id = ?", passwordHash, id);
	}

	void markEmailVerified(UUID id, Instant now) {
		jdbc.update("UPDATE resident_account SET email_verified_at = ?, updated_at = ? WHERE id = ? "
				+ "AND email_verified_at IS NULL", ts(now), ts(now), id);
	}

	/**
	 * Claims the right to send a verification mail: true (and the time noted) only if the address is
	 * not verified yet and none was sent since {@code notBefore}. One statement, so two clicks at once
	 * send one mail.
	 */
	boolean claimVerificationMail(UUID id, Instant now, Instant notBefore) {
		return jdbc.update("UPDATE resident_account SET verification_sent_at = ? WHERE id = ? AND email_verified_at IS NULL "
				+ "AND (verification_sent_at IS NULL OR verification_sent_at <= ?)", ts(now), id, ts(notBefore)) == 1;
	}

	/** Claims the right to send a password-reset mail: at most one since {@code notBefore}. */
	boolean claimResetMail(UUID id, Instant now, Instant notBefore) {
		return jdbc.update("UPDATE resident_account SET reset_sent_at = ? WHERE id = ? "
				+ "AND (reset_sent_at IS NULL OR reset_sent_at <= ?)", ts(now), id, ts(notBefore)) == 1;
	}

	/** Counts a failed sign-in; locks once {@code maxAttempts} is reached. Returns true if it locked now. */
	boolean recordFailure(UUID id, int maxAttempts, Instant lockUntil) {
		jdbc.update("UPDATE resident_account SET failed_attempts = failed_attempts + 1 WHERE id = ?", id);
		return jdbc.update("UPDATE resident_account SET locked_until = ?, failed_attempts = 0 WHERE id = ? "
				+ "AND failed_attempts >= ?", ts(lockUntil), id, maxAttempts) == 1;
	}

	void recordSuccess(UUID id, Instant now) {
		jdbc.update("UPDATE resident_account SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = ? "
				+ "WHERE id = ?", ts(now), id);
	}

	void link(UUID id, String atenaNumber, String by, String method, String document, Instant now) {
		jdbc.update("UPDATE resident_account SET atena_number = ?, linked_at = ?, linked_by = ?, link_method = ?, "
				+ "link_document = ?, updated_at = ? WHERE id = ?", atenaNumber, ts(now), by, method, document, ts(now), id);
	}

	void unlink(UUID id, Instant now) {
		jdbc.update("UPDATE resident_account SET atena_number = NULL, linked_at = NULL, linked_by = NULL, "
				+ "link_method = NULL, link_document = NULL, updated_at = ? WHERE id = ?", ts(now), id);
	}

	/** The account linked to this 宛名番号 (at most one: a link is refused while another account holds it). */
	Optional<StoredAccount> findLinkedTo(String atenaNumber) {
		return jdbc.query("SELECT * FROM resident_account WHERE atena_number = ?", MAPPER, atenaNumber).stream().findFirst();
	}

	/** The address of another account linked to this 宛名番号, if any. */
	Optional<String> emailLinkedTo(String atenaNumber, UUID except) {
		return jdbc.query("SELECT email FROM resident_account WHERE atena_number = ? AND id <> ?",
				(rs, i) -> rs.getString(1), atenaNumber, except).stream().findFirst();
	}

	long countDemo() {
		Long n = jdbc.queryForObject("SELECT COUNT(*) FROM resident_account WHERE demo", Long.class);
		return n == null ? 0 : n;
	}

	// ---------------------------------------------------------------- one-time tokens

	void insertToken(String tokenHash, UUID accountId, TokenPurpose purpose, Instant expiresAt, Instant now) {
		jdbc.update("INSERT INTO resident_account_token (token_hash, account_id, purpose, expires_at, created_at) "
				+ "VALUES (?,?,?,?,?)", tokenHash, accountId, purpose.name(), ts(expiresAt), ts(now));
	}

	/**
	 * Uses a token: the account it belongs to if it is unused, unexpired and for this purpose. The
	 * update that marks it used is the check, so a token works once even when two requests race.
	 */
	Optional<UUID> consumeToken(String tokenHash, TokenPurpose purpose, Instant now) {
		int used = jdbc.update("UPDATE resident_account_token SET used_at = ? WHERE token_hash = ? AND purpose = ? "
				+ "AND used_at IS NULL AND expires_at > ?", ts(now), tokenHash, purpose.name(), ts(now));
		if (used != 1) {
			return Optional.empty();
		}
		return tokenAccount(tokenHash);
	}

	/** The account a token was issued for (used or not). */
	Optional<UUID> tokenAccount(String tokenHash) {
		return jdbc.query("SELECT account_id FROM resident_account_token WHERE token_hash = ?",
				(rs, i) -> rs.getObject(1, UUID.class), tokenHash).stream().findFirst();
	}

	/** Whether a token could still be used (to show the form before using it). */
	boolean tokenUsable(String tokenHash, TokenPurpose purpose, Instant now) {
		Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM resident_account_token WHERE token_hash = ? AND purpose = ? "
				+ "AND used_at IS NULL AND expires_at > ?", Integer.class, tokenHash, purpose.name(), ts(now));
		return n != null && n > 0;
	}

	/** Voids the unused tokens of an account for a purpose (a new link replaces the old ones). */
	void voidTokens(UUID accountId, TokenPurpose purpose, Instant now) {
		jdbc.update("UPDATE resident_account_token SET used_at = ? WHERE account_id = ? AND purpose = ? "
				+ "AND used_at IS NULL", ts(now), accountId, purpose.name());
	}

	private static StoredAccount map(ResultSet rs, int row) throws SQLException {
		ResidentProfile profile = new ResidentProfile(rs.getString("name"), rs.getString("kana"),
				rs.getObject("birth_date", LocalDate.class), rs.getString("phone"), rs.getString("postal_code"),
				rs.getString("address"), rs.getString("building"), rs.getString("language"));
		return new StoredAccount(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
				rs.getBoolean("password_nfkc"), profile, instant(rs, "email_verified_at"), rs.getInt("failed_attempts"), instant(rs, "locked_until"),
				rs.getString("atena_number"), instant(rs, "linked_at"), rs.getString("linked_by"),
				rs.getString("link_method"), rs.getString("link_document"), rs.getBoolean("demo"),
				instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
