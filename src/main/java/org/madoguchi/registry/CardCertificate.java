package org.madoguchi.registry;

import java.math.BigInteger;
import java.util.Locale;

/**
 * The two electronic certificates on a My Number Card whose serial numbers the register keeps (カード・電子証明書).
 */
public enum CardCertificate {
	/** 署名用電子証明書: signs applications; carries the 基本4情報. */
	SIGNATURE("sign_cert_serial"),
	/** 利用者証明用電子証明書: proves who is signing in; carries only its serial. */
	AUTHENTICATION("auth_cert_serial");

	private final String column;

	CardCertificate(String column) {
		this.column = column;
	}

	String column() {
		return column;
	}

	/**
	 * The form serials are kept in: upper-case hexadecimal, at least 16 digits (as {@code openssl x509 -serial}
	 * prints them, zero-padded), so that a serial compares equal however it was written down.
	 */
	public static String canonical(BigInteger serial) {
		if (serial == null || serial.signum() < 0) {
			throw new IllegalArgumentException("a certificate serial is a non-negative integer");
		}
		return String.format(Locale.ROOT, "%016X", serial);
	}
}
