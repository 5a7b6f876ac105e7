package org.madoguchi.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.List;

/**
 * Signs notes, such as our own checkpoints, with an Ed25519 private key (署名鍵). The key ID comes with the key:
 * computed from the public key for a key pair, or read from a Go {@code sumdb/note} private key string
 * {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || 32-byte seed)>}.
 */
public record NoteSigner(String name, int keyId, PrivateKey privateKey) {

	private static final String PRIVATE_KEY_PREFIX = "PRIVATE+KEY+";

	public NoteSigner {
		NoteKeys.requireName(name);
		if (!"EdDSA".equals(privateKey.getAlgorithm()) && !"Ed25519".equals(privateKey.getAlgorithm())) {
			throw new IllegalArgumentException("not an Ed25519 private key: " + privateKey.getAlgorithm());
		}
	}

	/** A signer for an Ed25519 key pair; {@code NoteVerifier.of(name, keyPair.getPublic())} is its verifier. */
	public static NoteSigner of(String name, KeyPair keyPair) {
		return new NoteSigner(name, NoteVerifier.of(name, keyPair.getPublic()).keyId(), keyPair.getPrivate());
	}

	/** Reads a private key string; its key ID cannot be checked here, because the JDK does not derive the public key. */
	public static NoteSigner parse(String privateKey) {
		String key = privateKey.strip();
		if (!key.startsWith(PRIVATE_KEY_PREFIX)) {
			throw new InvalidNoteException("秘密鍵が「PRIVATE+KEY+」で始まっていません (private key must start with PRIVATE+KEY+)");
		}
		String[] parts = key.substring(PRIVATE_KEY_PREFIX.length()).split("\\+", 3);
		if (parts.length != 3) {
			throw new InvalidNoteException("秘密鍵の形が不正です (private key must be PRIVATE+KEY+<name>+<key ID>+<key>)");
		}
		int keyId = NoteKeys.parseHexId(parts[1], "private");
		return new NoteSigner(parts[0], keyId, NoteKeys.privateKey(NoteKeys.typedKey(parts[2], "private key")));
	}

	/** Signs a note text (lines ending in newlines) and returns the note with this one signature line. */
	public SignedNote sign(String text) {
		SignedNote.requireText(text);
		try {
			Signature ed25519 = Signature.getInstance("Ed25519");
			ed25519.initSign(privateKey);
			ed25519.update(text.getBytes(StandardCharsets.UTF_8));
			return new SignedNote(text, List.of(new NoteSignature(name, keyId, ed25519.sign())));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 signing failed", ex);
		}
	}
}
