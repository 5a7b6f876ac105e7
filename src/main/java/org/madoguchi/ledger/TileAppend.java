package org.madoguchi.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Extends the hash tiles by a batch of leaf hashes: the right-most partial tile of each level is completed or
 * widened, new tiles follow, and each tile that becomes full adds its root to the level above.
 *
 * @param written every new tile row (full or partial)
 * @param superseded the partial rows that the new rows widen
 * @param nodes the tree after the batch: new tiles from memory, the others from {@code committed}
 */
record TileAppend(List<Tile> written, List<Tile> superseded, TreeNodes nodes) {

	/** Reads the widest stored row of a tile, or null. */
	@FunctionalInterface
	interface EdgeReader {

		Tile read(int level, long index);
	}

	static TileAppend append(long oldSize, List<byte[]> leafHashes, EdgeReader edge, TreeNodes.TileReader committed) {
		List<Tile> written = new ArrayList<>();
		List<Tile> superseded = new ArrayList<>();
		Map<Long, Tile> fresh = new HashMap<>();
		List<byte[]> hashes = leafHashes;
		long count = oldSize;
		for (int level = 0; !hashes.isEmpty(); level++) {
			long tileIndex = count >>> Tile.HEIGHT;
			int have = (int) (count & (Tile.WIDTH - 1));
			byte[] buffer = new byte[(have + hashes.size()) * Hashes.SIZE];
			if (have > 0) {
				Tile old = edge.read(level, tileIndex);
				if (old == null || old.width != have) {
					throw new IllegalStateException("tile " + level + "/" + tileIndex + " should hold " + have
							+ " hashes but holds " + (old == null ? 0 : old.width) + ": the stored tree is damaged");
				}
				System.arraycopy(old.bytes(have), 0, buffer, 0, have * Hashes.SIZE);
				superseded.add(old);
			}
			for (int i = 0; i < hashes.size(); i++) {
				System.arraycopy(hashes.get(i), 0, buffer, (have + i) * Hashes.SIZE, Hashes.SIZE);
			}
			List<byte[]> above = new ArrayList<>();
			int total = have + hashes.size();
			for (int off = 0; off < total; off += Tile.WIDTH, tileIndex++) {
				int w = Math.min(Tile.WIDTH, total - off);
				byte[] part = new byte[w * Hashes.SIZE];
				System.arraycopy(buffer, off * Hashes.SIZE, part, 0, part.length);
				Tile tile = new Tile(level, tileIndex, part);
				written.add(tile);
				fresh.put(key(level, tileIndex), tile);
				if (tile.full()) {
					above.add(tile.root());
				}
			}
			hashes = above;
			count >>>= Tile.HEIGHT;
		}
		TreeNodes nodes = TreeNodes.of((level, index, minWidth) -> {
			Tile tile = fresh.get(key(level, index));
			return tile != null ? tile : committed.tile(level, index, minWidth);
		});
		return new TileAppend(written, superseded, nodes);
	}

	private static long key(int level, long index) {
		return ((long) level << 56) | index;
	}
}
