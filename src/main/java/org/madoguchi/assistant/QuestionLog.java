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
 *
 * <p>Turns are written in batches, every {@link #FLUSH_MILLIS} ms, by one background thread: at thousands of
 * questions a second a round trip per question would cost more than the answer itself. Until then a turn is found
 * in memory on the node that answered it ({@link #find}); a vote a resident clicks arrives long after. Readers of the
 * table on this node call {@link #flush()} first. On shutdown the rest is written; a crash loses at most the last
 * fraction of a second of the log (never an answer). When the queue is full a turn is written at once.
 */
@Repository
class QuestionLog implements org.springframework.beans.factory.DisposableBean {

	static final long FLUSH_MILLIS = 50;

	static final int QUEUE = 20_000;

	static final int BATCH = 1_000;

	private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(QuestionLog.class);

	private final java.util.concurrent.BlockingQueue<Turn> queue = new java.util.concurrent.ArrayBlockingQueue<>(QUEUE);

	/** Queued turns by id, until written. */
	private final java.util.Map<String, Turn> unwritten = new java.util.concurrent.ConcurrentHashMap<>();

	private final java.util.concurrent.ScheduledExecutorService writer = java.util.concurrent.Executors
		.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "assistant-question-log");
			t.setDaemon(true);
			return t;
		});

	/** Days are counted in Japan's time zone: "questions per day" is the city's day. */
	static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

	private final JdbcTemplate jdbc;

	QuestionLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		writer.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS,
				java.util.concurrent.TimeUnit.MILLISECONDS);
	}

	/** Queues the turn for the next batch (or writes it now when the queue is full). */
	void record(Turn t) {
		unwritten.put(t.id(), t);
		if (!queue.offer(t)) {
			insert(List.of(t));
			unwritten.remove(t.id());
		}
	}

	/** Writes every queued turn now (before reading the table on this node). */
	synchronized void flush() {
		List<Turn> batch = new java.util.ArrayList<>(BATCH);
		while (queue.drainTo(batch, BATCH) > 0) {
			insert(batch);
			batch.forEach(t -> unwritten.remove(t.id()));
			batch.clear();
		}
	}

	private void flushQuietly() {
		try {
			flush();
		}
		catch (RuntimeException e) {
			// the batch is lost from the log (the residents had their answers); the next batch tries again
			logger.error("Could not write questions to the assistant's question log", e);
		}
	}

	@Override
	public void destroy() {
		writer.shutdown();
		flushQuietly();
	}

	private void insert(List<Turn> turns) {
		jdbc.batchUpdate("INSERT INTO assistant_turn (id, tenant_id, channel, asked_at, asked_on, text, text_key, kind, "
				+ "entry_id, confidence, candidates, picked_from) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", turns, turns.size(),
				(ps, t) -> {
					String text = t.text().length() > 500 ? t.text().substring(0, 500) : t.text();
					String candidates = String.join(",", t.candidates());
					ps.setString(1, t.id());
					ps.setString(2, t.tenant());
					ps.setString(3, t.channel().name());
					ps.setTimestamp(4, Timestamp.from(t.askedAt()));
					ps.setDate(5, Date.valueOf(t.askedAt().atZone(ZONE).toLocalDate()));
					ps.setString(6, text);
					ps.setString(7, TextKey.of(text));
					ps.setString(8, t.kind().name());
					ps.setString(9, t.entryId());
					ps.setDouble(10, t.confidence());
					ps.setString(11, candidates.length() > 400 ? candidates.substring(0, 400) : candidates);
					ps.setString(12, t.pickedFrom());
				});
	}

	Optional<Turn> find(String tenant, String id) {
		if (id == null || id.length() > 36) {
			return Optional.empty();
		}
		Turn queued = unwritten.get(id);
		if (queued != null) {
			return queued.tenant().equals(tenant) ? Optional.of(queued) : Optional.empty();
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
		flush();
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
