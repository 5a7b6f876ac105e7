package org.madoguchi.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The pull-type delta feed (差分連携) for linked systems. Every snapshot written gets the next
 * sequence number; the sequence counter row stays locked until commit, so a reader that has seen
 * number n will never later find a smaller number appear.
 */
@Component
class ChangeFeed {

	static final int MAX_PAGE = 5000;

	private static final String SELECT_PAGE = "SELECT c.seq AS feed_seq, "
			+ ResidentRecordRepository.COLUMNS.replaceAll("(\\w+)", "r.$1")
			+ " FROM register_change c JOIN resident_record r "
			+ "ON r.atena_number = c.atena_number AND r.history_number = c.history_number "
			+ "WHERE c.seq > ? ORDER BY c.seq LIMIT ?";

	private final JdbcTemplate jdbc;
	private final NumberAllocator numbers;
	private final BulkInserter bulk;

	ChangeFeed(JdbcTemplate jdbc, NumberAllocator numbers, BulkInserter bulk) {
		this.jdbc = jdbc;
		this.numbers = numbers;
		this.bulk = bulk;
	}

	void append(List<ResidentRecord> snapshots) {
		if (snapshots.isEmpty()) {
			return;
		}
		long first = numbers.reserve("change_feed", snapshots.size());
		List<Object[]> rows = new ArrayList<>(snapshots.size());
		long seq = first;
		for (ResidentRecord r : snapshots) {
			rows.add(new Object[] { seq++, r.atenaNumber().value(), r.historyNumber(), r.householdNumber().value(),
					r.changeReason().name(), r.changeDate(), Timestamp.from(Instant.now()) });
		}
		bulk.insert("register_change", "seq, atena_number, history_number, household_number, change_reason, change_date, "
				+ "recorded_at", rows);
	}

	List<RegisterChangeEntry> after(long cursor, int limit) {
		int size = Math.max(1, Math.min(limit, MAX_PAGE));
		return jdbc.query(SELECT_PAGE,
				(rs, i) -> new RegisterChangeEntry(rs.getLong("feed_seq"), ResidentRecordRepository.map(rs, i)), cursor,
				size);
	}

	long head() {
		Long max = jdbc.queryForObject("SELECT MAX(seq) FROM register_change", Long.class);
		return max == null ? 0 : max;
	}
}
