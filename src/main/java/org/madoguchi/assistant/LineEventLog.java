package org.madoguchi.assistant;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The LINE webhook events already taken ({@code assistant_line_event}), by {@code webhookEventId}: LINE delivers
 * an event again when it did not get our 200 in time, possibly to another node, and a resident must not get the
 * same answer twice. The primary key decides which node takes it.
 */
@Component
class LineEventLog {

	private static final Logger log = LoggerFactory.getLogger(LineEventLog.class);

	/** LINE redelivers for a limited time; rows older than this only take space. */
	static final Duration KEPT = Duration.ofDays(7);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	LineEventLog(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records the event; {@code false} when it was recorded before (here or on another node): skip it. */
	boolean take(String webhookEventId, String tenant) {
		try {
			jdbc.update("INSERT INTO assistant_line_event (webhook_event_id, tenant_id, received_at) VALUES (?,?,?)",
					webhookEventId, tenant, Timestamp.from(clock.instant()));
			return true;
		}
		catch (DuplicateKeyException seen) {
			return false;
		}
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT15M")
	void forgetOldEvents() {
		int n = jdbc.update("DELETE FROM assistant_line_event WHERE received_at < ?",
				Timestamp.from(clock.instant().minus(KEPT)));
		if (n > 0) {
			log.info("LINE events: {} ids older than {} forgotten", n, KEPT);
		}
	}
}
