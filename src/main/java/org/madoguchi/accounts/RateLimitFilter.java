package org.madoguchi.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.accounts.AccountSecurityProperties.Limit;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits per client address, on top of the per-account lockout: sign-in attempts (password and code
 * pages, turning the second factor off), registrations and the requests that send a mail. The address is the one the servlet container
 * gives ({@code getRemoteAddr()}); behind a proxy, {@code server.forward-headers-strategy} makes it the
 * resident's. A refused request gets 429 with {@code Retry-After}: the page {@code accounts/too-many}
 * (forwarded to {@value #PAGE}), or problem+json for a client that asks for JSON.
 */
class RateLimitFilter extends OncePerRequestFilter {

	static final String PAGE = "/portal/too-many-requests";
	/** Request attribute: the {@link Instant} from which the client may try again. */
	static final String RETRY_AT = "madoguchi.accounts.retryAt";

	private final RateLimits limits;
	private final AccountSecurityProperties.RateLimits settings;
	private final Clock clock;

	RateLimitFilter(RateLimits limits, AccountSecurityProperties.RateLimits settings, Clock clock) {
		this.limits = limits;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String action = action(request);
		if (action != null) {
			Limit limit = switch (action) {
				case "sign-in" -> settings.signIn();
				case "register" -> settings.registration();
				default -> settings.mail();
			};
			RateLimits.Decision decision = limits.hit(action, String.valueOf(request.getRemoteAddr()), limit);
			if (!decision.allowed()) {
				refuse(request, response, decision.retryAt());
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/** Which limit a request counts against, or null. */
	static String action(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return null;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return switch (path) {
			// turning the second factor off checks password and code: guessed like a sign-in
			case "/portal/login", "/portal/login/code", "/portal/account/totp/disable" -> "sign-in";
			case "/portal/register" -> "register";
			case "/portal/password/forgot", "/portal/account/verification" -> "mail";
			default -> null;
		};
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Instant retryAt)
			throws ServletException, IOException {
		long seconds = Math.max(1, Duration.between(clock.instant(), retryAt).toSeconds());
		response.setStatus(429);
		response.setHeader("Retry-After", String.valueOf(seconds));
		String accept = String.valueOf(request.getHeader("Accept"));
		if (accept.contains("json") && !accept.contains("text/html")) {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			response.getOutputStream().write(("{\"type\":\"https://madoguchi.org/problems/too-many-requests\","
					+ "\"status\":429,\"title\":\"リクエストが多すぎます。" + seconds + " 秒後にもう一度お試しください。 / Too many "
					+ "requests: please try again in " + seconds + " seconds.\",\"retryAfter\":" + seconds + "}")
				.getBytes(StandardCharsets.UTF_8));
			return;
		}
		request.setAttribute(RETRY_AT, retryAt);
		request.getRequestDispatcher(PAGE).forward(request, response);
	}
}
