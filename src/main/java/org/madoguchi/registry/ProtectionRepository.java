package org.madoguchi.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** 支援措置 and 抑止 rows. */
@Repository
class ProtectionRepository {

	private final JdbcTemplate jdbc;

	ProtectionRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<SupportMeasure> supportMeasures(AtenaNumber atena) {
		return jdbc.query("SELECT * FROM support_measure WHERE atena_number = ? ORDER BY start_date DESC, id DESC",
				(rs, i) -> new SupportMeasure(rs.getLong("id"), new AtenaNumber(rs.getString("atena_number")),
						rs.getString("kind"), rs.getObject("start_date", LocalDate.class),
						rs.getObject("end_date", LocalDate.class), rs.getString("officer"), rs.getString("note"),
						instant(rs.getTimestamp("cleared_at")), rs.getString("cleared_by")),
				atena.value());
	}

	long addSupportMeasure(AtenaNumber atena, String kind, LocalDate start, LocalDate end, String officer, String note,
			Instant at) {
		jdbc.update("INSERT INTO support_measure (atena_number, kind, start_date, end_date, officer, note, created_at) "
				+ "VALUES (?,?,?,?,?,?,?)", atena.value(), kind, start, end, officer, note, Timestamp.from(at));
		return jdbc.queryForObject("SELECT MAX(id) FROM support_measure WHERE atena_number = ?", Long.class, atena.value());
	}

	int extendSupportMeasure(long id, AtenaNumber atena, LocalDate newEnd) {
		return jdbc.update("UPDATE support_measure SET end_date = ? WHERE id = ? AND atena_number = ? AND cleared_at IS NULL",
				newEnd, id, atena.value());
	}

	int clearSupportMeasure(long id, AtenaNumber atena, String by, Instant at) {
		return jdbc.update("UPDATE support_measure SET cleared_at = ?, cleared_by = ? WHERE id = ? AND atena_number = ? "
				+ "AND cleared_at IS NULL", Timestamp.from(at), by, id, atena.value());
	}

	List<Suppression> suppressions(String... targetNumbers) {
		String in = String.join(",", java.util.Collections.nCopies(targetNumbers.length, "?"));
		return jdbc.query("SELECT * FROM suppression WHERE target_number IN (" + in + ") ORDER BY start_date DESC, id DESC",
				(rs, i) -> new Suppression(rs.getLong("id"), rs.getString("target_kind"), rs.getString("target_number"),
						rs.getBoolean("block_change"), rs.getBoolean("block_issuance"), rs.getBoolean("block_inquiry"),
						rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
						rs.getString("reason"), rs.getString("created_by"), instant(rs.getTimestamp("lifted_at")),
						rs.getString("lifted_by")),
				(Object[]) targetNumbers);
	}

	void addSuppression(String kind, String target, boolean change, boolean issuance, boolean inquiry, LocalDate start,
			LocalDate end, String reason, String by, Instant at) {
		jdbc.update("INSERT INTO suppression (target_kind, target_number, block_change, block_issuance, block_inquiry, "
				+ "start_date, end_date, reason, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)", kind, target, change,
				issuance, inquiry, start, end, reason, by, Timestamp.from(at));
	}

	int liftSuppression(long id, String target, String by, Instant at) {
		return jdbc.update("UPDATE suppression SET lifted_at = ?, lifted_by = ? WHERE id = ? AND target_number = ? "
				+ "AND lifted_at IS NULL", Timestamp.from(at), by, id, target);
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
