package org.madoguchi.accounts;

import java.time.Clock;
import java.time.Instant;

import org.madoguchi.accounts.AccountSecurityProperties.Limit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixed-window request counters in {@code rate_limit_counter}, shared by every node behind the load
 * balancer. A window is {@code [k × length, (k + 1) × length)} in epoch seconds, so every node agrees on
 * it without talking to the others.
 *
 * <p>The count goes up with an update, or an insert for a new window; when two nodes insert the same new
 * window at once, the loser's insert fails on the primary key and it updates instead. Each statement
 * commits on its own ({@code NOT_SUPPORTED}: a failed insert inside a PostgreSQL transaction would abort
 * it). The same three statements work on H2 and PostgreSQL.
 */
@Component
class RateLimits {

	/** Whether a request may go on; if not, when the window ends. */
	record Decision(boolean allowed, Instant retryAt) {
	}

	static final int MAX_KEY = 100;

	private final JdbcTemplate jdbc;
	private final Clock clock;
	private final AccountSecurityProperties settings;

	RateLimits(JdbcTemplate jdbc, Clock clock, AccountSecurityProperties settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	/** Counts one request of {@code action} from {@code client} and decides on it. */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	Decision hit(String action, String client, Limit limit) {
		String key = (action + ":" + client);
		key = key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
		long length = limit.window().toSeconds();
		long start = Math.floorDiv(clock.instant().getEpochSecond(), length) * length;
		if (increment(key, start) == 0) {
			try {
				jdbc.update("INSERT INTO rate_limit_counter (limit_key, window_start, hits) VALUES (?, ?, 1)", key, start);
			}
			catch (DuplicateKeyException raced) {
				increment(key, start);
			}
		}
		Integer hits = jdbc.queryForObject("SELECT hits FROM rate_limit_counter WHERE limit_key = ? AND window_start = ?",
				Integer.class, key, start);
		return new Decision(hits == null || hits <= limit.requests(), Instant.ofEpochSecond(start + length));
	}

	private int increment(String key, long start) {
		return jdbc.update("UPDATE rate_limit_counter SET hits = hits + 1 WHERE limit_key = ? AND window_start = ?", key,
				start);
	}

	/** Deletes the windows that ended: every node does it, which is harmless. */
	@Scheduled(fixedDelayString = "${madoguchi.accounts.rate-limits.cleanup-interval:PT10M}", initialDelayString = "PT1M")
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	int deleteEnded() {
		long longest = Math.max(settings.rateLimits().signIn().window().toSeconds(), Math.max(
				settings.rateLimits().registration().window().toSeconds(), settings.rateLimits().mail().window().toSeconds()));
		return jdbc.update("DELETE FROM rate_limit_counter WHERE window_start < ?",
				clock.instant().getEpochSecond() - longest);
	}
}
