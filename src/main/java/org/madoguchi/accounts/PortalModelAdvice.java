package org.madoguchi.accounts;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every portal page (whichever module renders it) what {@code fragments/portal-layout.html}
 * shows about the signed-in resident: the name, and whether the address still needs verifying (the
 * banner with the button to send the mail again). Read from the database, so a verification made in
 * another browser shows at once. On form pages (an application's pages, the account's forms) also how
 * long the sign-in lasts without activity, for the note and the JavaScript warning before it ends.
 */
@ControllerAdvice
class PortalModelAdvice {

	private static final Pattern ACCOUNT_FORMS = Pattern.compile("/portal/account/(profile|password|totp)");

	private final AccountRepository accounts;
	private final AccountSecurityProperties settings;

	PortalModelAdvice(AccountRepository accounts, AccountSecurityProperties settings) {
		this.accounts = accounts;
		this.settings = settings;
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
			HttpSession session = request.getSession(false);
			if (session != null && (JdbcPortalFormRescue.RESCUED_PATHS.matcher(path).matches()
					|| ACCOUNT_FORMS.matcher(path).matches())) {
				long seconds = ResidentIdleTimeout.effective(session, settings.sessionTimeout()).toSeconds();
				model.addAttribute("portalSessionSeconds", seconds);
				model.addAttribute("portalSessionMinutes", seconds / 60);
				model.addAttribute("portalSessionWarnSeconds", Math.min(seconds / 2, settings.sessionWarning().toSeconds()));
			}
		});
	}
}
