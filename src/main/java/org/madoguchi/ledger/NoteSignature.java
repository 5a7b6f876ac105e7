package org.madoguchi.ledger;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * One signature line of a signed note (署名行): {@code — <keyName> base64(keyId || signature)}. For Ed25519 the
 * signature is 64 bytes; lines of other key types have other lengths and are kept as they are.
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

	/** The line prefix: U+2014 EM DASH and a space. */
	static final String PREFIX = "\u2014 ";

	public NoteSignature {
		NoteKeys.requireName(keyName);
		signature = signature.clone();
	}

	@Override
	public byte[] signature() {
		return signature.clone();
	}

	/** Reads one line (without its newline). */
	static NoteSignature parse(String line) {
		if (!line.startsWith(PREFIX)) {
			throw new InvalidNoteException("署名行が「— 」で始まっていません (signature line must start with U+2014 and a space)");
		}
		String rest = line.substring(PREFIX.length());
		int space = rest.indexOf(' ');
		if (space < 0) {
			throw new InvalidNoteException("署名行に鍵の名前と署名の区切りがありません (signature line needs \"<name> <base64>\")");
		}
		String name = rest.substring(0, space);
		byte[] idAndSignature = NoteKeys.strictBase64(rest.substring(space + 1), "signature");
		if (idAndSignature.length < 5) {
			throw new InvalidNoteException("署名が短すぎます (signature must hold a 4-byte key ID and at least one byte)");
		}
		ByteBuffer buffer = ByteBuffer.wrap(idAndSignature);
		int keyId = buffer.getInt();
		byte[] signature = new byte[buffer.remaining()];
		buffer.get(signature);
		return new NoteSignature(name, keyId, signature);
	}

	/** The line, without its newline. */
	String line() {
		byte[] idAndSignature = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
		return PREFIX + keyName + " " + Base64.getEncoder().encodeToString(idAndSignature);
	}
}
