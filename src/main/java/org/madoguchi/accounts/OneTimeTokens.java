package org.madoguchi.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Tokens for links in mails: 256 random bits, URL-safe. Only their SHA-256 is stored; a random token
 * that long needs no slow hash.
 */
final class OneTimeTokens {

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

	private OneTimeTokens() {
	}

	static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Whether a string can be a token at all (checked before hashing anything from a URL). */
	static boolean wellFormed(String token) {
		return token != null && FORMAT.matcher(token).matches();
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
