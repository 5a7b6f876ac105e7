package org.madoguchi.platform;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Makes the session's CSRF token before a staff page is rendered. Spring Security creates it lazily, when the first
 * form asks for it; on a long page that is after the response buffer has been sent, when a session can no longer
 * be started ("Cannot create a session after the response has been committed"). Staff are signed in, so they have
 * a session anyway: this only moves its token's creation forward.
 */
@ControllerAdvice
class EagerCsrfToken {

	@ModelAttribute
	void loadCsrfToken(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/staff/")
				&& request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			token.getToken();
		}
	}
}
