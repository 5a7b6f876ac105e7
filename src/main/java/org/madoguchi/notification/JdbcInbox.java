package org.madoguchi.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The portal inbox ({@code notification_inbox}). Every read is by account and message id together, so
 * that a message of another account is never found.
 */
@Repository
class JdbcInbox implements Inbox {

	/** A message in the inbox; {@code link} is a path in the portal, or null. */
	record InboxMessage(UUID id, UUID applicationId, String title, String body, String link, Instant createdAt,
			Instant readAt) {

		public boolean unread() {
			return readAt == null;
		}
	}

	private final JdbcTemplate jdbc;

	JdbcInbox(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds a message in the caller's transaction. */
	void add(UUID accountId, UUID applicationId, String title, String body, String link, Instant now) {
		jdbc.update("INSERT INTO notification_inbox (id, account_id, application_id, title, body, link, created_at) "
				+ "VALUES (?,?,?,?,?,?,?)", UUID.randomUUID(), accountId, applicationId,
				MailText.truncate(title, MailText.MAX_SUBJECT), MailText.truncate(body, MailText.MAX_BODY),
				MailText.cut(link, 500), Timestamp.from(now));
	}

	@Override
	public int unreadCount(UUID accountId) {
		if (accountId == null) {
			return 0;
		}
		Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM notification_inbox WHERE account_id = ? AND read_at IS NULL",
				Integer.class, accountId);
		return n == null ? 0 : n;
	}

	int count(UUID accountId) {
		Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM notification_inbox WHERE account_id = ?", Integer.class,
				accountId);
		return n == null ? 0 : n;
	}

	/** Newest first. */
	List<InboxMessage> page(UUID accountId, int page, int size) {
		return jdbc.query("SELECT * FROM notification_inbox WHERE account_id = ? ORDER BY created_at DESC, id "
				+ "LIMIT ? OFFSET ?", JdbcInbox::message, accountId, size, (long) page * size);
	}

	Optional<InboxMessage> find(UUID accountId, UUID id) {
		return jdbc.query("SELECT * FROM notification_inbox WHERE id = ? AND account_id = ?", JdbcInbox::message, id,
				accountId).stream().findFirst();
	}

	void markRead(UUID accountId, UUID id, Instant now) {
		jdbc.update("UPDATE notification_inbox SET read_at = ? WHERE id = ? AND account_id = ? AND read_at IS NULL",
				Timestamp.from(now), id, accountId);
	}

	private static InboxMessage message(ResultSet rs, int row) throws SQLException {
		Timestamp read = rs.getTimestamp("read_at");
		return new InboxMessage(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
				rs.getString("title"), rs.getString("body"), rs.getString("link"),
				rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
	}
}
