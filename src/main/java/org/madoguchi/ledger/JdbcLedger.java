package org.madoguchi.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log in the application's database: entries in {@code ledger_entry} (waiting in {@code ledger_queue}, numbered
 * in {@code ledger_leaf}), the tree as hash tiles in
 * {@code ledger_tile}, signed tree heads in {@code ledger_checkpoint}. Sequencing holds the one
 * {@code ledger_state} row locked, so that on several nodes only one extends the tree at a time, and it signs a
 * checkpoint only after checking that the stored tree still has the previous checkpoint's root: the log never signs
 * two inconsistent checkpoints.
 */
final class JdbcLedger implements Ledger {

	static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,39}");

	static final int MAX_REFERENCE = 100;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate batchTransaction;

	private final TileStore tiles;

	private final LedgerKeys keys;

	private final String origin;

	private final int batchSize;

	private final AtomicReference<SignedCheckpoint> latest = new AtomicReference<>();

	JdbcLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions, LedgerKeys keys, LedgerProperties properties) {
		this.jdbc = jdbc;
		this.batchTransaction = new TransactionTemplate(transactions);
		this.batchTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.tiles = new TileStore(jdbc, properties.tileCache());
		this.keys = keys;
		this.origin = properties.origin();
		this.batchSize = properties.batchSize();
	}

	/** A new entry for {@link #appendAll}. */
	public record NewEntry(String kind, String reference, byte[] entry) {

		public NewEntry {
			if (kind == null || !KIND.matcher(kind).matches()) {
				throw new IllegalArgumentException("kind must be 1..40 of a-z, 0-9, '-' starting with a letter: " + kind);
			}
			if (reference == null || reference.isEmpty() || reference.length() > MAX_REFERENCE) {
				throw new IllegalArgumentException("reference must have 1.." + MAX_REFERENCE + " characters");
			}
			if (entry == null || entry.length > MAX_ENTRY_BYTES) {
				throw new IllegalArgumentException("entry must have 0.." + MAX_ENTRY_BYTES + " bytes");
			}
		}
	}

	@Override
	public long append(String kind, String reference, byte[] entry) {
		requireTransaction();
		NewEntry e = new NewEntry(kind, reference, entry);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(con -> {
			PreparedStatement ps = con.prepareStatement(INSERT_ENTRY, new String[] { "id" });
			bind(ps, e, Timestamp.from(Instant.now()));
			return ps;
		}, key);
		long id = key.getKey().longValue();
		if (!databaseQueues()) {
			jdbc.update("INSERT INTO ledger_queue (entry_id) VALUES (?)", id);
		}
		return id;
	}

	/** Queues many entries with batched statements, in the caller's transaction (ids are not returned). */
	public void appendAll(List<NewEntry> entries) {
		requireTransaction();
		Timestamp now = Timestamp.from(Instant.now());
		if (databaseQueues()) {
			jdbc.batchUpdate(INSERT_ENTRY, entries, APPEND_BATCH, (ps, e) -> bind(ps, e, now));
			return;
		}
		List<Long> ids = jdbc.execute((Connection con) -> {
			List<Long> out = new ArrayList<>(entries.size());
			try (PreparedStatement ps = con.prepareStatement(INSERT_ENTRY, new String[] { "id" })) {
				for (int from = 0; from < entries.size(); from += APPEND_BATCH) {
					for (NewEntry e : entries.subList(from, Math.min(entries.size(), from + APPEND_BATCH))) {
						bind(ps, e, now);
						ps.addBatch();
					}
					ps.executeBatch();
					try (ResultSet keys = ps.getGeneratedKeys()) {
						while (keys.next()) {
							out.add(keys.getLong(1));
						}
					}
				}
			}
			return out;
		});
		if (ids.size() != entries.size()) {
			throw new IllegalStateException("the database returned " + ids.size() + " ids for " + entries.size() + " entries");
		}
		jdbc.batchUpdate("INSERT INTO ledger_queue (entry_id) VALUES (?)", ids, APPEND_BATCH,
				(ps, id) -> ps.setLong(1, id));
	}

	private static final String INSERT_ENTRY = "INSERT INTO ledger_entry (kind, reference, entry, leaf_hash, queued_at) "
			+ "VALUES (?,?,?,?,?)";

	/** Rows per batched statement (PostgreSQL with reWriteBatchedInserts sends them as a few multi-row INSERTs). */
	private static final int APPEND_BATCH = 2000;

	/**
	 * Whether the database puts new entries into {@code ledger_queue} itself: on PostgreSQL the trigger of
	 * V19_1__ledger_append_only.sql does, once per statement; on H2 the application inserts the queue rows.
	 */
	private boolean databaseQueues() {
		Boolean known = databaseQueues;
		if (known == null) {
			known = Boolean.TRUE.equals(jdbc.execute((Connection con) -> con.getMetaData().getDatabaseProductName()
				.toLowerCase(java.util.Locale.ROOT).contains("postgres")));
			databaseQueues = known;
		}
		return known;
	}

	private volatile Boolean databaseQueues;

	private static void bind(PreparedStatement ps, NewEntry e, Timestamp now) throws SQLException {
		ps.setString(1, e.kind());
		ps.setString(2, e.reference());
		ps.setBytes(3, e.entry());
		ps.setBytes(4, Hashes.leaf(e.entry()));
		ps.setTimestamp(5, now);
	}

	@Override
	public OptionalLong indexOf(long entryId) {
		List<Long> idx = jdbc.query("SELECT idx FROM ledger_leaf WHERE entry_id = ?",
				(rs, i) -> rs.getLong(1), entryId);
		return idx.isEmpty() ? OptionalLong.empty() : OptionalLong.of(idx.get(0));
	}

	@Override
	public Optional<SignedCheckpoint> latestCheckpoint() {
		List<SignedCheckpoint> rows = jdbc.query("SELECT note FROM ledger_checkpoint ORDER BY size DESC FETCH FIRST 1 ROWS ONLY",
				(rs, i) -> toCheckpoint(rs.getString(1)));
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		latest.accumulateAndGet(rows.get(0), (a, b) -> a == null || b.checkpoint().size() > a.checkpoint().size() ? b : a);
		return Optional.of(rows.get(0));
	}

	/** The size of the latest checkpoint, from memory when it already covers {@code needed} (sizes only grow). */
	long signedSize(long needed) {
		SignedCheckpoint known = latest.get();
		if (known != null && known.checkpoint().size() >= needed) {
			return known.checkpoint().size();
		}
		return latestCheckpoint().map(c -> c.checkpoint().size()).orElse(0L);
	}

	@Override
	public InclusionProof inclusionProof(long index, long treeSize) {
		requireSigned(treeSize, "treeSize");
		if (index < 0 || index >= treeSize) {
			throw new IllegalArgumentException("index " + index + " must be in 0.." + (treeSize - 1));
		}
		return committedNodes().inclusionProof(index, treeSize);
	}

	@Override
	public ConsistencyProof consistencyProof(long size1, long size2) {
		requireSigned(size2, "size2");
		if (size1 <= 0 || size1 > size2) {
			throw new IllegalArgumentException("size1 " + size1 + " must be in 1.." + size2);
		}
		return committedNodes().consistencyProof(size1, size2);
	}

	@Override
	public byte[] leafHash(long index) {
		requireIndex(index);
		return tiles.committed(0, index >>> Tile.HEIGHT, (int) (index & (Tile.WIDTH - 1)) + 1)
			.hash((int) (index & (Tile.WIDTH - 1)));
	}

	/** The root hash of the first {@code size} entries (any size up to the latest checkpoint's). */
	byte[] root(long size) {
		requireSigned(size, "size");
		return committedNodes().root(size);
	}

	/** A sequenced entry: its kind, reference and bytes. */
	record StoredEntry(long index, String kind, String reference, byte[] entry) {
	}

	Optional<StoredEntry> entry(long index) {
		requireIndex(index);
		return jdbc.query("SELECT l.idx, e.kind, e.reference, e.entry FROM ledger_leaf l JOIN ledger_entry e ON e.id = l.entry_id "
				+ "WHERE l.idx = ?",
				(rs, i) -> new StoredEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)), index)
			.stream().findFirst();
	}

	/** The entries numbered {@code from} to {@code to - 1}, in order. */
	List<byte[]> entries(long from, long to) {
		return jdbc.query("SELECT e.entry FROM ledger_leaf l JOIN ledger_entry e ON e.id = l.entry_id "
				+ "WHERE l.idx >= ? AND l.idx < ? ORDER BY l.idx",
				(rs, i) -> rs.getBytes(1), from, to);
	}

	/** A committed hash tile with at least {@code width} hashes. */
	Tile tile(int level, long index, int width) {
		return tiles.committed(level, index, width);
	}

	@Override
	public void sequence() {
		while (Boolean.TRUE.equals(batchTransaction.execute(status -> sequenceBatch()))) {
			// one checkpoint per batch; go on while batches come back full
		}
	}

	/** Sequences one batch; true when there may be more queued entries. */
	private boolean sequenceBatch() {
		long size = jdbc.queryForObject("SELECT size FROM ledger_state WHERE id = 1 FOR UPDATE", Long.class);
		List<long[]> ids = new ArrayList<>();
		List<byte[]> leaves = new ArrayList<>();
		jdbc.query("SELECT q.entry_id, e.leaf_hash FROM ledger_queue q JOIN ledger_entry e ON e.id = q.entry_id "
				+ "ORDER BY q.entry_id FETCH FIRST " + batchSize + " ROWS ONLY", rs -> {
					ids.add(new long[] { rs.getLong(1) });
					leaves.add(rs.getBytes(2));
				});
		if (leaves.isEmpty()) {
			return false;
		}
		List<SignedCheckpoint> previous = jdbc.query(
				"SELECT note FROM ledger_checkpoint ORDER BY size DESC FETCH FIRST 1 ROWS ONLY",
				(rs, i) -> toCheckpoint(rs.getString(1)));
		long signed = previous.isEmpty() ? 0 : previous.get(0).checkpoint().size();
		if (signed != size) {
			throw new IllegalStateException("the tree holds " + size + " entries but the latest checkpoint " + signed);
		}
		TileAppend grown = TileAppend.append(size, leaves, tiles::read, tiles::committed);
		if (size > 0 && !Hashes.same(grown.nodes().root(size), previous.get(0).checkpoint().rootHash())) {
			throw new IllegalStateException("透明性ログの木が署名済みチェックポイントと一致しません。署名を中止します "
					+ "(the stored tree no longer has the root of checkpoint " + size + "; refusing to sign)");
		}
		numberEntries(ids, size);
		tiles.write(grown.written(), grown.superseded());
		long newSize = size + leaves.size();
		Checkpoint checkpoint = new Checkpoint(origin, newSize, grown.nodes().root(newSize), List.of());
		String note = keys.signer.sign(checkpoint.text()).format();
		jdbc.update("INSERT INTO ledger_checkpoint (size, root_hash, note, signed_at) VALUES (?,?,?,?)", newSize,
				checkpoint.rootHash(), note, Timestamp.from(Instant.now()));
		jdbc.update("UPDATE ledger_state SET size = ? WHERE id = 1", newSize);
		return leaves.size() == batchSize;
	}

	/**
	 * Gives the entries indices from {@code first} on and takes them off the queue, one statement each per run of
	 * consecutive ids. Every id of a run was read from the queue, so a statement over the run's id range touches
	 * exactly those entries, even in a new snapshot (an entry committed meanwhile has an id outside every run).
	 */
	private void numberEntries(List<long[]> ids, long first) {
		List<long[]> runs = new ArrayList<>(); // {first id, last id, first index}
		long index = first;
		for (long[] id : ids) {
			long[] run = runs.isEmpty() ? null : runs.get(runs.size() - 1);
			if (run != null && run[1] + 1 == id[0]) {
				run[1] = id[0];
			}
			else {
				runs.add(new long[] { id[0], id[0], index });
			}
			index++;
		}
		requireAll(runs, "numbered", jdbc.batchUpdate("INSERT INTO ledger_leaf (idx, entry_id) SELECT entry_id + ?, entry_id "
				+ "FROM ledger_queue WHERE entry_id BETWEEN ? AND ?", runs, 1000, (ps, run) -> {
					ps.setLong(1, run[2] - run[0]);
					ps.setLong(2, run[0]);
					ps.setLong(3, run[1]);
				}));
		requireAll(runs, "dequeued", jdbc.batchUpdate("DELETE FROM ledger_queue WHERE entry_id BETWEEN ? AND ?", runs, 1000,
				(ps, run) -> {
					ps.setLong(1, run[0]);
					ps.setLong(2, run[1]);
				}));
	}

	private static void requireAll(List<long[]> runs, String what, int[][] counts) {
		int i = 0;
		for (int[] batch : counts) {
			for (int n : batch) {
				long[] run = runs.get(i++);
				if (n != Statement.SUCCESS_NO_INFO && n != run[1] - run[0] + 1) {
					throw new IllegalStateException(what + " " + n + " entries of ids " + run[0] + ".." + run[1]);
				}
			}
		}
	}

	@Override
	public NoteVerifier verifier() {
		return keys.verifier;
	}

	@Override
	public byte[] commitment(byte[] data) {
		return keys.commitment(data);
	}

	String origin() {
		return origin;
	}

	TileStore tileStore() {
		return tiles;
	}

	/** The committed tree; each tile is looked up once per proof, however many of its nodes the proof uses. */
	private TreeNodes committedNodes() {
		java.util.Map<Long, Tile> used = new java.util.HashMap<>();
		return TreeNodes.of((level, index, minWidth) -> {
			Long key = ((long) level << 56) | index;
			Tile tile = used.get(key);
			if (tile == null || tile.width < minWidth) {
				tile = tiles.committed(level, index, minWidth);
				used.put(key, tile);
			}
			return tile;
		});
	}

	private void requireSigned(long size, String name) {
		if (size < 0) {
			throw new IllegalArgumentException(name + " " + size + " is negative");
		}
		long signed = signedSize(size);
		if (size > signed) {
			throw new IllegalArgumentException(name + " " + size + " is beyond the latest checkpoint's size " + signed);
		}
	}

	private void requireIndex(long index) {
		if (index < 0) {
			throw new IllegalArgumentException("index " + index + " is negative");
		}
		long signed = signedSize(index + 1);
		if (index >= signed) {
			throw new IllegalArgumentException("index " + index + " is not below the latest checkpoint's size " + signed);
		}
	}

	private SignedCheckpoint toCheckpoint(String note) {
		SignedNote parsed = SignedNote.parse(note.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return new SignedCheckpoint(Checkpoint.parse(parsed.text()), note);
	}

	private static void requireTransaction() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new org.springframework.transaction.IllegalTransactionStateException(
					"Ledger.append must run in the caller's transaction (propagation MANDATORY)");
		}
	}
}
