package org.madoguchi.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox table ({@code notification_outbox}). Rows are written in the caller's transaction and
 * claimed, one short transaction per batch, by senders on any node.
 */
@Repository
class JdbcOutbox {

	enum Kind {
		APPLICATION_STATUS, ACCOUNT_VERIFICATION, PASSWORD_RESET
	}

	/** A mail to queue. {@code sensitive}: the body holds a one-time link, blanked once sent. */
	record NewMail(Kind kind, String reference, String recipient, String language, String subject, String body,
			boolean sensitive) {
	}

	/** A claimed row. */
	record OutboxMail(long id, Kind kind, String reference, String recipient, String language, String subject,
			String body, int attempts, Instant createdAt, String claimToken) {
	}

	/**
	 * Due rows, locked for the claim. SKIP LOCKED lets senders on several nodes take different rows
	 * instead of queueing on the same ones; PostgreSQL and H2 2.x both accept it. Exclusivity does not rest
	 * on it but on the conditional UPDATE in {@link #claim}, which both re-check after a row lock.
	 */
	private static final String DUE = "SELECT id FROM notification_outbox WHERE status = 'PENDING' "
			+ "AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?) "
			+ "ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED";

	private static final String CLAIM = "UPDATE notification_outbox SET claimed_until = ?, claim_token = ? "
			+ "WHERE id = ? AND status = 'PENDING' AND next_attempt_at <= ? "
			+ "AND (claimed_until IS NULL OR claimed_until < ?)";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate newTransaction;

	JdbcOutbox(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Queues a mail in the caller's transaction (or its own when there is none). */
	@Transactional(propagation = Propagation.REQUIRED)
	public void enqueue(NewMail m, Instant now) {
		jdbc.update("INSERT INTO notification_outbox (kind, reference, recipient, language, subject, body, sensitive, "
				+ "status, attempts, next_attempt_at, created_at) VALUES (?,?,?,?,?,?,?,'PENDING',0,?,?)",
				m.kind().name(), MailText.cut(m.reference(), 100), m.recipient(), m.language(),
				MailText.truncate(m.subject(), MailText.MAX_SUBJECT), MailText.truncate(m.body(), MailText.MAX_BODY),
				m.sensitive(), Timestamp.from(now), Timestamp.from(now));
	}

	/**
	 * Claims up to {@code max} due rows for {@code lease} and returns them. Committed before it returns,
	 * so that no lock is held while mail is sent.
	 */
	List<OutboxMail> claim(int max, Duration lease, Instant now) {
		String token = UUID.randomUUID().toString();
		Timestamp at = Timestamp.from(now);
		Timestamp until = Timestamp.from(now.plus(lease));
		return newTransaction.execute(tx -> {
			List<Long> due = jdbc.queryForList(DUE, Long.class, at, at, max);
			int claimed = 0;
			for (Long id : due) {
				claimed += jdbc.update(CLAIM, until, token, id, at, at);
			}
			if (claimed == 0) {
				return List.of();
			}
			return jdbc.query("SELECT * FROM notification_outbox WHERE claim_token = ? AND status = 'PENDING' "
					+ "ORDER BY next_attempt_at, id", JdbcOutbox::mail, token);
		});
	}

	/** Marks a claimed row sent; false when the claim was lost (it ran out and another sender took it). */
	boolean markSent(OutboxMail m, Instant now) {
		return jdbc.update("UPDATE notification_outbox SET status = 'SENT', sent_at = ?, attempts = ?, "
				+ "claimed_until = NULL, last_error = NULL, body = CASE WHEN sensitive THEN '' ELSE body END "
				+ "WHERE id = ? AND claim_token = ?",
				Timestamp.from(now), m.attempts() + 1, m.id(), m.claimToken()) == 1;
	}

	/** Records a failed attempt and when to try again. */
	void markRetry(OutboxMail m, Instant next, String error) {
		jdbc.update("UPDATE notification_outbox SET attempts = ?, next_attempt_at = ?, claimed_until = NULL, "
				+ "last_error = ? WHERE id = ? AND claim_token = ?",
				m.attempts() + 1, Timestamp.from(next), MailText.truncate(error, 1000), m.id(), m.claimToken());
	}

	/** Gives up on a row: it stays, with the last error, for support to look at. */
	void markFailed(OutboxMail m, String error) {
		jdbc.update("UPDATE notification_outbox SET status = 'FAILED', attempts = ?, claimed_until = NULL, "
				+ "last_error = ?, body = CASE WHEN sensitive THEN '' ELSE body END WHERE id = ? AND claim_token = ?",
				m.attempts() + 1, MailText.truncate(error, 1000), m.id(), m.claimToken());
	}

	/** Deletes sent and failed rows created before {@code before}. */
	int purge(Instant before) {
		return jdbc.update("DELETE FROM notification_outbox WHERE status IN ('SENT', 'FAILED') AND created_at < ?",
				Timestamp.from(before));
	}

	private static OutboxMail mail(ResultSet rs, int row) throws SQLException {
		return new OutboxMail(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("reference"),
				rs.getString("recipient"), rs.getString("language"), rs.getString("subject"), rs.getString("body"),
				rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(), rs.getString("claim_token"));
	}
}
