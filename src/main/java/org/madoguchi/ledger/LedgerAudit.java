package org.madoguchi.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The full audit of the stored log ({@code bin/madoguchi ledger verify}, 監査): recomputes every leaf hash from the
 * stored entries, rebuilds the tree and compares every stored tile, checks every checkpoint's signature and root
 * (so all checkpoints are consistent with one tree), checks that indices are dense, and asks each
 * {@link LedgerSource} whether its rows still give the logged entries. It trusts nothing stored but the entries'
 * sources and the public key, so it finds edits made with the append-only triggers switched off.
 */
@Component
public class LedgerAudit {

	/** Problems listed in a report; more are only counted. */
	static final int MAX_LISTED = 100;

	private final JdbcTemplate jdbc;

	private final Ledger ledger;

	private final List<LedgerSource> sources;

	private final TransactionTemplate snapshot;

	LedgerAudit(JdbcTemplate jdbc, Ledger ledger, List<LedgerSource> sources, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.sources = sources;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/** One thing wrong, at an index of the log when it concerns one entry. */
	public record Problem(Long index, String reason) {

		@Override
		public String toString() {
			return (index == null ? "" : "#" + index + ": ") + reason;
		}
	}

	/**
	 * What the audit checked and found.
	 *
	 * @param sourceChecks entries compared with their source rows, per kind
	 */
	public record Report(long entries, long queued, long tiles, long checkpoints, Map<String, Long> sourceChecks,
			long problemCount, List<Problem> problems) {

		public boolean ok() {
			return problemCount == 0;
		}

		/** The report for people, in Japanese and English. */
		public String text() {
			StringBuilder out = new StringBuilder();
			out.append("透明性ログの監査 (ledger verify)\n");
			out.append("  記録 entries:            ").append(entries).append(" (未順序付け queued: ").append(queued).append(")\n");
			out.append("  タイル tiles:            ").append(tiles).append('\n');
			out.append("  チェックポイント checkpoints: ").append(checkpoints).append('\n');
			sourceChecks.forEach((kind, n) -> out.append("  元の行と照合 checked against source rows (").append(kind)
				.append("): ").append(n).append('\n'));
			if (ok()) {
				out.append("結果: 問題はありません (OK: no problems found)\n");
			}
			else {
				out.append("結果: 問題が ").append(problemCount).append(" 件あります (FAILED: ").append(problemCount)
					.append(" problem(s))");
				out.append(problemCount > problems.size() ? ", 最初の " + problems.size() + " 件 (first " + problems.size() + "):\n" : ":\n");
				problems.forEach(p -> out.append("  - ").append(p).append('\n'));
			}
			return out.toString();
		}
	}

	/** Audits the whole log in one consistent snapshot of the database. */
	public Report run() {
		return snapshot.execute(status -> new Run().run());
	}

	private final class Run {

		final List<Problem> problems = new ArrayList<>();

		long problemCount;

		final TileStore tiles = new TileStore(jdbc, 0);

		final List<Level> levels = new ArrayList<>();

		long tilesChecked;

		final List<byte[][]> range = new ArrayList<>(); // compact range: {height as 1 byte, hash}

		void problem(Long index, String reason) {
			problemCount++;
			if (problems.size() < MAX_LISTED) {
				problems.add(new Problem(index, reason));
			}
		}

		Report run() {
			long size = jdbc.queryForObject("SELECT size FROM ledger_state WHERE id = 1", Long.class);
			Map<Long, byte[]> checkpointRoots = new LinkedHashMap<>();
			List<Long> checkpointSizes = new ArrayList<>();
			jdbc.query("SELECT size, root_hash, note FROM ledger_checkpoint ORDER BY size", rs -> {
				long n = rs.getLong(1);
				checkpointSizes.add(n);
				checkpointRoots.put(n, rs.getBytes(2));
				checkNote(n, rs.getBytes(2), rs.getString(3));
			});
			long latest = checkpointSizes.isEmpty() ? 0 : checkpointSizes.get(checkpointSizes.size() - 1);
			if (latest != size) {
				problem(null, "木の大きさ " + size + " が最新チェックポイント " + latest + " と違います (tree size " + size
						+ " differs from the latest checkpoint's " + latest + ")");
			}
			Map<String, LedgerSource> byKind = new HashMap<>();
			sources.forEach(s -> byKind.put(s.kind(), s));
			Map<String, Long> sourceChecks = new LinkedHashMap<>();
			long[] next = { 0 };
			boolean[] broken = { false };
			jdbc.query(con -> {
				var ps = con.prepareStatement("SELECT l.idx, e.kind, e.reference, e.entry, e.leaf_hash FROM ledger_leaf l "
						+ "JOIN ledger_entry e ON e.id = l.entry_id ORDER BY l.idx");
				ps.setFetchSize(1000);
				return ps;
			}, rs -> {
				long idx = rs.getLong(1);
				String kind = rs.getString(2);
				String reference = rs.getString(3);
				byte[] entry = rs.getBytes(4);
				if (idx != next[0]) {
					problem(next[0], "記録 " + next[0] + (idx - 1 > next[0] ? ".." + (idx - 1) : "")
							+ " がありません。行が削除されています (entry row(s) " + next[0] + (idx - 1 > next[0] ? ".." + (idx - 1) : "")
							+ " missing: deleted)");
					broken[0] = true;
				}
				next[0] = idx + 1;
				byte[] leaf = Hashes.leaf(entry);
				if (!Hashes.same(leaf, rs.getBytes(5))) {
					problem(idx, "記録の内容が葉ハッシュと合いません。記録が書き換えられています (entry bytes do not hash to the stored leaf hash: the entry was edited)");
				}
				if (!broken[0]) {
					addLeaf(leaf, idx);
					long count = idx + 1;
					if (checkpointRoots.containsKey(count) && !Hashes.same(rangeRoot(), checkpointRoots.get(count))) {
						problem(idx, "記録から計算した根がチェックポイント " + count + " と違います (root recomputed from the entries differs from checkpoint " + count + ")");
					}
				}
				LedgerSource source = byKind.get(kind);
				if (source != null) {
					sourceChecks.merge(kind, 1L, Long::sum);
					Optional<byte[]> current = source.currentEntry(reference);
					if (current.isEmpty()) {
						problem(idx, kind + " の元の行 " + reference + " がありません。削除されています (source row " + reference
								+ " of " + kind + " is gone: deleted)");
					}
					else if (!Arrays.equals(current.get(), entry)) {
						problem(idx, kind + " の元の行 " + reference + " が記録と違います。書き換えられています (source row " + reference
								+ " of " + kind + " no longer gives the logged entry: edited)");
					}
				}
			});
			long entries = next[0];
			if (!broken[0]) {
				if (entries != size) {
					problem(entries < size ? entries : null, "順序付けされた記録 " + entries + " 件と木の大きさ " + size
							+ " が違います (" + entries + " sequenced entries but the tree has " + size + ")");
				}
				flushPartialTiles(entries);
				long stored = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT level, idx FROM ledger_tile GROUP BY level, idx) t",
						Long.class);
				if (stored != tilesChecked) {
					problem(null, "余分なタイルがあります (" + stored + " tiles stored, " + tilesChecked + " expected)");
				}
				for (long n : checkpointSizes) {
					if (n > entries) {
						problem(null, "チェックポイント " + n + " が記録数 " + entries + " を超えています (checkpoint " + n
								+ " is beyond the " + entries + " entries)");
					}
				}
				checkConsistencyProofs(checkpointSizes, checkpointRoots, Math.min(entries, size));
			}
			long queued = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_queue", Long.class);
			checkQueue();
			return new Report(entries, queued, tilesChecked, checkpointSizes.size(), sourceChecks, problemCount,
					List.copyOf(problems));
		}

		/** Every entry is either numbered or waiting in the queue, never both, never neither. */
		void checkQueue() {
			long lost = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry e WHERE NOT EXISTS (SELECT 1 FROM ledger_leaf l "
					+ "WHERE l.entry_id = e.id) AND NOT EXISTS (SELECT 1 FROM ledger_queue q WHERE q.entry_id = e.id)", Long.class);
			if (lost > 0) {
				problem(null, "順序付けされず待ち行列にもない記録が " + lost + " 件あります。待ち行列から削除されています (" + lost
						+ " entries are neither sequenced nor queued: removed from the queue)");
			}
			long twice = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_queue q WHERE EXISTS (SELECT 1 FROM ledger_leaf l "
					+ "WHERE l.entry_id = q.entry_id)", Long.class);
			if (twice > 0) {
				problem(null, "順序付け済みの記録 " + twice + " 件が待ち行列に残っています (" + twice
						+ " sequenced entries are still queued)");
			}
			long orphans = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_queue q WHERE NOT EXISTS (SELECT 1 FROM ledger_entry e "
					+ "WHERE e.id = q.entry_id)", Long.class);
			if (orphans > 0) {
				problem(null, "待ち行列に記録のない行が " + orphans + " 件あります (" + orphans + " queued ids have no entry row)");
			}
		}

		void checkNote(long size, byte[] root, String note) {
			try {
				SignedNote parsed = ledger.verifier().open(note.getBytes(StandardCharsets.UTF_8));
				Checkpoint c = Checkpoint.parse(parsed.text());
				if (c.size() != size || !Hashes.same(c.rootHash(), root)) {
					problem(null, "チェックポイント " + size + " の署名済み本文が行と違います (signed checkpoint text differs from its row: size "
							+ c.size() + ")");
				}
				if (!c.origin().equals(ledger.verifier().name())) {
					problem(null, "チェックポイント " + size + " のログ名が違います (checkpoint " + size + " has origin " + c.origin() + ")");
				}
			}
			catch (InvalidNoteException ex) {
				problem(null, "チェックポイント " + size + " の署名が検証できません (checkpoint " + size + " does not verify: "
						+ ex.getMessage() + ")");
			}
		}

		/** Proofs made from the stored tiles between consecutive checkpoints must verify against their roots. */
		void checkConsistencyProofs(List<Long> sizes, Map<Long, byte[]> roots, long limit) {
			TreeNodes nodes = TreeNodes.of(tiles::committed);
			for (int i = 1; i < sizes.size(); i++) {
				long a = sizes.get(i - 1);
				long b = sizes.get(i);
				if (a == 0 || b > limit) {
					continue;
				}
				try {
					nodes.consistencyProof(a, b).verify(roots.get(a), roots.get(b));
				}
				catch (RuntimeException ex) {
					problem(null, "チェックポイント " + a + " と " + b + " の一貫性証明が成り立ちません (consistency proof " + a + " → " + b
							+ " from the stored tiles fails: " + ex.getMessage() + ")");
				}
			}
		}

		void addLeaf(byte[] leaf, long idx) {
			level(0).add(leaf, idx);
			byte[] hash = leaf;
			int height = 0;
			while (!range.isEmpty() && range.get(range.size() - 1)[0][0] == height) {
				hash = Hashes.node(range.remove(range.size() - 1)[1], hash);
				height++;
			}
			range.add(new byte[][] { { (byte) height }, hash });
		}

		byte[] rangeRoot() {
			byte[] root = range.get(range.size() - 1)[1];
			for (int i = range.size() - 2; i >= 0; i--) {
				root = Hashes.node(range.get(i)[1], root);
			}
			return root;
		}

		Level level(int l) {
			while (levels.size() <= l) {
				levels.add(new Level(levels.size()));
			}
			return levels.get(l);
		}

		void flushPartialTiles(long size) {
			for (int l = 0; l < levels.size(); l++) {
				levels.get(l).flush();
			}
		}

		/** The recomputed hashes of the tile being filled at one level. */
		final class Level {

			final int level;

			long tileIndex;

			final byte[] buffer = new byte[Tile.WIDTH * Hashes.SIZE];

			int count;

			Level(int level) {
				this.level = level;
			}

			void add(byte[] hash, long idx) {
				System.arraycopy(hash, 0, buffer, count * Hashes.SIZE, Hashes.SIZE);
				count++;
				if (count == Tile.WIDTH) {
					compare(idx);
					Tile tile = new Tile(level, tileIndex, buffer.clone());
					level(level + 1).add(tile.root(), idx);
					tileIndex++;
					count = 0;
				}
			}

			void flush() {
				if (count > 0) {
					compare(null);
				}
			}

			void compare(Long idx) {
				tilesChecked++;
				Tile stored = tiles.read(level, tileIndex);
				String name = "タイル " + level + "/" + TilePath.number(tileIndex);
				if (stored == null) {
					problem(idx, name + " がありません (tile " + level + "/" + tileIndex + " is missing)");
				}
				else if (stored.width != count) {
					problem(idx, name + " の幅が " + stored.width + " です (tile " + level + "/" + tileIndex + " holds "
							+ stored.width + " hashes, " + count + " expected)");
				}
				else if (!Arrays.equals(stored.bytes(count), Arrays.copyOf(buffer, count * Hashes.SIZE))) {
					problem(idx, name + " のハッシュが記録から計算した値と違います。タイルが書き換えられています (tile " + level + "/"
							+ tileIndex + " differs from the hashes recomputed from the entries: the tile was edited)");
				}
			}
		}
	}
}
