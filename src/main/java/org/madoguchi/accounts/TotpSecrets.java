package org.madoguchi.accounts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * The keys of the second factor, from {@code madoguchi.accounts.totp-key} (32 bytes, Base64): TOTP secrets
 * are stored encrypted with AES-256-GCM (random 96-bit nonce, the account id as associated data, so that a
 * row copied to another account does not decrypt), and recovery codes as HMAC-SHA-256 under a second key
 * derived from the same one. A copy of the database alone neither gives the secrets nor lets anyone test
 * guesses of recovery codes offline. Without a key (only outside production, see
 * {@link AccountsProductionGuard}) the second factor cannot be set up.
 */
@Component
class TotpSecrets {

	private static final int NONCE_BYTES = 12;

	private final SecretKeySpec encryptionKey;
	private final SecretKeySpec codeKey;
	private final SecureRandom random = new SecureRandom();

	TotpSecrets(AccountSecurityProperties settings) {
		if (settings.totpKey().isEmpty()) {
			this.encryptionKey = null;
			this.codeKey = null;
			return;
		}
		byte[] master;
		try {
			master = Base64.getDecoder().decode(settings.totpKey());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("madoguchi.accounts.totp-key is not Base64", e);
		}
		if (master.length != 32) {
			throw new IllegalStateException("madoguchi.accounts.totp-key must be 32 bytes (Base64 of 32 random bytes, "
					+ "e.g. `openssl rand -base64 32`), got " + master.length);
		}
		this.encryptionKey = new SecretKeySpec(derive(master, "totp-secret"), "AES");
		this.codeKey = new SecretKeySpec(derive(master, "recovery-code"), "HmacSHA256");
	}

	boolean configured() {
		return encryptionKey != null;
	}

	byte[] newSecret() {
		byte[] secret = new byte[Totp.SECRET_BYTES];
		random.nextBytes(secret);
		return secret;
	}

	byte[] encrypt(UUID account, byte[] secret) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
			cipher.updateAAD(bytes(account));
			byte[] sealed = cipher.doFinal(secret);
			return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	byte[] decrypt(UUID account, byte[] stored) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, stored, 0, NONCE_BYTES));
			cipher.updateAAD(bytes(account));
			return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("a TOTP secret could not be decrypted (wrong madoguchi.accounts.totp-key?)", e);
		}
	}

	/** The stored form of a recovery code (already normalised) of an account. */
	String codeHash(UUID account, String code) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(codeKeyOrFail());
			mac.update(bytes(account));
			return HexFormat.of().formatHex(mac.doFinal(code.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private SecretKeySpec key() {
		if (encryptionKey == null) {
			throw new IllegalStateException("madoguchi.accounts.totp-key is not set");
		}
		return encryptionKey;
	}

	private SecretKeySpec codeKeyOrFail() {
		key();
		return codeKey;
	}

	private static byte[] bytes(UUID id) {
		return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
	}

	private static byte[] derive(byte[] key, String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(("madoguchi-accounts-" + purpose).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
