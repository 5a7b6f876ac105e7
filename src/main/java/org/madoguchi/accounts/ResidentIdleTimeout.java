package org.madoguchi.accounts;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a resident's sign-in after {@code madoguchi.accounts.session-timeout} without a portal request,
 * even while the HTTP session lives on (a staff sign-in in the same browser, or a longer
 * {@code spring.session.timeout}). It drops what an expired session would have lost — the resident's
 * context and the portal's CSRF token — and a form sent at that moment takes the same path as one sent
 * after an expired session: {@link ExpiredFormHandler} keeps it and it is given back after signing in again.
 */
class ResidentIdleTimeout extends OncePerRequestFilter {

	/** Session attribute: epoch milliseconds of the signed-in resident's last portal request. */
	static final String LAST_SEEN = "MADOGUCHI_RESIDENT_LAST_SEEN";

	private final Duration timeout;
	private final Clock clock;
	private final AccessDeniedHandler expiredForms;

	ResidentIdleTimeout(Duration timeout, Clock clock, AccessDeniedHandler expiredForms) {
		this.timeout = timeout;
		this.clock = clock;
		this.expiredForms = expiredForms;
	}

	/** How long the resident of this session may stay idle: the shorter of this timeout and the session's. */
	static Duration effective(HttpSession session, Duration timeout) {
		int sessionSeconds = session.getMaxInactiveInterval();
		return sessionSeconds > 0 && sessionSeconds < timeout.toSeconds() ? Duration.ofSeconds(sessionSeconds) : timeout;
	}

	/** Called when a resident has just signed in. */
	static void signedIn(HttpServletRequest request, Clock clock) {
		request.getSession().setAttribute(LAST_SEEN, clock.millis());
		// a new sign-in starts without what a My Number Card proved before (CardSignIns sets it afresh)
		request.getSession().removeAttribute(CardSession.ATTRIBUTE);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(PortalSecurityConfiguration.CONTEXT_KEY) != null) {
			long now = clock.millis();
			if (session.getAttribute(LAST_SEEN) instanceof Long last && now - last > timeout.toMillis()) {
				session.removeAttribute(PortalSecurityConfiguration.CONTEXT_KEY);
				session.removeAttribute(PortalSecurityConfiguration.CSRF_KEY);
				session.removeAttribute(LAST_SEEN);
				session.removeAttribute(CardSession.ATTRIBUTE);
				SecurityContextHolder.clearContext();
				if ("POST".equals(request.getMethod())) {
					expiredForms.handle(request, response, new MissingCsrfTokenException(null));
					return;
				}
			}
			else {
				session.setAttribute(LAST_SEEN, now);
			}
		}
		chain.doFilter(request, response);
	}
}
