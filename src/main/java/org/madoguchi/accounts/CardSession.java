package org.madoguchi.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import org.madoguchi.procedures.Assurance;

/**
 * What a My Number Card sign-in proved in this browser session (kept as a session attribute of its own, so that a
 * password sign-in is not changed by it): the account, the 宛名番号 the card belongs to, the level and how.
 * It counts only while the same account is signed in; it ends with the session or the sign-out.
 */
record CardSession(UUID accountId, String atenaNumber, Assurance assurance, String method, Instant at)
		implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static final String ATTRIBUTE = "MADOGUCHI_RESIDENT_CARD";
}
