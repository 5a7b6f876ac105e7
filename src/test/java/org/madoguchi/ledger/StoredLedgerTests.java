package org.madoguchi.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The stored log against the in-memory reference tree, on the test database (H2, or PostgreSQL with -Ppostgres). */
@SpringBootTest
class StoredLedgerTests {

	@Autowired
	JdbcLedger ledger;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager tm;

	@Autowired
	LedgerProperties properties;

	@Autowired
	LedgerAudit audit;

	@Test
	void proofsFromTilesMatchTheMemoryTreeAtManySizes() {
		ledger.sequence();
		List<Long> sizes = new ArrayList<>();
		// steps chosen to end tiles exactly, cross them, and fill a level-2 node (65,536 leaves)
		for (int step : new int[] { 1, 1, 3, 250, 1, 256, 511, 1024, 7, 65_536, 300 }) {
			LedgerTestSupport.appendMany(ledger, tm, "grow" + sizes.size(), step);
			ledger.sequence();
			sizes.add(ledger.latestCheckpoint().orElseThrow().checkpoint().size());
		}
		MerkleTree tree = LedgerTestSupport.memoryTree(jdbc);
		assertThat(tree.size()).isEqualTo(sizes.get(sizes.size() - 1));
		long previous = 0;
		for (long size : sizes) {
			byte[] root = tree.root(size);
			assertThat(ledger.root(size)).isEqualTo(root);
			for (long index : new long[] { 0, size / 2, size - 1, Math.max(0, size - 257) }) {
				InclusionProof proof = ledger.inclusionProof(index, size);
				assertThat(proof.path()).containsExactlyElementsOf(tree.inclusionProof(index, size).path());
				proof.verify(ledger.leafHash(index), root);
			}
			if (previous > 0) {
				ConsistencyProof proof = ledger.consistencyProof(previous, size);
				assertThat(proof.path()).containsExactlyElementsOf(tree.consistencyProof(previous, size).path());
				proof.verify(tree.root(previous), root);
			}
			previous = size;
		}
		Ledger.SignedCheckpoint latest = ledger.latestCheckpoint().orElseThrow();
		ledger.verifier().verify(SignedNote.parse(latest.note().getBytes(StandardCharsets.UTF_8)));
		assertThat(latest.checkpoint().rootHash()).isEqualTo(tree.root());
		assertThat(latest.checkpoint().origin()).isEqualTo(properties.origin());
		assertThat(audit.run().ok()).as(audit.run().text()).isTrue();
	}

	@Test
	void appendNeedsTheCallersTransactionAndGetsItsIndexWhenSequenced() {
		assertThatThrownBy(() -> ledger.append("test", "x", new byte[1])).isInstanceOf(IllegalTransactionStateException.class);
		long id = new TransactionTemplate(tm).execute(s -> ledger.append("test", "one", "one".getBytes(StandardCharsets.UTF_8)));
		assertThat(ledger.indexOf(id)).isEmpty();
		ledger.sequence();
		long index = ledger.indexOf(id).orElseThrow();
		assertThat(ledger.leafHash(index)).isEqualTo(MerkleTree.leafHash("one".getBytes(StandardCharsets.UTF_8)));
		// a rolled-back caller leaves no entry
		TransactionTemplate rollback = new TransactionTemplate(tm);
		long gone = rollback.execute(s -> {
			long e = ledger.append("test", "rolled-back", new byte[] { 1 });
			s.setRollbackOnly();
			return e;
		});
		ledger.sequence();
		assertThat(ledger.indexOf(gone)).isEmpty();
		assertThatThrownBy(() -> new TransactionTemplate(tm).execute(s -> ledger.append("Bad Kind", "r", new byte[0])))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new TransactionTemplate(tm)
			.execute(s -> ledger.append("test", "r", new byte[Ledger.MAX_ENTRY_BYTES + 1])))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void twoNodesSequencingAtOnceNeverGiveAnIndexTwice() throws Exception {
		JdbcLedger other = new JdbcLedger(jdbc, tm, LedgerKeys.load(properties), smallBatches());
		JdbcLedger one = new JdbcLedger(jdbc, tm, LedgerKeys.load(properties), smallBatches());
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int t = 0; t < 2; t++) {
				int thread = t;
				work.add(pool.submit(() -> {
					for (int i = 0; i < 20; i++) {
						LedgerTestSupport.appendMany(ledger, tm, "race" + thread + "-" + i, 50);
					}
				}));
			}
			for (JdbcLedger node : List.of(one, other)) {
				work.add(pool.submit((Callable<Void>) () -> {
					for (int i = 0; i < 30; i++) {
						node.sequence();
					}
					return null;
				}));
			}
			for (Future<?> f : work) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		one.sequence();
		List<Long> indices = jdbc.queryForList("SELECT idx FROM ledger_leaf ORDER BY idx", Long.class);
		Set<Long> distinct = new HashSet<>(indices);
		assertThat(distinct).hasSize(indices.size());
		assertThat(indices.get(indices.size() - 1)).isEqualTo(indices.size() - 1L);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry e WHERE reference LIKE 'race%' "
				+ "AND NOT EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.entry_id = e.id)",
				Long.class)).isZero();
		LedgerAudit.Report report = audit.run();
		assertThat(report.ok()).as(report.text()).isTrue();
	}

	@Test
	void anEntryWhoseSmallerIdCommitsLateIsStillSequenced() throws Exception {
		ledger.sequence();
		java.util.concurrent.CountDownLatch appended = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
		long[] lateId = new long[1];
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<?> late = pool.submit(() -> new TransactionTemplate(tm).executeWithoutResult(s -> {
				lateId[0] = ledger.append("test", "late", "committed late".getBytes(StandardCharsets.UTF_8));
				appended.countDown();
				try {
					commit.await();
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			}));
			appended.await();
			long early = new TransactionTemplate(tm).execute(
					s -> ledger.append("test", "early", "committed early".getBytes(StandardCharsets.UTF_8)));
			assertThat(early).isGreaterThan(lateId[0]);
			ledger.sequence();
			assertThat(ledger.indexOf(early)).isPresent();
			assertThat(ledger.indexOf(lateId[0])).isEmpty();
			commit.countDown();
			late.get();
		}
		finally {
			commit.countDown();
			pool.shutdown();
		}
		ledger.sequence();
		long size = ledger.latestCheckpoint().orElseThrow().checkpoint().size();
		assertThat(ledger.indexOf(lateId[0])).hasValue(size - 1);
		assertThat(ledger.entry(size - 1).orElseThrow().reference()).isEqualTo("late");
		LedgerAudit.Report report = audit.run();
		assertThat(report.ok()).as(report.text()).isTrue();
		assertThat(report.queued()).isZero();
	}

	private LedgerProperties smallBatches() {
		return new LedgerProperties(properties.origin(), properties.signingKey(), properties.commitmentKey(),
				properties.devKeyFile(), properties.sequenceInterval(), 37, 64);
	}
}
