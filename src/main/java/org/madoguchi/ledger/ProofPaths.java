package org.madoguchi.ledger;

import java.util.List;

/** Copying and checking the hash lists of proofs. */
final class ProofPaths {

	private ProofPaths() {
	}

	/** A deep, unmodifiable copy; a null list (as JSON {@code null} gives) is an empty path. */
	static List<byte[]> copy(List<byte[]> path) {
		if (path == null) {
			return List.of();
		}
		return path.stream().map(hash -> hash == null ? null : hash.clone()).toList();
	}

	static void requireHashes(List<byte[]> path) {
		for (int i = 0; i < path.size(); i++) {
			Hashes.requireHash(path.get(i), "path[" + i + "]");
		}
	}
}
