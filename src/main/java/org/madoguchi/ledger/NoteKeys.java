package org.madoguchi.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** Key names, key IDs and raw Ed25519 keys of C2SP signed notes, shared by signer and verifier. */
final class NoteKeys {

	/** Signature type byte of Ed25519 in signed-note keys. */
	static final byte ED25519 = 0x01;

	static final int RAW_KEY_SIZE = 32;

	static final int SIGNATURE_SIZE = 64;

	/** DER prefix that turns a raw Ed25519 public key into an X.509 SubjectPublicKeyInfo (RFC 8410). */
	private static final byte[] PUBLIC_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	/** DER prefix that turns a raw Ed25519 seed into a PKCS #8 PrivateKeyInfo (RFC 8410). */
	private static final byte[] PRIVATE_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

	private static final int MAX_NAME_LENGTH = 256;

	private NoteKeys() {
	}

	/** Key names are non-empty and have no '+' and no white space (signed-note "Verifier keys"). */
	static void requireName(String name) {
		boolean bad = name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.indexOf('+') >= 0
				|| name.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
						|| Character.isISOControl(c));
		if (bad) {
			throw new InvalidNoteException("鍵の名前が不正です (key name must be 1.." + MAX_NAME_LENGTH
					+ " characters without '+', spaces or control characters)");
		}
	}

	/** SHA-256(name || 0x0A || type || public key)[:4], big-endian. */
	static int keyId(String name, byte[] rawPublicKey) {
		byte[] hash = Hashes.sha256(name.getBytes(StandardCharsets.UTF_8), new byte[] { '\n', ED25519 }, rawPublicKey);
		return ByteBuffer.wrap(hash, 0, 4).getInt();
	}

	static String hexId(int keyId) {
		return HexFormat.of().toHexDigits(keyId);
	}

	static int parseHexId(String hex, String what) {
		if (!hex.matches("[0-9a-f]{8}")) {
			throw new InvalidNoteException(what + "の鍵IDが8桁の小文字16進数ではありません (" + what
					+ " key ID must be 8 lowercase hex digits)");
		}
		return HexFormat.fromHexDigits(hex);
	}

	/** Base64 with padding, refusing any text that is not the canonical encoding of its bytes. */
	static byte[] strictBase64(String text, String what) {
		try {
			byte[] bytes = Base64.getDecoder().decode(text);
			if (Base64.getEncoder().encodeToString(bytes).equals(text)) {
				return bytes;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below, like every other non-canonical form
		}
		throw new InvalidNoteException(what + "が正しいBase64ではありません (" + what + " is not canonical padded base64)");
	}

	/** The 32 key bytes after the 0x01 type byte of a key string's base64 part. */
	static byte[] typedKey(String base64, String what) {
		byte[] typed = strictBase64(base64, what);
		if (typed.length != 1 + RAW_KEY_SIZE || typed[0] != ED25519) {
			throw new InvalidNoteException(what + "はEd25519の鍵ではありません (" + what
					+ " must be type byte 0x01 followed by a 32-byte Ed25519 key)");
		}
		return Arrays.copyOfRange(typed, 1, typed.length);
	}

	static String typedKeyBase64(byte[] raw) {
		return Base64.getEncoder().encodeToString(concat(new byte[] { ED25519 }, raw));
	}

	static PublicKey publicKey(byte[] raw) {
		try {
			return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(PUBLIC_PREFIX, raw)));
		}
		catch (GeneralSecurityException ex) {
			throw new InvalidNoteException("Ed25519の公開鍵を読めません (cannot decode Ed25519 public key: " + ex.getMessage() + ")");
		}
	}

	static PrivateKey privateKey(byte[] seed) {
		try {
			return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PRIVATE_PREFIX, seed)));
		}
		catch (GeneralSecurityException ex) {
			throw new InvalidNoteException("Ed25519の秘密鍵を読めません (cannot decode Ed25519 private key: " + ex.getMessage() + ")");
		}
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	/** The raw 32 bytes of a JDK Ed25519 public key (the end of its X.509 encoding). */
	static byte[] rawPublicKey(PublicKey key) {
		byte[] encoded = key.getEncoded();
		if (!"X.509".equals(key.getFormat()) || encoded.length != PUBLIC_PREFIX.length + RAW_KEY_SIZE
				|| !Arrays.equals(encoded, 0, PUBLIC_PREFIX.length, PUBLIC_PREFIX, 0, PUBLIC_PREFIX.length)) {
			throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
		}
		return Arrays.copyOfRange(encoded, PUBLIC_PREFIX.length, encoded.length);
	}
}
