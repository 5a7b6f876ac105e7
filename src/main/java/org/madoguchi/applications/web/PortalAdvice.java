package org.madoguchi.applications.web;

import jakarta.servlet.http.HttpServletRequest;

import org.madoguchi.applications.AssuranceRequiredException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Portal pages send a visitor without a sign-in to the sign-in page (coming back to the same page
 * afterwards), and one whose sign-in is not strong enough for the procedure to its page, which says what
 * is needed.
 */
@ControllerAdvice(assignableTypes = { DraftController.class, MyApplicationsController.class, PortalController.class })
class PortalAdvice {

	@ExceptionHandler(SignInRequired.class)
	String signIn(HttpServletRequest request) {
		return "redirect:/portal/login";
	}

	@ExceptionHandler(AssuranceRequiredException.class)
	String assurance(AssuranceRequiredException e, HttpServletRequest request) {
		return "redirect:/portal/applications";
	}
}
