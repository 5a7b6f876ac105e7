package org.madoguchi.assistant;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Unanswered questions staff have dealt with ({@code assistant_resolution}), by the question's {@link TextKey}: made
 * into a new Q&amp;A, added as a phrasing of an existing one, or dismissed. A resolved question leaves the
 * "unanswered" list; if residents keep asking it, it shows in the analytics again as a new day's questions.
 */
@Repository
class Resolutions {

	enum Action {
		NEW_ENTRY, PHRASING, DISMISSED
	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Resolutions(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Marks the question as dealt with (the latest action wins). */
	void resolve(String tenant, String text, Action action, String entryId, String actor) {
		String key = TextKey.of(text);
		if (key.isEmpty()) {
			return;
		}
		Timestamp now = Timestamp.from(clock.instant());
		int n = jdbc.update("UPDATE assistant_resolution SET action = ?, entry_id = ?, resolved_at = ?, resolved_by = ? "
				+ "WHERE tenant_id = ? AND text_key = ?", action.name(), entryId, now, actor, tenant, key);
		if (n == 0) {
			try {
				jdbc.update("INSERT INTO assistant_resolution (tenant_id, text_key, action, entry_id, resolved_at, "
						+ "resolved_by) VALUES (?,?,?,?,?,?)", tenant, key, action.name(), entryId, now, actor);
			}
			catch (org.springframework.dao.DuplicateKeyException raced) {
				// resolved at the same moment by someone else: theirs stands
			}
		}
	}
}
