package org.madoguchi.applications.web;

import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.accounts.ResidentAccount;
import org.madoguchi.accounts.ResidentAccounts;
import org.madoguchi.applications.Applicant;
import org.madoguchi.procedures.Assurance;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is using the portal in this request: a signed-in resident, or a visitor without an account, known
 * only by a random key in a cookie (for procedures that need no account, such as a survey).
 */
@Component
class PortalApplicant {

	static final String COOKIE = "mdg_visitor";

	private final ResidentAccounts accounts;

	PortalApplicant(ResidentAccounts accounts) {
		this.accounts = accounts;
	}

	Optional<ResidentAccount> resident() {
		return accounts.current();
	}

	/** The resident, or the visitor when their browser already has a key; empty for a first-time visitor. */
	Optional<Applicant> find(HttpServletRequest request) {
		Optional<ResidentAccount> account = accounts.current();
		if (account.isPresent()) {
			return account.map(PortalApplicant::of);
		}
		return visitorKey(request).map(PortalApplicant::visitor);
	}

	/** As {@link #find}, giving a new visitor a key (cookie for a year, HttpOnly, SameSite=Lax). */
	Applicant findOrCreateVisitor(HttpServletRequest request, HttpServletResponse response) {
		return find(request).orElseGet(() -> {
			String key = org.madoguchi.applications.VisitorKeys.generate();
			Cookie c = new Cookie(COOKIE, key);
			c.setHttpOnly(true);
			c.setPath("/portal");
			c.setMaxAge(365 * 24 * 3600);
			c.setSecure(request.isSecure());
			c.setAttribute("SameSite", "Lax");
			response.addCookie(c);
			return visitor(key);
		});
	}

	static Applicant of(ResidentAccount a) {
		return new Applicant(Applicant.Kind.RESIDENT, a.id(), null, null, a.name(), a.email(), a.language(),
				a.assurance(), a.atenaNumber());
	}

	private static Applicant visitor(String key) {
		return new Applicant(Applicant.Kind.ANONYMOUS, null, key, null, null, null,
				LocaleContextHolder.getLocale().getLanguage(), Assurance.NONE, null);
	}

	private static Optional<String> visitorKey(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return Optional.empty();
		}
		for (Cookie c : request.getCookies()) {
			if (COOKIE.equals(c.getName()) && c.getValue() != null && c.getValue().matches("[A-Za-z0-9_-]{32}")) {
				return Optional.of(c.getValue());
			}
		}
		return Optional.empty();
	}
}
