package org.madoguchi.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 and the RFC 6962 domain-separated leaf and node hashes. */
final class Hashes {

	/** Every hash in the log (leaf, node, root, proof element) is a SHA-256 value of this many bytes. */
	static final int SIZE = 32;

	private static final byte LEAF_PREFIX = 0x00;

	private static final byte NODE_PREFIX = 0x01;

	private Hashes() {
	}

	/** One digest per thread: getInstance costs about as much as hashing a node. */
	private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Hashes::newSha256);

	static byte[] sha256(byte[]... parts) {
		MessageDigest digest = SHA256.get();
		for (byte[] part : parts) {
			digest.update(part);
		}
		return digest.digest();
	}

	static byte[] leaf(byte[] data) {
		return sha256(new byte[] { LEAF_PREFIX }, data);
	}

	static byte[] node(byte[] left, byte[] right) {
		return sha256(new byte[] { NODE_PREFIX }, left, right);
	}

	/** The node hash of the two hashes at {@code in[from..from+64)}, written to {@code out[to..to+32)}. */
	static void node(byte[] in, int from, byte[] out, int to) {
		MessageDigest digest = SHA256.get();
		digest.update(NODE_PREFIX);
		digest.update(in, from, 2 * SIZE);
		try {
			digest.digest(out, to, SIZE);
		}
		catch (java.security.DigestException ex) {
			throw new IllegalStateException("a SHA-256 digest fits in 32 bytes", ex);
		}
	}

	/** Constant-time comparison, so that a verifier does not leak how many leading bytes matched. */
	static boolean same(byte[] a, byte[] b) {
		return MessageDigest.isEqual(a, b);
	}

	static void requireHash(byte[] hash, String what) {
		if (hash == null || hash.length != SIZE) {
			throw new InvalidProofException(what + " はSHA-256の32バイトではありません (" + what + " is not a 32-byte hash, got "
					+ (hash == null ? "none" : hash.length + " bytes") + ")");
		}
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}
}
