package org.madoguchi.applications;

import org.madoguchi.platform.Databases;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.madoguchi.platform.RuleViolationException;
import org.madoguchi.procedures.Answers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Applications and their timelines in the database. */
@Repository
class ApplicationRepository {

	private static final String COLUMNS = "id, receipt_number, procedure_id, procedure_version, status, applicant_account, "
			+ "anonymous_owner, api_client, applicant_name, applicant_email, language, answers, raw_input, current_page, "
			+ "step_index, assigned_to, atena_number, fee_yen, created_at, updated_at, submitted_at, due_at, decided_at, "
			+ "row_version";

	private final JdbcTemplate jdbc;
	private final String nextReceiptSql;

	ApplicationRepository(JdbcTemplate jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.nextReceiptSql = Databases.isPostgres(dataSource) ? "SELECT nextval('application_receipt_seq')"
				: "SELECT NEXT VALUE FOR application_receipt_seq";
	}

	void insert(Application a, String idempotencyKey, String requestHash) {
		jdbc.update("INSERT INTO application (" + COLUMNS + ", idempotency_key, request_hash) VALUES "
				+ "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", a.id(), a.receiptNumber(), a.procedureId(),
				a.procedureVersion(), a.status(), a.applicantAccount(), a.anonymousOwner(), a.apiClient(),
				a.applicantName(), a.applicantEmail(), a.language(), a.answers().toJson(), a.rawInput(), a.currentPage(),
				a.stepIndex(), a.assignedTo(), a.atenaNumber(), a.feeYen(), ts(a.createdAt()), ts(a.updatedAt()),
				ts(a.submittedAt()), ts(a.dueAt()), ts(a.decidedAt()), a.rowVersion(), idempotencyKey, requestHash);
	}

	Optional<Application> find(UUID id) {
		return jdbc.query("SELECT " + COLUMNS + " FROM application WHERE id = ?", MAPPER, id).stream().findFirst();
	}

	Optional<UUID> idOfReceipt(String receiptNumber) {
		return jdbc.query("SELECT id FROM application WHERE receipt_number = ?", (rs, n) -> rs.getObject(1, UUID.class),
				receiptNumber).stream().findFirst();
	}

	/** Reads and locks the row for the rest of the transaction. */
	Optional<Application> lock(UUID id) {
		return jdbc.query("SELECT " + COLUMNS + " FROM application WHERE id = ? FOR UPDATE", MAPPER, id)
			.stream()
			.findFirst();
	}

	record IdempotentRequest(UUID applicationId, String requestHash) {
	}

	Optional<IdempotentRequest> findByIdempotencyKey(String client, String key) {
		return jdbc
			.query("SELECT id, request_hash FROM application WHERE api_client = ? AND idempotency_key = ?",
					(rs, n) -> new IdempotentRequest(rs.getObject(1, UUID.class), rs.getString(2)), client, key)
			.stream()
			.findFirst();
	}

	/**
	 * Writes every changeable column if the row still has {@code a.rowVersion()}; returns the application
	 * with the new row version.
	 * @throws RuleViolationException when someone else changed it in between
	 */
	Application update(Application a, Instant now) {
		int n = jdbc.update("UPDATE application SET receipt_number = ?, status = ?, applicant_name = ?, "
				+ "applicant_email = ?, answers = ?, raw_input = ?, current_page = ?, step_index = ?, assigned_to = ?, "
				+ "atena_number = ?, fee_yen = ?, updated_at = ?, submitted_at = ?, due_at = ?, decided_at = ?, "
				+ "row_version = row_version + 1 WHERE id = ? AND row_version = ?", a.receiptNumber(), a.status(),
				a.applicantName(), a.applicantEmail(), a.answers().toJson(), a.rawInput(), a.currentPage(), a.stepIndex(),
				a.assignedTo(), a.atenaNumber(), a.feeYen(), ts(now), ts(a.submittedAt()), ts(a.dueAt()),
				ts(a.decidedAt()), a.id(), a.rowVersion());
		if (n == 0) {
			throw new RuleViolationException("applications.error.changedMeanwhile");
		}
		return a.stored(now);
	}

	void delete(UUID id) {
		jdbc.update("DELETE FROM application_event WHERE application_id = ?", id);
		jdbc.update("DELETE FROM application WHERE id = ?", id);
	}

	/** 受付番号: the year of submission and a number from a database sequence, e.g. {@code 2026-0001234}. */
	String nextReceiptNumber(LocalDate today) {
		Long n = jdbc.queryForObject(nextReceiptSql, Long.class);
		return today.getYear() + "-" + String.format("%07d", n);
	}

	List<Application> forAccount(UUID account, int limit) {
		return jdbc.query("SELECT " + COLUMNS + " FROM application WHERE applicant_account = ? "
				+ "ORDER BY updated_at DESC LIMIT ?", MAPPER, account, limit);
	}

	// --- timeline ---

	void append(UUID applicationId, Instant at, String actor, String actorKind, String kind, String from, String to,
			String stepId, String note, boolean internal) {
		jdbc.update("INSERT INTO application_event (application_id, seq, occurred_at, actor, actor_kind, kind, "
				+ "from_status, to_status, step_id, note, internal) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 "
				+ "FROM application_event WHERE application_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?)", applicationId,
				applicationId, ts(at), actor, actorKind, kind, from, to, stepId, note, internal);
	}

	List<TimelineEntry> timeline(UUID applicationId, boolean includeInternal) {
		return jdbc.query("SELECT seq, occurred_at, actor, actor_kind, kind, from_status, to_status, step_id, note, "
				+ "internal FROM application_event WHERE application_id = ?" + (includeInternal ? "" : " AND internal = FALSE")
				+ " ORDER BY seq", (rs, n) -> new TimelineEntry(rs.getInt(1), instant(rs, 2), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
						rs.getString(9), rs.getBoolean(10)), applicationId);
	}

	// --- queues ---

	/** One row of a staff queue: enough to list, without the answers. */
	record QueueRow(UUID id, String receiptNumber, String procedureId, String status, String applicantName,
			String assignedTo, int stepIndex, Instant submittedAt, Instant dueAt) {
	}

	/**
	 * A page of a queue, oldest submission first, after the keyset ({@code afterSubmitted}, {@code afterId}).
	 * A null procedure or status means any; with neither, only open statuses are listed.
	 */
	List<QueueRow> queue(String procedureId, String status, String assignedTo, Instant afterSubmitted, UUID afterId,
			int limit) {
		if (status != null) {
			return queueOf(procedureId, status, assignedTo, afterSubmitted, afterId, limit);
		}
		// "all open": one index range scan per open status, merged here; a single IN (...) query would have to
		// sort every open application before it could return the oldest fifty
		List<QueueRow> merged = new ArrayList<>();
		for (String s : OPEN_STATUSES) {
			merged.addAll(queueOf(procedureId, s, assignedTo, afterSubmitted, afterId, limit));
		}
		merged.sort(java.util.Comparator.comparing(QueueRow::submittedAt).thenComparing(QueueRow::id));
		return merged.size() > limit ? merged.subList(0, limit) : merged;
	}

	static final List<String> OPEN_STATUSES = List.of("SUBMITTED", "IN_REVIEW", "INFO_REQUESTED");

	private List<QueueRow> queueOf(String procedureId, String status, String assignedTo, Instant afterSubmitted,
			UUID afterId, int limit) {
		StringBuilder sql = new StringBuilder("SELECT id, receipt_number, procedure_id, status, applicant_name, "
				+ "assigned_to, step_index, submitted_at, due_at FROM application WHERE status = ?");
		List<Object> args = new ArrayList<>();
		args.add(status);
		if (procedureId != null) {
			sql.append(" AND procedure_id = ?");
			args.add(procedureId);
		}
		if (assignedTo != null) {
			sql.append(" AND assigned_to = ?");
			args.add(assignedTo);
		}
		if (afterSubmitted != null && afterId != null) {
			sql.append(" AND (submitted_at > ? OR (submitted_at = ? AND id > ?))");
			args.add(ts(afterSubmitted));
			args.add(ts(afterSubmitted));
			args.add(afterId);
		}
		sql.append(" ORDER BY submitted_at, id LIMIT ?");
		args.add(limit);
		return jdbc.query(sql.toString(), (rs, n) -> new QueueRow(rs.getObject(1, UUID.class), rs.getString(2),
				rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), instant(rs, 8),
				instant(rs, 9)), args.toArray());
	}

	record QueueCount(String procedureId, String status, long count, long overdue) {
	}

	List<QueueCount> openCounts(Instant now) {
		return jdbc.query("SELECT procedure_id, status, COUNT(*), "
				+ "SUM(CASE WHEN due_at < ? THEN 1 ELSE 0 END) FROM application "
				+ "WHERE status IN ('SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED') GROUP BY procedure_id, status",
				(rs, n) -> new QueueCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), ts(now));
	}

	/** Submitted (not draft) applications of a procedure, oldest first, for the CSV export. */
	List<Application> submittedOf(String procedureId, String status, int limit, int offset) {
		return jdbc.query("SELECT " + COLUMNS + " FROM application WHERE procedure_id = ? AND status <> 'DRAFT'"
				+ (status != null ? " AND status = ?" : "") + " ORDER BY submitted_at, id LIMIT ? OFFSET ?", MAPPER,
				status != null ? new Object[] { procedureId, status, limit, offset }
						: new Object[] { procedureId, limit, offset });
	}

	private static final RowMapper<Application> MAPPER = (rs, n) -> new Application(rs.getObject("id", UUID.class),
			rs.getString("receipt_number"), rs.getString("procedure_id"), rs.getInt("procedure_version"),
			rs.getString("status"), rs.getObject("applicant_account", UUID.class), rs.getString("anonymous_owner"),
			rs.getString("api_client"), rs.getString("applicant_name"), rs.getString("applicant_email"),
			rs.getString("language"), Answers.fromJson(rs.getString("answers")), rs.getString("raw_input"),
			rs.getString("current_page"), rs.getInt("step_index"), rs.getString("assigned_to"),
			rs.getString("atena_number"), (Integer) rs.getObject("fee_yen"), instant(rs, "created_at"),
			instant(rs, "updated_at"), instant(rs, "submitted_at"), instant(rs, "due_at"), instant(rs, "decided_at"),
			rs.getInt("row_version"));

	static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

	static Instant instant(ResultSet rs, String col) throws SQLException {
		Timestamp t = rs.getTimestamp(col);
		return t == null ? null : t.toInstant();
	}

	static Instant instant(ResultSet rs, int col) throws SQLException {
		Timestamp t = rs.getTimestamp(col);
		return t == null ? null : t.toInstant();
	}

}
