package org.madoguchi.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hash tiles in table {@code ledger_tile}. Every stored prefix of a tile is final once committed (a full tile
 * never changes, a partial one only grows), so tiles read outside the sequencer's transaction may be cached on
 * every node: the cache keeps the widest row seen and reads again only when a wider one is needed.
 *
 * <p>Level-0 tiles (one per 256 entries, 8 KB each) are far too many to keep at 10,000,000 entries, so a proof
 * usually reads its level-0 tile; the upper levels are 256 times fewer and every proof passes through them, so they
 * have their own cache (with their inner nodes kept): up to {@code cacheSize} of each, so with the default 4096 the
 * upper levels stay in memory up to 268,435,456 entries (4096 × 8 KB + 4096 × 16 KB at most).
 */
final class TileStore {

	private final JdbcTemplate jdbc;

	private final Map<Long, Tile> leaves;

	private final Map<Long, Tile> upper;

	TileStore(JdbcTemplate jdbc, int cacheSize) {
		this.jdbc = jdbc;
		this.leaves = cacheSize <= 0 ? null : lru(cacheSize);
		this.upper = cacheSize <= 0 ? null : lru(cacheSize);
	}

	private static Map<Long, Tile> lru(int size) {
		return new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Long, Tile> eldest) {
				return size() > size;
			}
		};
	}

	/** A committed tile with at least {@code minWidth} hashes; fails when the log has no such tile. */
	Tile committed(int level, long index, int minWidth) {
		Long key = key(level, index);
		Map<Long, Tile> cache = level == 0 ? leaves : upper;
		if (cache != null) {
			Tile cached;
			synchronized (cache) {
				cached = cache.get(key);
			}
			if (cached != null && cached.width >= minWidth) {
				return cached;
			}
		}
		Tile tile = read(level, index);
		if (tile == null || tile.width < minWidth) {
			throw new IllegalStateException("tile " + level + "/" + index + " has " + (tile == null ? 0 : tile.width)
					+ " hashes, " + minWidth + " needed: the stored tree is shorter than its checkpoint");
		}
		if (cache != null) {
			if (level > 0) {
				tile.keepInnerNodes();
			}
			synchronized (cache) {
				Tile other = cache.get(key);
				if (other == null || other.width < tile.width) {
					cache.put(key, tile);
				}
			}
		}
		return tile;
	}

	/** The widest stored row of a tile, read now (within the caller's transaction); null when there is none. */
	Tile read(int level, long index) {
		List<byte[]> rows = jdbc.query("SELECT hashes FROM ledger_tile WHERE level = ? AND idx = ? ORDER BY width DESC "
				+ "FETCH FIRST 1 ROWS ONLY", (rs, i) -> rs.getBytes(1), level, index);
		return rows.isEmpty() ? null : new Tile(level, index, rows.get(0));
	}

	/** Writes new tile rows and removes the partial rows they supersede. */
	void write(List<Tile> tiles, List<Tile> superseded) {
		jdbc.batchUpdate("INSERT INTO ledger_tile (level, idx, width, hashes) VALUES (?,?,?,?)", tiles, 500,
				(ps, t) -> {
					ps.setInt(1, t.level);
					ps.setLong(2, t.index);
					ps.setInt(3, t.width);
					ps.setBytes(4, t.bytes(t.width));
				});
		for (Tile old : superseded) {
			jdbc.update("DELETE FROM ledger_tile WHERE level = ? AND idx = ? AND width <= ?", old.level, old.index,
					old.width);
		}
	}

	void clearCache() {
		for (Map<Long, Tile> cache : java.util.Arrays.asList(leaves, upper)) {
			if (cache != null) {
				synchronized (cache) {
					cache.clear();
				}
			}
		}
	}

	private static Long key(int level, long index) {
		return ((long) level << 56) | index;
	}
}
