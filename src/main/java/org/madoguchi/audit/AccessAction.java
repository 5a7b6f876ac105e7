package org.madoguchi.audit;

/** What a staff member did. */
public enum AccessAction {
	SEARCH, READ_PERSON, READ_HISTORY, READ_HOUSEHOLD, REVEAL_MY_NUMBER, CHANGE, EXPORT, IMPORT, FEED_READ,
	SUPPORT_MEASURE, SUPPRESSION, SIGN_IN, SIGN_IN_FAILED, ACCOUNT_LOCKED, TOKEN_ISSUED, READ_ACCESS_LOG, DENIED,
	/** Online applications: a staff member opened one, acted on one, or exported a procedure's applications. */
	READ_APPLICATION, APPLICATION_ACTION, EXPORT_APPLICATIONS, APPLICATION_FEED_READ,
	/** staff read what residents typed to the assistant (the question log may hold personal details) */
	READ_ASSISTANT_LOG,
	/** 証明書の交付: a certified copy was issued (detail: 発行番号, whether 個人番号 was printed) or revoked */
	ISSUE_CERTIFICATE, REVOKE_CERTIFICATE
}
