package org.madoguchi.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.identity.PendingAuthorization.Purpose;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The portal's デジタル認証アプリ pages: the sign-in link (a GET that redirects to the provider) and the callback.
 * Whatever fails ends on one page that says what happened and what to do next, in Japanese and English.
 */
@Controller
class DigitalAuthController {

	static final String SIGN_IN_PATH = "/portal/identity/digital-auth/sign-in";

	private final DigitalAuthApp app;

	DigitalAuthController(DigitalAuthApp app) {
		this.app = app;
	}

	@GetMapping(SIGN_IN_PATH)
	String signIn(@RequestParam(required = false) String returnTo, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			return "redirect:" + app.beginSignIn(request, returnTo);
		}
		catch (DigitalAuthException ex) {
			return failure(ex, DigitalAuthApp.localPortalPath(returnTo), Purpose.SIGN_IN, response, model);
		}
	}

	@GetMapping(DigitalAuthClient.CALLBACK_PATH)
	String callback(@RequestParam(required = false) String state, @RequestParam(required = false) String code,
			@RequestParam(required = false) String error, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		try {
			return "redirect:" + app.complete(state, code, error, request, response);
		}
		catch (DigitalAuthException ex) {
			return ex.flow == null ? failure(ex, "/portal", Purpose.SIGN_IN, response, model)
					: failure(ex, ex.flow.returnTo(), ex.flow.purpose(), response, model);
		}
	}

	private static String failure(DigitalAuthException ex, String returnTo, Purpose purpose,
			HttpServletResponse response, Model model) {
		DigitalAuthApp.logFailure(ex);
		response.setStatus(ex.failure().status);
		model.addAttribute("failure", ex.failure().name());
		model.addAttribute("signing", purpose == Purpose.SIGN);
		model.addAttribute("returnTo", returnTo);
		model.addAttribute("retryUrl", UriComponentsBuilder.fromPath(SIGN_IN_PATH).queryParam("returnTo", returnTo)
			.encode().build().toUriString());
		return "identity/digital-auth-failure";
	}
}
