package org.madoguchi.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Shared steps of the stored-log tests: appending in a transaction, the leaves as stored, tampering. */
final class LedgerTestSupport {

	private LedgerTestSupport() {
	}

	static void appendMany(JdbcLedger ledger, PlatformTransactionManager tm, String prefix, int n) {
		List<JdbcLedger.NewEntry> entries = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			entries.add(new JdbcLedger.NewEntry("test", prefix + "-" + i, (prefix + " entry " + i).getBytes(StandardCharsets.UTF_8)));
		}
		new TransactionTemplate(tm).executeWithoutResult(s -> ledger.appendAll(entries));
	}

	/** The in-memory tree of every sequenced entry, from the entries' own bytes. */
	static MerkleTree memoryTree(JdbcTemplate jdbc) {
		return new MerkleTree(jdbc.query("SELECT e.entry FROM ledger_leaf l JOIN ledger_entry e ON e.id = l.entry_id "
				+ "ORDER BY l.idx",
				(rs, i) -> MerkleTree.leafHash(rs.getBytes(1))));
	}

	/** Runs SQL that the append-only triggers forbid, as a superuser who switched them off would (PostgreSQL). */
	static void tamper(JdbcTemplate jdbc, PlatformTransactionManager tm, Runnable edit) {
		new TransactionTemplate(tm).executeWithoutResult(s -> {
			if (postgres(jdbc)) {
				jdbc.execute("SET LOCAL session_replication_role = replica");
			}
			edit.run();
		});
	}

	static boolean postgres(JdbcTemplate jdbc) {
		return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()
			.toLowerCase(java.util.Locale.ROOT).contains("postgres")));
	}
}
