package org.madoguchi.registry;

/**
 * A 個人番号 as stored: AES-GCM ciphertext (Base64) and a keyed hash for uniqueness checks. Opaque
 * outside the register; only {@link MyNumberCipher} can open it, and only for an authorized,
 * logged reveal.
 */
public record EncryptedMyNumber(String ciphertext, String hmac) {

	@Override
	public String toString() {
		return "EncryptedMyNumber[****]";
	}
}
