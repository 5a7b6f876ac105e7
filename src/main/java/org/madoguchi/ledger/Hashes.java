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

	static byte[] sha256(byte[]... parts) {
		MessageDigest digest = newSha256();
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
