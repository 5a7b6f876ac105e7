package org.madoguchi.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle tree (マークル木) over leaf hashes, hashed as in RFC 6962 / RFC 9162 section 2.1: leaf hash
 * SHA-256(0x00 || data), interior node SHA-256(0x01 || left || right), empty tree SHA-256(""), and for n &gt; 1
 * leaves the left subtree holds the largest power of two k &lt; n. It computes roots of any prefix of its leaves
 * and generates inclusion proofs (RFC 9162 section 2.1.3.1) and consistency proofs (section 2.1.4.1).
 *
 * <p>The tree keeps the leaf hashes in memory and hashes from scratch on each call (O(n) per root); a stored log
 * will later keep interior hashes (tiles) instead.
 */
public final class MerkleTree {

	private final List<byte[]> leafHashes;

	/** A tree over the given leaf hashes (each 32 bytes, e.g. from {@link #leafHash(byte[])}), in order. */
	public MerkleTree(List<byte[]> leafHashes) {
		List<byte[]> copies = new ArrayList<>(leafHashes.size());
		for (int i = 0; i < leafHashes.size(); i++) {
			Hashes.requireHash(leafHashes.get(i), "leafHashes[" + i + "]");
			copies.add(leafHashes.get(i).clone());
		}
		this.leafHashes = List.copyOf(copies);
	}

	/** The RFC 6962 leaf hash SHA-256(0x00 || data) of one log entry. */
	public static byte[] leafHash(byte[] data) {
		return Hashes.leaf(data);
	}

	/** The RFC 6962 interior node hash SHA-256(0x01 || left || right). */
	public static byte[] nodeHash(byte[] left, byte[] right) {
		return Hashes.node(left, right);
	}

	/** The root of the empty tree, SHA-256 of no bytes. */
	public static byte[] emptyRoot() {
		return Hashes.sha256();
	}

	/** How many leaves the tree holds. */
	public long size() {
		return leafHashes.size();
	}

	/** The root hash (ルートハッシュ) of the whole tree. */
	public byte[] root() {
		return hash(0, leafHashes.size());
	}

	/** The root hash of the tree made of the first {@code treeSize} leaves, as it was when it had that size. */
	public byte[] root(long treeSize) {
		requireSize(treeSize, "treeSize");
		return hash(0, (int) treeSize);
	}

	/** The audit path proving that leaf {@code leafIndex} is in the tree of the first {@code treeSize} leaves. */
	public InclusionProof inclusionProof(long leafIndex, long treeSize) {
		requireSize(treeSize, "treeSize");
		if (leafIndex < 0 || leafIndex >= treeSize) {
			throw new IllegalArgumentException("leafIndex " + leafIndex + " is not in a tree of size " + treeSize);
		}
		return nodes().inclusionProof(leafIndex, treeSize);
	}

	/** The proof that the tree of the first {@code size1} leaves is a prefix of the tree of {@code size2}. */
	public ConsistencyProof consistencyProof(long size1, long size2) {
		requireSize(size2, "size2");
		if (size1 <= 0 || size1 > size2) {
			throw new IllegalArgumentException("size1 " + size1 + " must be in 1.." + size2);
		}
		return nodes().consistencyProof(size1, size2);
	}

	/** MTH(D[from:to]). */
	private byte[] hash(int from, int to) {
		int n = to - from;
		if (n == 0) {
			return emptyRoot();
		}
		if (n == 1) {
			return leafHashes.get(from).clone();
		}
		int k = largestPowerOfTwoBelow(n);
		return Hashes.node(hash(from, from + k), hash(from + k, to));
	}

	/** The same RFC 9162 proof algorithms as the stored log, over this tree's complete subtrees. */
	private TreeNodes nodes() {
		return (height, index) -> hash((int) (index << height), (int) ((index + 1) << height));
	}

	private void requireSize(long treeSize, String name) {
		if (treeSize < 0 || treeSize > leafHashes.size()) {
			throw new IllegalArgumentException(name + " " + treeSize + " must be in 0.." + leafHashes.size());
		}
	}

	/** The largest power of two strictly below n, for n &gt; 1. */
	static int largestPowerOfTwoBelow(int n) {
		return Integer.highestOneBit(n - 1);
	}
}
