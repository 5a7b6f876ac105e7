package org.madoguchi.registry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands out serial numbers from the {@code number_counter} table. The row stays locked until the
 * transaction commits, which is safe across several application nodes and keeps change-feed
 * numbers in commit order.
 */
@Component
class NumberAllocator {

	private final JdbcTemplate jdbc;

	NumberAllocator(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Reserves {@code count} consecutive numbers and returns the first. Must run inside a transaction. */
	long reserve(String counter, int count) {
		int updated = jdbc.update("UPDATE number_counter SET next_value = next_value + ? WHERE name = ?", count, counter);
		if (updated != 1) {
			throw new IllegalStateException("no counter " + counter);
		}
		Long next = jdbc.queryForObject("SELECT next_value FROM number_counter WHERE name = ?", Long.class, counter);
		return next - count;
	}
}
