package org.madoguchi.identity;

import java.io.Serial;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A sign-in challenge (チャレンジ) for the 利用者証明用電子証明書: 32 random bytes the card signs, valid for five
 * minutes, kept in the resident's HTTP session (Spring Session JDBC, so whichever node gets the answer can check
 * it) and taken out of the session by the first answer, right or wrong.
 *
 * <p>Bound to the session: an answer captured elsewhere is useless in another browser, whose session holds another
 * challenge. Two answers sent at the same instant in one session could both find it (the session store takes no
 * lock); both would sign the same card holder in to that same session, which gains an attacker nothing.
 *
 * @param bytes     what the card signs
 * @param expiresAt after this, an answer is refused
 */
record CardChallenge(byte[] bytes, Instant expiresAt) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static final String ATTRIBUTE = "MADOGUCHI_CARD_CHALLENGE";

	static final int LENGTH = 32;

	static final Duration LIFETIME = Duration.ofMinutes(5);

	private static final SecureRandom RANDOM = new SecureRandom();

	static CardChallenge issue(Instant now) {
		byte[] bytes = new byte[LENGTH];
		RANDOM.nextBytes(bytes);
		return new CardChallenge(bytes, now.plus(LIFETIME));
	}

	@Override
	public byte[] bytes() {
		return bytes.clone();
	}

	/** As shown to the resident and given to {@code virtual-card auth --challenge}. */
	String hex() {
		return HexFormat.of().formatHex(bytes);
	}

	boolean expiredAt(Instant now) {
		return !now.isBefore(expiresAt);
	}
}
