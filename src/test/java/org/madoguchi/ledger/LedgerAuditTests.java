package org.madoguchi.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code ledger verify} finds every kind of edit, also ones made with the append-only triggers switched off. Each
 * test puts the row back, so the shared test database stays a valid log.
 */
@SpringBootTest
class LedgerAuditTests {

	/** The entry id at leaf index ? (entries do not carry their index). */
	private static final String AT = "(SELECT entry_id FROM ledger_leaf WHERE idx = ?)";

	@Autowired
	JdbcLedger ledger;

	@Autowired
	LedgerAudit audit;

	@Autowired
	AccessLog accessLog;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager tm;

	@Test
	void aFreshLogPassesAndAnEditedEntryFails() {
		long index = prepare();
		byte[] original = jdbc.queryForObject("SELECT entry FROM ledger_entry WHERE id = " + AT, byte[].class, index);
		LedgerTestSupport.tamper(jdbc, tm,
				() -> jdbc.update("UPDATE ledger_entry SET entry = ? WHERE id = " + AT, "forged".getBytes(StandardCharsets.UTF_8), index));
		try {
			LedgerAudit.Report report = audit.run();
			assertThat(report.ok()).isFalse();
			assertThat(report.problems()).anySatisfy(p -> {
				assertThat(p.index()).isEqualTo(index);
				assertThat(p.reason()).contains("the entry was edited");
			});
			assertThat(report.text()).contains("FAILED");
		}
		finally {
			LedgerTestSupport.tamper(jdbc, tm, () -> jdbc.update("UPDATE ledger_entry SET entry = ? WHERE id = " + AT, original, index));
		}
		assertThat(audit.run().ok()).isTrue();
	}

	@Test
	void anEditedTileFails() {
		prepare();
		byte[] original = jdbc.queryForObject("SELECT hashes FROM ledger_tile WHERE level = 0 AND idx = 0 AND width = 256",
				byte[].class);
		byte[] forged = original.clone();
		forged[40] ^= 1;
		LedgerTestSupport.tamper(jdbc, tm,
				() -> jdbc.update("UPDATE ledger_tile SET hashes = ? WHERE level = 0 AND idx = 0 AND width = 256", forged));
		try {
			LedgerAudit.Report report = audit.run();
			assertThat(report.ok()).isFalse();
			assertThat(report.problems()).anySatisfy(p -> assertThat(p.reason()).contains("the tile was edited"));
		}
		finally {
			LedgerTestSupport.tamper(jdbc, tm,
					() -> jdbc.update("UPDATE ledger_tile SET hashes = ? WHERE level = 0 AND idx = 0 AND width = 256", original));
		}
		assertThat(audit.run().ok()).isTrue();
	}

	@Test
	void aDeletedEntryRowFails() {
		long index = prepare();
		java.util.Map<String, Object> row = jdbc.queryForMap("SELECT * FROM ledger_entry WHERE id = " + AT, index);
		LedgerTestSupport.tamper(jdbc, tm, () -> jdbc.update("DELETE FROM ledger_entry WHERE id = " + AT, index));
		try {
			LedgerAudit.Report report = audit.run();
			assertThat(report.ok()).isFalse();
			assertThat(report.problems()).anySatisfy(p -> {
				assertThat(p.index()).isEqualTo(index);
				assertThat(p.reason()).contains("deleted");
			});
		}
		finally {
			LedgerTestSupport.tamper(jdbc, tm, () -> jdbc.update("INSERT INTO ledger_entry (id, kind, reference, entry, "
					+ "leaf_hash, queued_at) VALUES (?,?,?,?,?,?)", row.get("id"), row.get("kind"), row.get("reference"),
					row.get("entry"), row.get("leaf_hash"), row.get("queued_at")));
		}
		assertThat(audit.run().ok()).isTrue();
	}

	@Test
	void everyAccessLogRowIsLoggedAndAnEditedRowFails() {
		new TransactionTemplate(tm).executeWithoutResult(s -> accessLog.record(AccessAction.values()[0], "監査テスト", "ledger"));
		long id = jdbc.queryForObject("SELECT MAX(id) FROM access_log", Long.class);
		ledger.sequence();
		byte[] entry = jdbc.queryForObject("SELECT entry FROM ledger_entry WHERE kind = 'access-log' AND reference = ?",
				byte[].class, Long.toString(id));
		String text = new String(entry, StandardCharsets.UTF_8);
		assertThat(text).startsWith("{\"at\":\"").contains("\"commitment\":\"").endsWith(",\"id\":" + id + ",\"kind\":\"access-log\"}");
		assertThat(text).doesNotContain("監査テスト");
		long index = jdbc.queryForObject("SELECT l.idx FROM ledger_leaf l JOIN ledger_entry e ON e.id = l.entry_id "
				+ "WHERE e.kind = 'access-log' AND e.reference = ?",
				Long.class, Long.toString(id));
		assertThat(audit.run().ok()).isTrue();
		LedgerTestSupport.tamper(jdbc, tm, () -> jdbc.update("UPDATE access_log SET subject = 'someone else' WHERE id = ?", id));
		try {
			LedgerAudit.Report report = audit.run();
			assertThat(report.problems()).anySatisfy(p -> {
				assertThat(p.index()).isEqualTo(index);
				assertThat(p.reason()).contains("edited");
			});
		}
		finally {
			LedgerTestSupport.tamper(jdbc, tm, () -> jdbc.update("UPDATE access_log SET subject = '監査テスト' WHERE id = ?", id));
		}
		assertThat(audit.run().ok()).isTrue();
	}

	@Test
	void anEntryTakenOffTheQueueWithoutAnIndexFails() {
		prepare();
		long id = new TransactionTemplate(tm).execute(
				s -> ledger.append("test", "dropped", "dropped from the queue".getBytes(StandardCharsets.UTF_8)));
		if (LedgerTestSupport.postgres(jdbc)) {
			assertThatThrownBy(() -> new TransactionTemplate(tm)
				.executeWithoutResult(s -> jdbc.update("DELETE FROM ledger_queue WHERE entry_id = ?", id)))
				.hasMessageContaining("only sequenced entries may leave the queue");
		}
		LedgerTestSupport.tamper(jdbc, tm, () -> jdbc.update("DELETE FROM ledger_queue WHERE entry_id = ?", id));
		try {
			LedgerAudit.Report report = audit.run();
			assertThat(report.ok()).isFalse();
			assertThat(report.problems()).anySatisfy(p -> assertThat(p.reason()).contains("neither sequenced nor queued"));
		}
		finally {
			LedgerTestSupport.tamper(jdbc, tm, () -> jdbc.update("INSERT INTO ledger_queue (entry_id) VALUES (?)", id));
		}
		ledger.sequence();
		assertThat(ledger.indexOf(id)).isPresent();
		assertThat(audit.run().ok()).isTrue();
	}

	/** A log of at least 300 entries, all sequenced; returns an index inside the first full tile. */
	private long prepare() {
		LedgerTestSupport.appendMany(ledger, tm, "audit", 300);
		ledger.sequence();
		assertThat(audit.run().ok()).as(audit.run().text()).isTrue();
		return 100;
	}
}
