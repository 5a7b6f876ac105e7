package org.madoguchi.assistant;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The question log ({@code assistant_turn}) and the feedback on answers ({@code assistant_feedback}). Both are
 * append-only: feedback is its own row, so an answer and its vote never contend for one row.
 */
@Repository
class QuestionLog {

	/** Days are counted in Japan's time zone: "questions per day" is the city's day. */
	static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

	private final JdbcTemplate jdbc;

	QuestionLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void record(Turn t) {
		String text = t.text().length() > 500 ? t.text().substring(0, 500) : t.text();
		String candidates = String.join(",", t.candidates());
		jdbc.update("INSERT INTO assistant_turn (id, tenant_id, channel, asked_at, asked_on, text, text_key, kind, "
				+ "entry_id, confidence, candidates, picked_from) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", t.id(), t.tenant(),
				t.channel().name(), Timestamp.from(t.askedAt()), Date.valueOf(t.askedAt().atZone(ZONE).toLocalDate()),
				text, TextKey.of(text), t.kind().name(), t.entryId(), t.confidence(),
				candidates.length() > 400 ? candidates.substring(0, 400) : candidates, t.pickedFrom());
	}

	Optional<Turn> find(String tenant, String id) {
		if (id == null || id.length() > 36) {
			return Optional.empty();
		}
		return jdbc.query("SELECT * FROM assistant_turn WHERE id = ? AND tenant_id = ?", QuestionLog::turn, id, tenant)
			.stream()
			.findFirst();
	}

	/**
	 * Records the vote on a turn's answer.
	 *
	 * @return false when the turn already has one
	 */
	boolean feedback(String tenant, String turnId, String entryId, boolean helpful, Instant at) {
		try {
			jdbc.update("INSERT INTO assistant_feedback (turn_id, tenant_id, entry_id, helpful, given_at) "
					+ "VALUES (?,?,?,?,?)", turnId, tenant, entryId, helpful, Timestamp.from(at));
			return true;
		}
		catch (DuplicateKeyException again) {
			return false;
		}
	}

	/** Deletes turns (and their feedback) asked before {@code before}; returns how many turns went. */
	int deleteBefore(Instant before) {
		jdbc.update("DELETE FROM assistant_feedback WHERE given_at < ?", Timestamp.from(before));
		return jdbc.update("DELETE FROM assistant_turn WHERE asked_at < ?", Timestamp.from(before));
	}

	private static Turn turn(ResultSet rs, int n) throws SQLException {
		String c = rs.getString("candidates");
		return new Turn(rs.getString("id"), rs.getString("tenant_id"), Channel.valueOf(rs.getString("channel")),
				rs.getTimestamp("asked_at").toInstant(), rs.getString("text"), Reply.Kind.valueOf(rs.getString("kind")),
				rs.getString("entry_id"), rs.getDouble("confidence"),
				c == null || c.isEmpty() ? List.of() : Arrays.asList(c.split(",")), rs.getString("picked_from"));
	}
}
