package org.madoguchi.assistant;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature LINE puts on every webhook request ({@code X-Line-Signature}): Base64 of HMAC-SHA256 over the raw
 * body bytes, keyed with the channel secret. Always computed over the bytes as received: re-serialised JSON would
 * differ in spacing or escapes and never match.
 */
final class LineSignature {

	static final String HEADER = "X-Line-Signature";

	private static final String ALGORITHM = "HmacSHA256";

	private LineSignature() {
	}

	/** Base64(HMAC-SHA256(secret, body)). */
	static String sign(String channelSecret, byte[] body) {
		return Base64.getEncoder().encodeToString(mac(channelSecret, body));
	}

	/**
	 * Whether {@code signature} (the header's value, may be {@code null}) is the body's signature. Compared in
	 * constant time, so that timing does not tell an attacker how many leading bytes were right.
	 */
	static boolean verify(String channelSecret, byte[] body, String signature) {
		if (signature == null || signature.isBlank()) {
			return false;
		}
		byte[] given;
		try {
			given = Base64.getDecoder().decode(signature.strip());
		}
		catch (IllegalArgumentException notBase64) {
			return false;
		}
		return MessageDigest.isEqual(mac(channelSecret, body), given);
	}

	private static byte[] mac(String channelSecret, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(channelSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			// every Java runtime has HmacSHA256, and any non-empty key is valid for it
			throw new IllegalStateException(e);
		}
	}
}
