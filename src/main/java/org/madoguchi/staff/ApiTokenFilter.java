package org.madoguchi.staff;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer …} on API requests: staff personal tokens ({@code mdg_…}),
 * OAuth2 access tokens ({@code mdg_at_…}) and API keys ({@code mdg_key_…}); see {@link ApiTokens}.
 * A missing or unknown token leaves the request unauthenticated, and the URL rules answer 401.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	ApiTokenFilter(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			tokens.verify(header.substring(7).strip()).ifPresent(verified -> {
				var context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(new ApiTokenAuthentication(verified.caller(), verified.authorities()));
				SecurityContextHolder.setContext(context);
			});
		}
		chain.doFilter(request, response);
	}
}
