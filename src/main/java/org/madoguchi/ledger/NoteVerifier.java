package org.madoguchi.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/**
 * A verifier key (検証鍵) of a signed note: a key name, its key ID and an Ed25519 public key, written as
 * {@code <name>+<8 hex digits key ID>+<base64(0x01 || 32-byte public key)>}.
 */
public record NoteVerifier(String name, int keyId, PublicKey publicKey) {

	public NoteVerifier {
		NoteKeys.requireName(name);
		if (keyId != NoteKeys.keyId(name, NoteKeys.rawPublicKey(publicKey))) {
			throw new InvalidNoteException("鍵IDが名前と公開鍵に合いません (key ID does not match the name and public key)");
		}
	}

	/** The verifier for an Ed25519 public key under the given name. */
	public static NoteVerifier of(String name, PublicKey publicKey) {
		NoteKeys.requireName(name);
		return new NoteVerifier(name, NoteKeys.keyId(name, NoteKeys.rawPublicKey(publicKey)), publicKey);
	}

	/** Reads a verifier key string; the key ID in it must match the name and key. */
	public static NoteVerifier parse(String verifierKey) {
		String[] parts = verifierKey.strip().split("\\+", 3);
		if (parts.length != 3) {
			throw new InvalidNoteException("検証鍵は「名前+鍵ID+鍵」の形ではありません (verifier key must be <name>+<key ID>+<key>)");
		}
		int keyId = NoteKeys.parseHexId(parts[1], "verifier");
		NoteKeys.requireName(parts[0]);
		return new NoteVerifier(parts[0], keyId, NoteKeys.publicKey(NoteKeys.typedKey(parts[2], "verifier key")));
	}

	/** The verifier key string, to publish. */
	public String format() {
		return name + "+" + NoteKeys.hexId(keyId) + "+" + NoteKeys.typedKeyBase64(NoteKeys.rawPublicKey(publicKey));
	}

	/**
	 * Checks that the note carries a valid signature by this key. Signatures by other keys are ignored, as the
	 * signed-note specification says; a signature that claims this key's name and ID but does not verify fails
	 * the note.
	 *
	 * @throws InvalidNoteException when no signature by this key verifies, or one is forged
	 */
	public void verify(SignedNote note) {
		byte[] text = note.text().getBytes(StandardCharsets.UTF_8);
		boolean signed = false;
		for (NoteSignature signature : note.signatures()) {
			if (signature.keyId() == keyId && signature.keyName().equals(name)) {
				if (!verifies(text, signature.signature())) {
					throw new InvalidNoteException("「" + name + "」の署名が正しくありません (signature by " + name + " does not verify)");
				}
				signed = true;
			}
		}
		if (!signed) {
			throw new InvalidNoteException("「" + name + "」の署名がありません (note has no signature by " + name + ")");
		}
	}

	/** Reads and verifies a note in one step. */
	public SignedNote open(byte[] note) {
		SignedNote parsed = SignedNote.parse(note);
		verify(parsed);
		return parsed;
	}

	private boolean verifies(byte[] text, byte[] signature) {
		if (signature.length != NoteKeys.SIGNATURE_SIZE) {
			return false;
		}
		try {
			Signature ed25519 = Signature.getInstance("Ed25519");
			ed25519.initVerify(publicKey);
			ed25519.update(text);
			return ed25519.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false; // a malformed signature is just an invalid one
		}
	}
}
