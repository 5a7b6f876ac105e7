package org.madoguchi.ledger;

/** New checkpoint keys for tests outside this package. */
public final class LedgerTestKeys {

	private LedgerTestKeys() {
	}

	/** A new Go note private key string named {@code origin}. */
	public static String signingKey(String origin) {
		return LedgerKeys.generateSigningKey(origin);
	}
}
