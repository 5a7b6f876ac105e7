package org.madoguchi.applications;

import org.madoguchi.platform.Databases;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The pull-type feed of accepted applications for core systems (申請管理 → 基幹系). A core system reads
 * entries after a cursor and acknowledges what it has stored; reading again without a cursor resumes from
 * the acknowledgement, so nothing is lost if it fails between reading and storing (at-least-once).
 */
@Component
class AcceptedFeed {

	private final JdbcTemplate jdbc;

	/** Appends in the caller's transaction; the counter row stays locked until it commits. */
	void append(UUID applicationId, String procedureId, Instant at) {
		jdbc.update("UPDATE application_feed_counter SET last_seq = last_seq + 1 WHERE name = 'accepted'");
		Long seq = jdbc.queryForObject("SELECT last_seq FROM application_feed_counter WHERE name = 'accepted'", Long.class);
		jdbc.update("INSERT INTO application_feed (seq, application_id, procedure_id, accepted_at) VALUES (?, ?, ?, ?)",
				seq, applicationId, procedureId, ApplicationRepository.ts(at));
	}

	record Entry(long seq, UUID applicationId, String procedureId, Instant acceptedAt) {
	}

	List<Entry> after(long cursor, String procedureId, int limit) {
		return jdbc.query("SELECT seq, application_id, procedure_id, accepted_at FROM application_feed WHERE seq > ?"
				+ (procedureId != null ? " AND procedure_id = ?" : "") + " ORDER BY seq LIMIT ?",
				(rs, n) -> new Entry(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
						ApplicationRepository.instant(rs, 4)),
				procedureId != null ? new Object[] { cursor, procedureId, limit } : new Object[] { cursor, limit });
	}

	long acknowledged(String consumer) {
		return jdbc.query("SELECT acked_seq FROM application_feed_ack WHERE consumer = ?", (rs, n) -> rs.getLong(1),
				consumer).stream().findFirst().orElse(0L);
	}

	long head() {
		return jdbc.queryForObject("SELECT last_seq FROM application_feed_counter WHERE name = 'accepted'", Long.class);
	}

	/**
	 * Moves the consumer's acknowledgement forward (never back: a late duplicate ack changes nothing), in one
	 * statement that two first acknowledgements at once cannot make fail.
	 */
	void acknowledge(String consumer, long seq, Instant at) {
		jdbc.update(upsertSql, consumer, seq, ApplicationRepository.ts(at));
	}

	private final String upsertSql;

	AcceptedFeed(JdbcTemplate jdbc, javax.sql.DataSource dataSource) {
		this.jdbc = jdbc;
		this.upsertSql = Databases.isPostgres(dataSource)
				? "INSERT INTO application_feed_ack (consumer, acked_seq, acked_at) VALUES (?, ?, ?) ON CONFLICT (consumer) "
						+ "DO UPDATE SET acked_seq = EXCLUDED.acked_seq, acked_at = EXCLUDED.acked_at "
						+ "WHERE application_feed_ack.acked_seq < EXCLUDED.acked_seq"
				: "MERGE INTO application_feed_ack t USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS BIGINT), "
						+ "CAST(? AS TIMESTAMP WITH TIME ZONE))) s (consumer, acked_seq, acked_at) ON t.consumer = s.consumer "
						+ "WHEN MATCHED AND t.acked_seq < s.acked_seq THEN UPDATE SET acked_seq = s.acked_seq, acked_at = s.acked_at "
						+ "WHEN NOT MATCHED THEN INSERT (consumer, acked_seq, acked_at) VALUES (s.consumer, s.acked_seq, s.acked_at)";
	}
}
