package org.madoguchi.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * A consistency proof (一貫性証明): the hashes that prove the tree of {@code size1} leaves is a prefix of the tree of
 * {@code size2} leaves, i.e. the log only appended entries between the two tree heads.
 *
 * <p>Indexes and sizes are uint64 in RFC 9162; here they are {@code long}, and negative values (uint64 values from
 * 2^63 up) are refused, as no log can grow that large.
 */
public record ConsistencyProof(long size1, long size2, List<byte[]> path) {

	public ConsistencyProof {
		path = ProofPaths.copy(path);
	}

	@Override
	public List<byte[]> path() {
		return ProofPaths.copy(path);
	}

	/**
	 * Checks the proof against the two root hashes by RFC 9162 section 2.1.4.2, with the edge cases of the
	 * transparency-dev/merkle verifier: size1 &gt; size2 fails; size1 = 0 fails (even when size2 = 0: nothing is
	 * proved about an empty tree); equal sizes need an empty path and byte-equal roots; otherwise the path must not
	 * be empty.
	 *
	 * <p>Decision: both roots must be 32-byte SHA-256 hashes in every case, also when the sizes are equal. The
	 * upstream vector {@code sizes-are-equal-one-and-proof-is-empty} accepts two equal 12-byte "roots"; we refuse
	 * it, because a root of another length can never be the root of a SHA-256 tree.
	 *
	 * @throws InvalidProofException saying why the proof does not hold
	 */
	public void verify(byte[] root1, byte[] root2) {
		Hashes.requireHash(root1, "root1");
		Hashes.requireHash(root2, "root2");
		ProofPaths.requireHashes(path);
		if (size1 <= 0 || size1 > size2) {
			throw new InvalidProofException("木の大きさが不正です (size1 " + size1 + " must be in 1..size2 " + size2 + ")");
		}
		if (size1 == size2) {
			if (!path.isEmpty()) {
				throw new InvalidProofException("同じ大きさの木に証明は不要です (path must be empty when size1 = size2)");
			}
			if (!Hashes.same(root1, root2)) {
				throw new InvalidProofException("同じ大きさの木のルートが異なります (root1 differs from root2 at equal sizes)");
			}
			return;
		}
		if (path.isEmpty()) {
			throw new InvalidProofException("証明が空です (path is empty)");
		}
		List<byte[]> hashes = new ArrayList<>(path);
		if (Long.bitCount(size1) == 1) {
			// The old tree is a complete subtree of the new one, so its root is the proof's first hash.
			hashes.add(0, root1);
		}
		long fn = size1 - 1;
		long sn = size2 - 1;
		while ((fn & 1) == 1) {
			fn >>= 1;
			sn >>= 1;
		}
		byte[] fr = hashes.get(0);
		byte[] sr = hashes.get(0);
		for (byte[] c : hashes.subList(1, hashes.size())) {
			if (sn == 0) {
				throw new InvalidProofException("証明が長すぎます (path is longer than the trees need)");
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = Hashes.node(c, fr);
				sr = Hashes.node(c, sr);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				sr = Hashes.node(sr, c);
			}
			fn >>= 1;
			sn >>= 1;
		}
		if (sn != 0) {
			throw new InvalidProofException("証明が短すぎます (path is shorter than the trees need)");
		}
		if (!Hashes.same(fr, root1)) {
			throw new InvalidProofException("古いルートが一致しません (computed root1 does not match root1)");
		}
		if (!Hashes.same(sr, root2)) {
			throw new InvalidProofException("新しいルートが一致しません (computed root2 does not match root2)");
		}
	}
}
