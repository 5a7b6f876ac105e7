package org.madoguchi.ledger;

import java.util.Arrays;

/**
 * One C2SP tlog-tiles hash tile (ハッシュタイル): up to 256 hashes at tree height {@code 8 * level}, the first being
 * the subtree numbered {@code index * 256}. A node inside the tile is hashed from the hashes it covers when asked
 * for (an inclusion proof needs 247 of the 255 inner hashes, all in one path, so nothing is kept), unless
 * {@link #keepInnerNodes} was called: then the hashes of the seven heights in between are computed once and kept
 * with the tile (twice the memory), as the tile store does for the few upper-level tiles that every proof uses.
 */
final class Tile {

	static final int HEIGHT = 8;

	static final int WIDTH = 1 << HEIGHT;

	final int level;

	final long index;

	final int width;

	private final byte[] hashes;

	private volatile byte[][] inner;

	Tile(int level, long index, byte[] hashes) {
		if (hashes.length == 0 || hashes.length % Hashes.SIZE != 0 || hashes.length > WIDTH * Hashes.SIZE) {
			throw new IllegalStateException("tile " + level + "/" + index + " has " + hashes.length
					+ " bytes, not 1..256 hashes of 32 bytes");
		}
		this.level = level;
		this.index = index;
		this.width = hashes.length / Hashes.SIZE;
		this.hashes = hashes;
	}

	boolean full() {
		return width == WIDTH;
	}

	/** The stored bytes of the first {@code w} hashes (a partial tile of width w is a prefix of any wider one). */
	byte[] bytes(int w) {
		return w == width ? hashes.clone() : Arrays.copyOf(hashes, w * Hashes.SIZE);
	}

	byte[] hash(int i) {
		return Arrays.copyOfRange(hashes, i * Hashes.SIZE, (i + 1) * Hashes.SIZE);
	}

	/** The node {@code height} (0..8) levels above this tile's hashes, numbered from the tile's start. */
	byte[] node(int height, int i) {
		if (height == 0) {
			return hash(i);
		}
		int n = 1 << height;
		if ((i + 1) * n > width) {
			throw new IllegalStateException("node " + height + "/" + i + " is not complete in tile " + this.level + "/"
					+ index + " of width " + width);
		}
		byte[][] levels = inner;
		if (levels != null) {
			return Arrays.copyOfRange(levels[height], i * Hashes.SIZE, (i + 1) * Hashes.SIZE);
		}
		byte[] buffer = Arrays.copyOfRange(hashes, i * n * Hashes.SIZE, (i + 1) * n * Hashes.SIZE);
		for (int count = n; count > 1; count /= 2) {
			for (int j = 0; j < count / 2; j++) {
				Hashes.node(buffer, 2 * j * Hashes.SIZE, buffer, j * Hashes.SIZE); // j*32 <= 2j*32: already read
			}
		}
		return Arrays.copyOf(buffer, Hashes.SIZE);
	}

	/** The hash of all 256 hashes: the tile's node at the next tile level. */
	byte[] root() {
		return node(HEIGHT, 0);
	}

	/** Computes every inner node now and keeps them, so that later {@link #node} calls hash nothing. */
	Tile keepInnerNodes() {
		if (inner == null) {
			inner = innerLevels();
		}
		return this;
	}

	private byte[][] innerLevels() {
		byte[][] levels = new byte[HEIGHT + 1][];
		levels[0] = hashes;
		for (int h = 1; h <= HEIGHT; h++) {
			byte[] below = levels[h - 1];
			int n = below.length / Hashes.SIZE / 2;
			byte[] out = new byte[n * Hashes.SIZE];
			for (int i = 0; i < n; i++) {
				Hashes.node(below, 2 * i * Hashes.SIZE, out, i * Hashes.SIZE);
			}
			levels[h] = out;
		}
		return levels;
	}
}
