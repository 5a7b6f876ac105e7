package org.madoguchi.ledger;

import java.util.List;

/**
 * An inclusion proof (包含証明, audit path): the hashes, from the leaf's sibling up to the root, that prove leaf
 * {@code leafIndex} is in the tree of {@code treeSize} leaves. Hashes are copied in and out, so the proof cannot
 * be changed after it was made.
 *
 * <p>Indexes and sizes are uint64 in RFC 9162; here they are {@code long}, and negative values (uint64 values from
 * 2^63 up) are refused, as no log can grow that large.
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {

	public InclusionProof {
		path = ProofPaths.copy(path);
	}

	@Override
	public List<byte[]> path() {
		return ProofPaths.copy(path);
	}

	/**
	 * Checks the proof against a leaf hash and a root hash by RFC 9162 section 2.1.3.2. Every hash must be 32
	 * bytes; the index must be below the size; the path must have exactly the length the algorithm consumes.
	 *
	 * @throws InvalidProofException saying why the proof does not hold
	 */
	public void verify(byte[] leafHash, byte[] rootHash) {
		Hashes.requireHash(leafHash, "leafHash");
		Hashes.requireHash(rootHash, "rootHash");
		ProofPaths.requireHashes(path);
		if (treeSize <= 0 || leafIndex < 0 || leafIndex >= treeSize) {
			throw new InvalidProofException("葉の番号が木の範囲外です (leafIndex " + leafIndex + " is not in a tree of size "
					+ treeSize + ")");
		}
		long fn = leafIndex;
		long sn = treeSize - 1;
		byte[] r = leafHash;
		for (byte[] p : path) {
			if (sn == 0) {
				throw new InvalidProofException("証明が長すぎます (path is longer than the tree is deep)");
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = Hashes.node(p, r);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				r = Hashes.node(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		if (sn != 0) {
			throw new InvalidProofException("証明が短すぎます (path is shorter than the tree is deep)");
		}
		if (!Hashes.same(r, rootHash)) {
			throw new InvalidProofException("ルートハッシュが一致しません (computed root does not match rootHash)");
		}
	}
}
