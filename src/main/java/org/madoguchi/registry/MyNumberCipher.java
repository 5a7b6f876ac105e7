package org.madoguchi.registry;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts 個人番号 at rest with AES-256-GCM (random 96-bit nonce per value) and derives a keyed
 * HMAC-SHA-256 so that uniqueness can be checked without decrypting. Both keys come from
 * configuration ({@code madoguchi.register.my-number-key}, 32 bytes Base64); the HMAC key is derived
 * from it so that one secret is enough to operate.
 */
class MyNumberCipher {

	private static final int NONCE_BYTES = 12;

	private final SecretKeySpec encryptionKey;
	private final SecretKeySpec macKey;
	private final SecureRandom random = new SecureRandom();
	// Cipher and Mac are not thread-safe and costly to look up: one per thread
	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> instance(() -> Cipher.getInstance("AES/GCM/NoPadding")));
	private final ThreadLocal<Mac> macs;

	interface Factory<T> {
		T create() throws GeneralSecurityException;
	}

	private static <T> T instance(Factory<T> factory) {
		try {
			return factory.create();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	MyNumberCipher(byte[] masterKey) {
		if (masterKey.length != 32) {
			throw new IllegalArgumentException("madoguchi.register.my-number-key must be 32 bytes (Base64), got "
					+ masterKey.length);
		}
		this.encryptionKey = new SecretKeySpec(derive(masterKey, "encrypt"), "AES");
		this.macKey = new SecretKeySpec(derive(masterKey, "index"), "HmacSHA256");
		SecretKeySpec key = this.macKey;
		this.macs = ThreadLocal.withInitial(() -> instance(() -> {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac;
		}));
	}

	private static byte[] derive(byte[] key, String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(("madoguchi-my-number-" + purpose).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	EncryptedMyNumber encrypt(MyNumber myNumber) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(myNumber.value().getBytes(StandardCharsets.US_ASCII));
			byte[] out = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return new EncryptedMyNumber(Base64.getEncoder().encodeToString(out), hmac(myNumber));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	MyNumber decrypt(EncryptedMyNumber encrypted) {
		try {
			byte[] in = Base64.getDecoder().decode(encrypted.ciphertext());
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
			byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
			return new MyNumber(new String(plain, StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("個人番号 could not be decrypted (wrong key?)", e);
		}
	}

	String hmac(MyNumber myNumber) {
		return HexFormat.of().formatHex(macs.get().doFinal(myNumber.value().getBytes(StandardCharsets.US_ASCII)));
	}
}
