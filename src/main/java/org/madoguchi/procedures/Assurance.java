package org.madoguchi.procedures;

/**
 * How sure the city must be of who is applying. Ordered: each level includes the ones before it.
 * The JPKI levels are satisfied by a My Number Card sign-in or signature (identity issue); until a
 * resident has one, procedures that need them show how to get it instead of the form.
 */
public enum Assurance {
	/** Anyone, no account (e.g. a survey). */
	NONE,
	/** A resident account with a verified email address. */
	ACCOUNT,
	/** Signed in with the My Number Card's 利用者証明用電子証明書 (JPKI user authentication). */
	JPKI_LOGIN,
	/** Signed with the My Number Card's 署名用電子証明書 (電子署名必須). */
	JPKI_SIGNATURE;

	public boolean satisfiedBy(Assurance held) {
		return held.ordinal() >= ordinal();
	}

	/**
	 * What a resident must hold to start and fill in a draft. A signature is given at the end, over exactly what
	 * is submitted, so a verified account is enough to begin a procedure that needs one.
	 */
	public Assurance toStart() {
		return this == JPKI_SIGNATURE ? ACCOUNT : this;
	}
}
