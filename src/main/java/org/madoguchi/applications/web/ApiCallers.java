package org.madoguchi.applications.web;

import org.madoguchi.applications.Applicant;
import org.madoguchi.procedures.Assurance;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The API client of the current request as an applicant. A client is a trusted intake system: it vouches
 * for an account-level identity of whoever it files for. Procedures that need the My Number Card are
 * refused until the client sends the applicant's signature (identity issue).
 */
final class ApiCallers {

	private ApiCallers() {
	}

	static Applicant current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null) {
			throw new org.springframework.security.access.AccessDeniedException("no API client");
		}
		return new Applicant(Applicant.Kind.CLIENT, null, null, auth.getName(), null, null,
				LocaleContextHolder.getLocale().getLanguage(), Assurance.ACCOUNT, null);
	}
}
