package org.madoguchi.audit;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes access-log entries in the caller's transaction: a read that cannot be logged fails, and a
 * change and its log entry commit together. Refusals and sign-in events are written in their own
 * transaction so that they survive the rollback of the refused work. Each row is also appended to the
 * transparency log (透明性ログ) in the same transaction, as a commitment that shows nothing of the row.
 */
@Service
class JdbcAccessLog implements AccessLog {

	private static final String INSERT = "INSERT INTO access_log (occurred_at, actor, actor_roles, action, subject, "
			+ "purpose, detail, outcome, client_address) VALUES (?,?,?,?,?,?,?,?,?)";

	private final JdbcTemplate jdbc;

	private final AccessLogLedgerSource ledger;

	JdbcAccessLog(JdbcTemplate jdbc, AccessLogLedgerSource ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AccessAction action, String subject, String detail) {
		insert(currentActor(), currentRoles(), action, subject, detail, "OK");
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordDenied(AccessAction attempted, String subject, String reason) {
		insert(currentActor(), currentRoles(), attempted, subject, reason, "DENIED");
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFor(String actor, AccessAction action, String detail, String outcome) {
		insert(actor, null, action, null, detail, outcome);
	}

	/** Writes the row and its transparency-log entry; every caller runs in a transaction, so both commit together. */
	private void insert(String actor, String roles, AccessAction action, String subject, String detail, String outcome) {
		HttpServletRequest request = currentRequest();
		// microseconds: what both databases store, so that ledger verify recomputes the same commitment
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Object[] values = { Timestamp.from(at), truncate(actor, 60), truncate(roles, 200), action.name(),
				truncate(subject, 4000), request == null ? "BATCH" : truncate(AccessPurpose.of(request), 200),
				truncate(detail, 1000), outcome, request == null ? null : truncate(request.getRemoteAddr(), 64) };
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(con -> {
			PreparedStatement ps = con.prepareStatement(INSERT, new String[] { "id" });
			for (int i = 0; i < values.length; i++) {
				ps.setObject(i + 1, values[i]);
			}
			return ps;
		}, key);
		long id = key.getKey().longValue();
		ledger.append(new AccessLogLedgerSource.Row(id, at, (String) values[1], (String) values[2], (String) values[3],
				(String) values[4], (String) values[5], (String) values[6], outcome, (String) values[8]));
	}

	@Override
	public List<Entry> find(Query q) {
		List<Object> args = new ArrayList<>();
		String where = where(q, args);
		args.add(Math.max(1, Math.min(q.limit(), 500)));
		args.add(Math.max(0, q.offset()));
		return jdbc.query("SELECT * FROM access_log" + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
				(rs, i) -> new Entry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
						rs.getString("actor_roles"), AccessAction.valueOf(rs.getString("action")), rs.getString("subject"),
						rs.getString("purpose"), rs.getString("detail"), rs.getString("outcome"),
						rs.getString("client_address")),
				args.toArray());
	}

	@Override
	public List<Alert> alerts(Instant since, int massThreshold) {
		String reads = "('SEARCH','READ_PERSON','READ_HISTORY','READ_HOUSEHOLD','REVEAL_MY_NUMBER','EXPORT')";
		List<Alert> out = new ArrayList<>();
		out.addAll(jdbc.query("SELECT actor, DATE_TRUNC('hour', occurred_at) AS h, COUNT(*) AS n FROM access_log "
				+ "WHERE occurred_at >= ? AND action IN " + reads + " AND (EXTRACT(HOUR FROM occurred_at) >= 22 "
				+ "OR EXTRACT(HOUR FROM occurred_at) < 6) GROUP BY actor, DATE_TRUNC('hour', occurred_at) "
				+ "ORDER BY h DESC LIMIT 200",
				(rs, i) -> new Alert("NIGHT", rs.getString("actor"), rs.getTimestamp("h").toInstant(), rs.getLong("n")),
				Timestamp.from(since)));
		out.addAll(jdbc.query("SELECT actor, DATE_TRUNC('hour', occurred_at) AS h, COUNT(*) AS n FROM access_log "
				+ "WHERE occurred_at >= ? AND action IN " + reads + " GROUP BY actor, DATE_TRUNC('hour', occurred_at) "
				+ "HAVING COUNT(*) > ? ORDER BY n DESC LIMIT 200",
				(rs, i) -> new Alert("MASS", rs.getString("actor"), rs.getTimestamp("h").toInstant(), rs.getLong("n")),
				Timestamp.from(since), massThreshold));
		return out;
	}

	@Override
	public long count(Query q) {
		List<Object> args = new ArrayList<>();
		String where = where(q, args);
		Long n = jdbc.queryForObject("SELECT COUNT(*) FROM access_log" + where, Long.class, args.toArray());
		return n == null ? 0 : n;
	}

	private static String where(Query q, List<Object> args) {
		StringBuilder sb = new StringBuilder(" WHERE 1=1");
		if (q.actor() != null && !q.actor().isBlank()) {
			sb.append(" AND actor = ?");
			args.add(q.actor().strip());
		}
		if (q.action() != null) {
			sb.append(" AND action = ?");
			args.add(q.action().name());
		}
		if (q.subject() != null && !q.subject().isBlank()) {
			sb.append(" AND subject LIKE ?");
			args.add("%" + q.subject().strip().replace("%", "") + "%");
		}
		ZoneId zone = ZoneId.systemDefault();
		if (q.from() != null) {
			sb.append(" AND occurred_at >= ?");
			args.add(Timestamp.from(q.from().atStartOfDay(zone).toInstant()));
		}
		if (q.to() != null) {
			sb.append(" AND occurred_at < ?");
			args.add(Timestamp.from(q.to().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		return sb.toString();
	}

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
				? attrs.getRequest() : null;
	}

	private static String currentActor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? "system" : auth.getName();
	}

	private static String currentRoles() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? null
				: auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().collect(Collectors.joining(","));
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
