package org.madoguchi.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.madoguchi.platform.InvalidInputException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal pages open to everyone: sign-in (with the code page of the second factor), registration,
 * email verification, the forgotten password, and the page of a request refused for too many requests.
 * The answers never tell whether an address has an account.
 */
@Controller
class PortalAccountController {

	private final AccountService service;
	private final AccountForms forms;
	private final boolean demo;
	private final Clock clock;

	PortalAccountController(AccountService service, AccountForms forms, Optional<DemoResident> demo, Clock clock) {
		this.service = service;
		this.forms = forms;
		this.demo = demo.isPresent();
		this.clock = clock;
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("fieldErrors", Map.of());
		model.addAttribute("activeNav", "account");
	}

	@GetMapping("/portal/login")
	String login(Model model) {
		if (demo) {
			model.addAttribute("demoResident", Map.of("email", DemoResident.EMAIL, "password", DemoResident.PASSWORD));
		}
		return "accounts/login";
	}

	/** The second step of signing in, for an account with the second factor on (posted to {@link SecondFactorFilter}). */
	@GetMapping(SecondFactorFilter.PATH)
	String codeForm(HttpServletRequest request, Model model) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(PendingSignIn.KEY) instanceof PendingSignIn pending)
				|| pending.expiredAt(clock.instant())) {
			return "redirect:/portal/login?again";
		}
		model.addAttribute("validMinutes", PendingSignIn.VALID.toMinutes());
		return "accounts/login-code";
	}

	/** Forwarded to by {@link RateLimitFilter} (status 429 and Retry-After are set there). */
	@RequestMapping(RateLimitFilter.PAGE)
	String tooManyRequests(HttpServletRequest request, HttpServletResponse response, Model model) {
		Instant retryAt = request.getAttribute(RateLimitFilter.RETRY_AT) instanceof Instant i ? i : clock.instant();
		response.setStatus(429);
		long minutes = Math.max(1, (Duration.between(clock.instant(), retryAt).toSeconds() + 59) / 60);
		model.addAttribute("retryMinutes", minutes);
		// rounded up to the minute, so that the time shown is never too early
		model.addAttribute("retryTime", LocalTime.ofInstant(retryAt.plusSeconds(59), clock.getZone()).truncatedTo(ChronoUnit.MINUTES));
		return "accounts/too-many";
	}

	// ---------------------------------------------------------------- registration

	@GetMapping("/portal/register")
	String registerForm(@RequestParam(required = false) String sent, Model model) {
		if (sent != null) {
			return "accounts/register-sent";
		}
		RegistrationForm form = new RegistrationForm();
		form.setLanguage(LocaleContextHolder.getLocale().getLanguage().equals("en") ? "en" : "ja");
		model.addAttribute("form", form);
		return "accounts/register";
	}

	@PostMapping("/portal/register")
	String register(@ModelAttribute("form") RegistrationForm form, Model model) {
		try {
			service.register(form);
		}
		catch (InvalidInputException e) {
			forms.addErrors(model, e.errors());
			// passwords are never sent back to the browser
			form.setPassword(null);
			form.setPasswordConfirm(null);
			return "accounts/register";
		}
		return "redirect:/portal/register?sent";
	}

	@GetMapping("/portal/verify/{token}")
	String verify(@PathVariable String token, Model model, HttpServletResponse response) {
		boolean ok = service.verify(token);
		model.addAttribute("verified", ok);
		if (!ok) {
			response.setStatus(HttpServletResponse.SC_GONE);
		}
		return "accounts/verified";
	}

	// ---------------------------------------------------------------- forgotten password

	@GetMapping("/portal/password/forgot")
	String forgotForm(@RequestParam(required = false) String sent, Model model) {
		model.addAttribute("sent", sent != null);
		model.addAttribute("email", "");
		return "accounts/forgot";
	}

	@PostMapping("/portal/password/forgot")
	String forgot(@RequestParam(defaultValue = "") String email, Model model) {
		try {
			service.requestPasswordReset(email);
		}
		catch (InvalidInputException e) {
			forms.addErrors(model, e.errors());
			model.addAttribute("sent", false);
			model.addAttribute("email", email.length() > AccountValidation.EMAIL_MAX ? "" : email);
			return "accounts/forgot";
		}
		return "redirect:/portal/password/forgot?sent";
	}

	@GetMapping("/portal/password/reset/{token}")
	String resetForm(@PathVariable String token, Model model, HttpServletResponse response) {
		if (!service.resetTokenUsable(token)) {
			response.setStatus(HttpServletResponse.SC_GONE);
			return "accounts/reset-invalid";
		}
		model.addAttribute("token", token);
		return "accounts/reset";
	}

	@PostMapping("/portal/password/reset/{token}")
	String reset(@PathVariable String token, @RequestParam(required = false) String password,
			@RequestParam(required = false) String passwordConfirm, Model model, HttpServletResponse response) {
		try {
			if (!service.resetPassword(token, password, passwordConfirm)) {
				response.setStatus(HttpServletResponse.SC_GONE);
				return "accounts/reset-invalid";
			}
		}
		catch (InvalidInputException e) {
			forms.addErrors(model, e.errors());
			model.addAttribute("token", token);
			return "accounts/reset";
		}
		return "redirect:/portal/login?reset";
	}
}
