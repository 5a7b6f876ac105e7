package org.madoguchi.accounts;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * The pieces of the portal's sign-in that {@link PortalSecurityConfiguration} puts into its filter chain:
 * the password check, the second step with a code, the failure answers, the per-address limits and the
 * idle timeout. Kept here so that the chain's configuration stays a list of where each piece goes.
 */
@Component
class PortalSignInSteps {

	private static final Pattern RESCUE_TOKEN = Pattern.compile("[A-Za-z0-9_-]{32}");

	private final ResidentAuthenticationProvider provider;
	private final TotpService totp;
	private final AccountRepository accounts;
	private final RateLimits limits;
	private final AccountSecurityProperties settings;
	private final Clock clock;

	PortalSignInSteps(AccountRepository accounts, ResidentPasswords passwords, TotpService totp, RateLimits limits,
			AccountSecurityProperties settings, Clock clock,
			@Value("${madoguchi.accounts.max-failed-sign-ins:5}") int maxAttempts,
			@Value("${madoguchi.accounts.lockout:PT15M}") Duration lockout) {
		this.provider = new ResidentAuthenticationProvider(accounts, passwords, totp, clock, maxAttempts, lockout);
		this.totp = totp;
		this.accounts = accounts;
		this.limits = limits;
		this.settings = settings;
		this.clock = clock;
	}

	ResidentAuthenticationProvider provider() {
		return provider;
	}

	RateLimitFilter rateLimits() {
		return new RateLimitFilter(limits, settings.rateLimits(), clock);
	}

	ResidentIdleTimeout idleTimeout(AccessDeniedHandler expiredForms) {
		return new ResidentIdleTimeout(settings.sessionTimeout(), clock, expiredForms);
	}

	/** To run first in the success handler of both steps: the idle timeout starts now. */
	void signedIn(HttpServletRequest request) {
		ResidentIdleTimeout.signedIn(request, clock);
	}

	/**
	 * The password step's answer to a failure: on to the code page when the password was right and the
	 * second factor is on; otherwise one answer for unknown address, wrong password and lockout, so that the
	 * page never tells whether an account exists. A kept form's token goes along either way.
	 */
	AuthenticationFailureHandler passwordFailure() {
		return (request, response, e) -> {
			if (e instanceof SecondFactorRequired required) {
				request.getSession().setAttribute(PendingSignIn.KEY, required.pending().startingAt(clock.instant()));
				redirect(request, response, SecondFactorFilter.PATH, null);
			}
			else {
				redirect(request, response, "/portal/login", "error");
			}
		};
	}

	/** The second step, signing in through the same repository, CSRF handling and success handler. */
	SecondFactorFilter secondFactor(SecurityContextRepository contexts, CsrfTokenRepository csrfTokens,
			AuthenticationSuccessHandler success) {
		SecondFactorFilter filter = new SecondFactorFilter(totp, accounts, provider, clock, settings.codeAttempts());
		filter.setSecurityContextRepository(contexts);
		filter.setSessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(
				List.of(new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens))));
		filter.setAuthenticationSuccessHandler(success);
		filter.setAuthenticationFailureHandler(this::codeFailure);
		return filter;
	}

	private void codeFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		if (e instanceof SecondFactorFilter.CodeRejected rejected && !rejected.restart) {
			redirect(request, response, SecondFactorFilter.PATH, "error");
		}
		else {
			redirect(request, response, "/portal/login", "again");
		}
	}

	private static void redirect(HttpServletRequest request, HttpServletResponse response, String path, String flag)
			throws IOException {
		String rescue = request.getParameter("rescue");
		StringBuilder url = new StringBuilder(request.getContextPath()).append(path);
		char sep = '?';
		if (flag != null) {
			url.append(sep).append(flag);
			sep = '&';
		}
		if (rescue != null && RESCUE_TOKEN.matcher(rescue).matches()) {
			url.append(sep).append("rescue=").append(rescue);
		}
		response.sendRedirect(url.toString());
	}
}
