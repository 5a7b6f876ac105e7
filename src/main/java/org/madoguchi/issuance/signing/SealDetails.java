package org.madoguchi.issuance.signing;

/**
 * What the signature dictionary says besides the signature: /Name (who seals, e.g. 東雲野市長), /Reason (e.g.
 * 住民票の写しの電子交付), /Location (e.g. 東雲野市). Validators show them; the seal's proof is the certificate.
 */
public record SealDetails(String name, String reason, String location) {

	/** Each field is short text shown by PDF readers. */
	public static final int MAX_LENGTH = 200;

	public SealDetails {
		check("name", name);
		check("reason", reason);
		check("location", location);
	}

	private static void check(String field, String value) {
		if (value != null && value.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("seal " + field + " longer than " + MAX_LENGTH + " characters");
		}
	}
}
