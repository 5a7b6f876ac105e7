package org.madoguchi.accounts;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every portal page (whichever module renders it) what {@code fragments/portal-layout.html}
 * shows about the signed-in resident: the name, and whether the address still needs verifying (the
 * banner with the button to send the mail again). Read from the database, so a verification made in
 * another browser shows at once.
 */
@ControllerAdvice
class PortalModelAdvice {

	private final AccountRepository accounts;

	PortalModelAdvice(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@ModelAttribute
	void portal(HttpServletRequest request, Model model) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.equals("/portal") && !path.startsWith("/portal/")) {
			return;
		}
		model.addAttribute("portalPath", path);
		AccountDirectory.currentId().flatMap(accounts::find).ifPresent(a -> {
			model.addAttribute("portalResidentName", a.profile().name());
			model.addAttribute("portalEmailUnverified", !a.emailVerified());
		});
	}
}
