package org.madoguchi.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * Tree hashes from complete subtrees: {@link #node} gives the hash of the 2^height leaves starting at
 * {@code index * 2^height}; root, inclusion and consistency proofs follow RFC 9162 section 2.1 with 64-bit sizes,
 * asking only for O(log n) such nodes.
 */
@FunctionalInterface
interface TreeNodes {

	/** The hash of the complete subtree of 2^height leaves numbered {@code index} at that height. */
	byte[] node(int height, long index);

	/** MTH(D[from:to]); {@code from} is a multiple of the largest power of two below {@code to - from}, as in RFC 9162. */
	default byte[] hash(long from, long to) {
		long n = to - from;
		if (n == 0) {
			return MerkleTree.emptyRoot();
		}
		if (Long.bitCount(n) == 1 && from % n == 0) {
			return node(Long.numberOfTrailingZeros(n), from / n);
		}
		long k = largestPowerOfTwoBelow(n);
		return Hashes.node(hash(from, from + k), hash(from + k, to));
	}

	default byte[] root(long size) {
		return hash(0, size);
	}

	default InclusionProof inclusionProof(long index, long size) {
		if (index < 0 || index >= size) {
			throw new IllegalArgumentException("index " + index + " is not in a tree of size " + size);
		}
		List<byte[]> path = new ArrayList<>();
		addPath(index, 0, size, path);
		return new InclusionProof(index, size, path);
	}

	default ConsistencyProof consistencyProof(long size1, long size2) {
		if (size1 <= 0 || size1 > size2) {
			throw new IllegalArgumentException("size1 " + size1 + " must be in 1.." + size2);
		}
		List<byte[]> path = new ArrayList<>();
		if (size1 < size2) {
			addSubproof(size1, 0, size2, true, path);
		}
		return new ConsistencyProof(size1, size2, path);
	}

	/** PATH(m, D[from:to]); the deepest sibling first. */
	private void addPath(long m, long from, long to, List<byte[]> path) {
		long n = to - from;
		if (n <= 1) {
			return;
		}
		long k = largestPowerOfTwoBelow(n);
		if (m < k) {
			addPath(m, from, from + k, path);
			path.add(hash(from + k, to));
		}
		else {
			addPath(m - k, from + k, to, path);
			path.add(hash(from, from + k));
		}
	}

	/** SUBPROOF(m, D[from:to], b). */
	private void addSubproof(long m, long from, long to, boolean wholeSubtree, List<byte[]> path) {
		long n = to - from;
		if (m == n) {
			if (!wholeSubtree) {
				path.add(hash(from, to));
			}
			return;
		}
		long k = largestPowerOfTwoBelow(n);
		if (m <= k) {
			addSubproof(m, from, from + k, wholeSubtree, path);
			path.add(hash(from + k, to));
		}
		else {
			addSubproof(m - k, from + k, to, false, path);
			path.add(hash(from, from + k));
		}
	}

	static long largestPowerOfTwoBelow(long n) {
		return Long.highestOneBit(n - 1);
	}

	/** Nodes read from hash tiles: tile (height / 8) holds the nodes at height 8 * (height / 8). */
	static TreeNodes of(TileReader tiles) {
		return (height, index) -> {
			int level = height / Tile.HEIGHT;
			int above = height % Tile.HEIGHT;
			long first = index << above; // first node at the tile's height
			long tileIndex = first >>> Tile.HEIGHT;
			int offset = (int) (first & (Tile.WIDTH - 1));
			Tile tile = tiles.tile(level, tileIndex, offset + (1 << above));
			return tile.node(above, offset >> above);
		};
	}

	/** Finds a tile with at least {@code minWidth} hashes. */
	@FunctionalInterface
	interface TileReader {

		Tile tile(int level, long index, int minWidth);
	}
}
