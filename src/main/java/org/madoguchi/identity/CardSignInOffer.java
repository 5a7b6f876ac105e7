package org.madoguchi.identity;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the portal's sign-in page ({@code accounts/login.html}) whether to offer the My Number Card sign-in
 * ({@code cardSignInOffered}: only where a {@link SignatureVerifier} is configured), and where the card sign-in should
 * lead back to ({@code cardSignInReturnTo}) when a procedure sent the resident to sign in ({@code ?procedure=ID}).
 */
@ControllerAdvice
class CardSignInOffer {

	private final ObjectProvider<SignatureVerifier> verifier;

	CardSignInOffer(ObjectProvider<SignatureVerifier> verifier) {
		this.verifier = verifier;
	}

	private static final Pattern PROCEDURE_ID = Pattern.compile("[A-Za-z0-9-]{1,80}");

	@ModelAttribute
	void offer(HttpServletRequest request, Model model) {
		if (!"/portal/login".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
			return;
		}
		model.addAttribute("cardSignInOffered", verifier.getIfAvailable() != null);
		String procedure = request.getParameter("procedure");
		if (procedure != null && PROCEDURE_ID.matcher(procedure).matches()) {
			model.addAttribute("cardSignInReturnTo", "/portal/procedures/" + procedure);
		}
	}
}
