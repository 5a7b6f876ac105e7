package org.madoguchi.accounts;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (ワンタイムパスワード) after RFC 6238 with the parameters every authenticator
 * app uses: HMAC-SHA1, 30-second steps, 6 digits. A code is accepted one step before and after the current
 * one (clocks drift; typing takes time).
 */
final class Totp {

	static final int DIGITS = 6;
	static final long STEP_SECONDS = 30;
	static final int SECRET_BYTES = 20;

	private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

	private Totp() {
	}

	/** The step (T in RFC 6238) an instant falls in. */
	static long step(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
	}

	/** The code for a step, {@code digits} long with leading zeros (RFC 4226 §5.3 dynamic truncation). */
	static String code(byte[] secret, long step, int digits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = h[h.length - 1] & 0x0f;
			int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
					| (h[offset + 3] & 0xff);
			String code = Integer.toString(binary % POWERS[digits]);
			return "0".repeat(digits - code.length()) + code;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The step whose code {@code code} is, among the current step and one on either side; every candidate
	 * is compared in constant time, so the answer's timing says nothing about which digits were right.
	 */
	static OptionalLong match(byte[] secret, String code, long currentStep) {
		if (code == null || code.length() != DIGITS) {
			return OptionalLong.empty();
		}
		byte[] typed = code.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		long found = Long.MIN_VALUE;
		for (long step = currentStep - 1; step <= currentStep + 1; step++) {
			byte[] expected = code(secret, step, DIGITS).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
			if (MessageDigest.isEqual(expected, typed) && found == Long.MIN_VALUE) {
				found = step;
			}
		}
		return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
	}

	/** RFC 4648 base32 without padding: how the secret is typed into an app or put in the otpauth URI. */
	static String base32(byte[] bytes) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}
}
