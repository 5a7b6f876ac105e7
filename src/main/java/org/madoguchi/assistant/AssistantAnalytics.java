package org.madoguchi.assistant;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Figures for staff from the question log (質問ログの分析): questions per day and how they were answered, per
 * channel, the entries answered most with their votes, the questions not answered, and the helpful ratio of each
 * Q&amp;A. Every query reads one tenant and one date range ({@code asked_on}, Japan's day) through the log's
 * indexes, and aggregates in the database, so a long log is never read row by row.
 *
 * <p>What counts as a question: a turn that is not a pick ({@code picked_from} is null). A pick is the
 * resident choosing among the candidates of an earlier turn, so it makes that earlier CANDIDATES question
 * "answered (picked)" instead of being a question of its own. Rates are over answered + unsure + unanswered;
 * small talk is counted but left out of them (empty and too long messages are never logged).
 */
@Service
class AssistantAnalytics {

	/** The longest date range a report covers, in days. */
	static final int MAX_DAYS = 366;

	/** Rows in a list on a page (the CSV export has {@link #MAX_CSV_ROWS}). */
	static final int PAGE_ROWS = 50;

	static final int MAX_CSV_ROWS = 10_000;

	/**
	 * The turns picked from, joined as {@code p} to the turns {@code t} of the range: a pick comes after the turn
	 * it picks from, in the same tenant, so the picks from {@code from} on are all there can be. One join reads
	 * them once (through the index on picked_from); a correlated EXISTS per turn cost twice as much on a large log.
	 */
	private static final String PICKS = " LEFT JOIN (SELECT DISTINCT picked_from FROM assistant_turn WHERE tenant_id = ? "
			+ "AND asked_on >= ? AND picked_from IS NOT NULL) p ON p.picked_from = t.id ";

	/** Turns that show a question the assistant could not answer well (the unanswered log). */
	private static final String UNANSWERED = "(t.kind = 'NONE' OR (t.kind = 'CANDIDATES' AND p.picked_from IS NULL) "
			+ "OR (t.kind = 'ANSWER' AND f.helpful = FALSE))";

	private final JdbcTemplate jdbc;

	private final QuestionLog log;

	AssistantAnalytics(JdbcTemplate jdbc, QuestionLog log) {
		this.jdbc = jdbc;
		this.log = log;
	}

	/** How a question ended, for the rates. */
	enum Outcome {
		/** answered directly, or a candidate was picked */
		ANSWERED,
		/** candidates were offered and none was picked */
		UNSURE,
		/** nothing fitted */
		UNANSWERED,
		/** greetings and thanks: counted, but not in the rates */
		SMALLTALK
	}

	/** The questions of one day by outcome. */
	record Day(LocalDate day, Map<Outcome, Long> counts) {

		public long count(Outcome o) {
			return counts.getOrDefault(o, 0L);
		}

		public long questions() {
			return counts.values().stream().mapToLong(Long::longValue).sum();
		}

		/** Questions that count in the rates (all but small talk). */
		public long rated() {
			return questions() - count(Outcome.SMALLTALK);
		}

		/** The share of rated questions with this outcome, 0–1 ({@code null} without rated questions). */
		public Double rate(Outcome o) {
			long r = rated();
			return r == 0 ? null : (double) count(o) / r;
		}

		// for the page templates, which cannot name an enum constant

		public long answered() {
			return count(Outcome.ANSWERED);
		}

		public long unsure() {
			return count(Outcome.UNSURE);
		}

		public long unanswered() {
			return count(Outcome.UNANSWERED);
		}

		public long smalltalk() {
			return count(Outcome.SMALLTALK);
		}

		public Double answeredRate() {
			return rate(Outcome.ANSWERED);
		}

		public Double unsureRate() {
			return rate(Outcome.UNSURE);
		}

		public Double unansweredRate() {
			return rate(Outcome.UNANSWERED);
		}
	}

	/** One Q&amp;A's answers in the range and the votes on them. */
	record EntryFigures(String entryId, long answered, long helpful, long unhelpful) {

		public long votes() {
			return helpful + unhelpful;
		}

		/** helpful / votes, 0–1 ({@code null} without votes). */
		public Double helpfulRatio() {
			return votes() == 0 ? null : (double) helpful / votes();
		}
	}

	/**
	 * One question residents asked that was not answered well, by its {@link TextKey}.
	 *
	 * @param sample one of the texts as typed
	 * @param none how often nothing fitted; {@code unsure}: candidates, none picked; {@code unhelpful}: answered
	 *     but voted unhelpful
	 * @param channels how often on each channel
	 * @param resolvedAt when staff last dealt with it ({@code null}: never), with {@code action}
	 */
	record Unanswered(String textKey, String sample, long count, Instant lastAskedAt, long none, long unsure,
			long unhelpful, Map<Channel, Long> channels, Instant resolvedAt, String action, String resolvedEntry) {

		/** Whether staff dealt with it after it was last asked. */
		/** When it was last asked, on Japan's clock. */
		public java.time.LocalDateTime lastAskedLocal() {
			return lastAskedAt.atZone(QuestionLog.ZONE).toLocalDateTime();
		}

		public boolean resolved() {
			return resolvedAt != null && !resolvedAt.isBefore(lastAskedAt);
		}
	}

	/** How to order the helpful-ratio list. */
	enum RatioOrder {
		/** lowest helpful ratio first (what to fix) */
		WORST,
		/** highest first */
		BEST,
		/** most votes first */
		VOTES
	}

	/** Questions per day from {@code from} to {@code to} (both included), every day listed, by outcome. */
	List<Day> daily(String tenant, LocalDate from, LocalDate to) {
		log.flush(); // this node's latest questions, still queued
		Map<LocalDate, Map<Outcome, Long>> byDay = new LinkedHashMap<>();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			byDay.put(d, new EnumMap<>(Outcome.class));
		}
		jdbc.query("SELECT asked_on, kind, picked, COUNT(*) AS n FROM (SELECT t.asked_on, t.kind, CASE WHEN t.kind = "
				+ "'CANDIDATES' AND p.picked_from IS NOT NULL THEN 1 ELSE 0 END AS picked FROM assistant_turn t" + PICKS
				+ "WHERE t.tenant_id = ? AND t.asked_on BETWEEN ? AND ? AND t.picked_from IS NULL) x "
				+ "GROUP BY asked_on, kind, picked", rs -> {
					Outcome o = outcome(rs.getString("kind"), rs.getInt("picked") == 1);
					Map<Outcome, Long> m = byDay.get(rs.getDate("asked_on").toLocalDate());
					if (o != null && m != null) {
						m.merge(o, rs.getLong("n"), Long::sum);
					}
				}, tenant, Date.valueOf(from), tenant, Date.valueOf(from), Date.valueOf(to));
		return byDay.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
	}

	/** The days added up. */
	static Day total(List<Day> days, LocalDate from) {
		Map<Outcome, Long> sum = new EnumMap<>(Outcome.class);
		days.forEach(d -> d.counts().forEach((o, n) -> sum.merge(o, n, Long::sum)));
		return new Day(from, sum);
	}

	/** Questions per channel (every channel listed). */
	Map<Channel, Long> channels(String tenant, LocalDate from, LocalDate to) {
		log.flush(); // this node's latest questions, still queued
		Map<Channel, Long> m = new EnumMap<>(Channel.class);
		for (Channel c : Channel.values()) {
			m.put(c, 0L);
		}
		jdbc.query("SELECT channel, COUNT(*) FROM assistant_turn WHERE tenant_id = ? AND asked_on BETWEEN ? AND ? "
				+ "AND picked_from IS NULL GROUP BY channel", rs -> {
					m.put(Channel.valueOf(rs.getString(1)), rs.getLong(2));
				}, tenant, Date.valueOf(from), Date.valueOf(to));
		return m;
	}

	/** The entries answered most (direct answers and picks), with the votes on those answers. */
	List<EntryFigures> topEntries(String tenant, LocalDate from, LocalDate to, int limit) {
		log.flush(); // this node's latest questions, still queued
		return jdbc.query("SELECT t.entry_id, COUNT(*) AS answered, "
				+ "SUM(CASE WHEN f.helpful = TRUE THEN 1 ELSE 0 END) AS helpful, "
				+ "SUM(CASE WHEN f.helpful = FALSE THEN 1 ELSE 0 END) AS unhelpful "
				+ "FROM assistant_turn t LEFT JOIN assistant_feedback f ON f.turn_id = t.id "
				+ "WHERE t.tenant_id = ? AND t.kind = 'ANSWER' AND t.asked_on BETWEEN ? AND ? AND t.entry_id IS NOT NULL "
				+ "GROUP BY t.entry_id ORDER BY answered DESC, t.entry_id LIMIT ?", AssistantAnalytics::figures, tenant,
				Date.valueOf(from), Date.valueOf(to), rows(limit));
	}

	/** The entries with at least one vote on an answer given in the range, ordered by {@code order}. */
	List<EntryFigures> helpfulRatios(String tenant, LocalDate from, LocalDate to, RatioOrder order, int limit) {
		log.flush(); // this node's latest questions, still queued
		List<EntryFigures> all = jdbc.query("SELECT t.entry_id, COUNT(*) AS answered, "
				+ "SUM(CASE WHEN f.helpful = TRUE THEN 1 ELSE 0 END) AS helpful, "
				+ "SUM(CASE WHEN f.helpful = FALSE THEN 1 ELSE 0 END) AS unhelpful "
				+ "FROM assistant_turn t JOIN assistant_feedback f ON f.turn_id = t.id "
				+ "WHERE t.tenant_id = ? AND t.kind = 'ANSWER' AND t.asked_on BETWEEN ? AND ? GROUP BY t.entry_id",
				AssistantAnalytics::figures, tenant, Date.valueOf(from), Date.valueOf(to));
		// a tenant has at most a few thousand entries: ordering by a ratio is simplest here, the same on every database
		Comparator<EntryFigures> byRatio = Comparator.comparing(EntryFigures::helpfulRatio);
		Comparator<EntryFigures> c = switch (order) {
			case WORST -> byRatio.thenComparing(EntryFigures::votes, Comparator.reverseOrder());
			case BEST -> byRatio.reversed().thenComparing(EntryFigures::votes, Comparator.reverseOrder());
			case VOTES -> Comparator.comparing(EntryFigures::votes).reversed().thenComparing(byRatio);
		};
		return all.stream().sorted(c.thenComparing(EntryFigures::entryId)).limit(rows(limit)).toList();
	}

	/**
	 * The questions not answered well, grouped by their {@link TextKey}, most asked first: nothing fitted,
	 * candidates offered but none picked, or an answer voted unhelpful.
	 *
	 * @param withResolved also those staff dealt with after they were last asked
	 */
	List<Unanswered> unanswered(String tenant, LocalDate from, LocalDate to, boolean withResolved, int limit) {
		log.flush(); // this node's latest questions, still queued
		return jdbc.query("SELECT t.text_key, MAX(t.text) AS sample, COUNT(*) AS n, MAX(t.asked_at) AS last_at, "
				+ "SUM(CASE WHEN t.kind = 'NONE' THEN 1 ELSE 0 END) AS n_none, "
				+ "SUM(CASE WHEN t.kind = 'CANDIDATES' THEN 1 ELSE 0 END) AS n_unsure, "
				+ "SUM(CASE WHEN t.kind = 'ANSWER' THEN 1 ELSE 0 END) AS n_unhelpful, "
				+ "SUM(CASE WHEN t.channel = 'WIDGET' THEN 1 ELSE 0 END) AS c_widget, "
				+ "SUM(CASE WHEN t.channel = 'PAGE' THEN 1 ELSE 0 END) AS c_page, "
				+ "SUM(CASE WHEN t.channel = 'LINE' THEN 1 ELSE 0 END) AS c_line, "
				+ "SUM(CASE WHEN t.channel = 'API' THEN 1 ELSE 0 END) AS c_api, "
				+ "MAX(r.resolved_at) AS resolved_at, MAX(r.action) AS action, MAX(r.entry_id) AS resolved_entry "
				+ "FROM assistant_turn t LEFT JOIN assistant_feedback f ON f.turn_id = t.id" + PICKS
				+ "LEFT JOIN assistant_resolution r ON r.tenant_id = t.tenant_id AND r.text_key = t.text_key "
				+ "WHERE t.tenant_id = ? AND t.asked_on BETWEEN ? AND ? AND t.text_key <> '' AND " + UNANSWERED
				+ " GROUP BY t.text_key "
				+ "HAVING (? OR MAX(r.resolved_at) IS NULL OR MAX(r.resolved_at) < MAX(t.asked_at)) "
				+ "ORDER BY n DESC, last_at DESC, t.text_key LIMIT ?", AssistantAnalytics::unanswered, tenant,
				Date.valueOf(from), tenant, Date.valueOf(from), Date.valueOf(to), withResolved, rows(limit));
	}

	/**
	 * Phrasings of standard entries that residents of other cities taught the engine, with {@code status}: they
	 * answer this city's residents too once approved, but only the standard set's administrators decide on them.
	 */
	List<Phrasings.Phrasing> sharedFromOtherCities(String tenant, Phrasings.Status status, int limit) {
		return jdbc.query("SELECT * FROM assistant_phrasing WHERE entry_tenant = ? AND learned_in <> ? AND status = ? "
				+ "ORDER BY created_at DESC, id DESC LIMIT ?", (rs, n) -> new Phrasings.Phrasing(rs.getLong("id"),
						rs.getString("entry_tenant"), rs.getString("entry_id"), rs.getString("phrasing"),
						rs.getString("learned_in"), Phrasings.Source.valueOf(rs.getString("source")),
						rs.getInt("confirmations"), Phrasings.Status.valueOf(rs.getString("status")),
						rs.getTimestamp("created_at").toInstant()),
				Tenant.STANDARD, tenant, status.name(), rows(limit));
	}

	/**
	 * The owner of a phrasing's entry, when staff of {@code tenant} may decide on it (the same rule as
	 * {@link Phrasings#list}: the tenant's own entries, or learned in the tenant); {@code null} otherwise.
	 */
	String phrasingOwner(String tenant, long id) {
		List<String> owner = jdbc.queryForList("SELECT entry_tenant FROM assistant_phrasing WHERE id = ? "
				+ "AND (entry_tenant = ? OR learned_in = ?)", String.class, id, tenant, tenant);
		return owner.isEmpty() ? null : owner.get(0);
	}

	private static Outcome outcome(String kind, boolean picked) {
		return switch (kind) {
			case "ANSWER" -> Outcome.ANSWERED;
			case "CANDIDATES" -> picked ? Outcome.ANSWERED : Outcome.UNSURE;
			case "NONE" -> Outcome.UNANSWERED;
			case "SMALLTALK" -> Outcome.SMALLTALK;
			default -> null;
		};
	}

	private static int rows(int limit) {
		return Math.min(Math.max(limit, 1), MAX_CSV_ROWS);
	}

	private static EntryFigures figures(ResultSet rs, int n) throws SQLException {
		return new EntryFigures(rs.getString("entry_id"), rs.getLong("answered"), rs.getLong("helpful"),
				rs.getLong("unhelpful"));
	}

	private static Unanswered unanswered(ResultSet rs, int n) throws SQLException {
		Map<Channel, Long> channels = new EnumMap<>(Channel.class);
		channels.put(Channel.WIDGET, rs.getLong("c_widget"));
		channels.put(Channel.PAGE, rs.getLong("c_page"));
		channels.put(Channel.LINE, rs.getLong("c_line"));
		channels.put(Channel.API, rs.getLong("c_api"));
		channels.values().removeIf(v -> v == 0);
		Timestamp resolved = rs.getTimestamp("resolved_at");
		return new Unanswered(rs.getString("text_key"), rs.getString("sample"), rs.getLong("n"),
				rs.getTimestamp("last_at").toInstant(), rs.getLong("n_none"), rs.getLong("n_unsure"),
				rs.getLong("n_unhelpful"), channels, resolved == null ? null : resolved.toInstant(),
				rs.getString("action"), rs.getString("resolved_entry"));
	}
}
