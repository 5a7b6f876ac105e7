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

	private final FormMessages messages;

	PortalAdvice(FormMessages messages) {
		this.messages = messages;
	}

	/**
	 * A request the application's state does not allow (a second click on "apply", an answer to a question
	 * already answered): a page that says why, with the way back, instead of an error page.
	 */
	@ExceptionHandler(org.madoguchi.platform.RuleViolationException.class)
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
	String rule(org.madoguchi.platform.RuleViolationException e, org.springframework.ui.Model model) {
		model.addAttribute("problem", messages.message(e.code(), org.madoguchi.platform.Localized.resolve(e.args(),
				org.springframework.context.i18n.LocaleContextHolder.getLocale())));
		return "applications/portal/problem";
	}

	/** Input that no form of ours sends (a file for a field the page does not have): said plainly. */
	@ExceptionHandler(org.madoguchi.platform.InvalidInputException.class)
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
	String invalid(org.madoguchi.platform.InvalidInputException e, org.springframework.ui.Model model) {
		model.addAttribute("problem", e.errors().stream().map(messages::resolve).collect(java.util.stream.Collectors.joining(" ")));
		return "applications/portal/problem";
	}

	@ExceptionHandler(SignInRequired.class)
	String signIn(HttpServletRequest request) {
		return "redirect:/portal/login";
	}

	@ExceptionHandler(AssuranceRequiredException.class)
	String assurance(AssuranceRequiredException e, HttpServletRequest request) {
		return "redirect:/portal/applications";
	}
}
