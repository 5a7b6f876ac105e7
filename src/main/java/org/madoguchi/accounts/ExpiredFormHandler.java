package org.madoguchi.accounts;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form page sent after the session expired fails the CSRF check (the token lived in the old session).
 * Instead of a bare 403 that loses what the resident typed, the form is kept ({@link JdbcPortalFormRescue})
 * and the resident is asked to sign in again, then brought back to the page with the fields restored.
 */
class ExpiredFormHandler implements AccessDeniedHandler {

	private final JdbcPortalFormRescue rescue;
	private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

	ExpiredFormHandler(JdbcPortalFormRescue rescue) {
		this.rescue = rescue;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		// only a browser that had a session (now expired) is helped; a post from nowhere is simply refused
		if (denied instanceof CsrfException && "POST".equals(request.getMethod()) && hadSession(request)) {
			Optional<String> token = rescue.keep(request.getRequestURI(), request.getParameterMap());
			if (token.isPresent()) {
				jakarta.servlet.http.Cookie cookie = new jakarta.servlet.http.Cookie(PortalFormRescue.COOKIE, token.get());
				cookie.setHttpOnly(true);
				cookie.setPath("/portal");
				cookie.setMaxAge((int) JdbcPortalFormRescue.KEPT.toSeconds());
				cookie.setSecure(request.isSecure());
				cookie.setAttribute("SameSite", "Lax");
				response.addCookie(cookie);
				response.sendRedirect(request.getContextPath() + "/portal/login?rescue=" + token.get());
				return;
			}
		}
		otherwise.handle(request, response, denied);
	}

	private static boolean hadSession(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return false;
		}
		for (jakarta.servlet.http.Cookie c : request.getCookies()) {
			if ("SESSION".equals(c.getName())) {
				return true;
			}
		}
		return false;
	}
}
