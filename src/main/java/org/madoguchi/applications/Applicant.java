package org.madoguchi.applications;

import java.util.UUID;

import org.madoguchi.procedures.Assurance;

/**
 * Who is applying, and how sure the city is of it.
 *
 * @param kind a resident signed in to the portal, someone without an account (only for procedures that need
 *     no assurance), or an API client filing on someone's behalf
 * @param accountId the resident account (RESIDENT)
 * @param anonymousKey a random key from the visitor's cookie (ANONYMOUS): only this browser sees the draft
 * @param clientId the API client (CLIENT)
 * @param atenaNumber the 宛名番号 the account is linked to, or null
 */
public record Applicant(Kind kind, UUID accountId, String anonymousKey, String clientId, String name, String email,
		String language, Assurance assurance, String atenaNumber) {

	public enum Kind {
		RESIDENT, ANONYMOUS, CLIENT
	}

	public String actor() {
		return switch (kind) {
			case RESIDENT -> "resident:" + accountId;
			case ANONYMOUS -> "anonymous";
			case CLIENT -> "client:" + clientId;
		};
	}
}
