package org.madoguchi.accounts;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * The resident portal's filter chain ({@code /portal/**}, between the API chain and the staff chain).
 * Residents sign in with email and password against their own table; the staff sign-in is not
 * involved in either direction. Everything the chain keeps in the HTTP session has its own key
 * (security context, saved request, CSRF token), so a staff member and a resident signed in in one
 * browser do not replace or sign out each other.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PortalSecurityConfiguration {

	/** Session attribute of the resident's security context (read by fragments/portal-layout.html). */
	static final String CONTEXT_KEY = "MADOGUCHI_RESIDENT_CONTEXT";
	static final String SAVED_REQUEST_KEY = "MADOGUCHI_RESIDENT_SAVED_REQUEST";
	static final String CSRF_KEY = "MADOGUCHI_RESIDENT_CSRF";

	@Bean
	@Order(2)
	SecurityFilterChain portal(HttpSecurity http, JdbcPortalFormRescue rescue, PortalSignInSteps steps)
			throws Exception {
		// Not beans: a second UserDetailsService or AuthenticationProvider bean would change how the
		// staff chain builds its own sign-in. No event publisher either: the staff sign-in listener
		// must not count resident attempts.
		ProviderManager manager = new ProviderManager(steps.provider());

		HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
		contexts.setSpringSecurityContextKey(CONTEXT_KEY);

		HttpSessionRequestCache requests = new HttpSessionRequestCache();
		requests.setSessionAttrName(SAVED_REQUEST_KEY);
		// only page views are resumed after sign-in; a form post is not replayed
		requests.setRequestMatcher(r -> "GET".equals(r.getMethod()) && !"XMLHttpRequest".equals(r.getHeader("X-Requested-With")));

		HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
		csrfTokens.setSessionAttributeName(CSRF_KEY);

		SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
		saved.setRequestCache(requests);
		saved.setDefaultTargetUrl("/portal");
		// after an expired session: back to the page whose form was kept, to restore what was typed
		org.springframework.security.web.authentication.AuthenticationSuccessHandler success = (req, res, auth) -> {
			steps.signedIn(req);
			String token = req.getParameter("rescue");
			var path = rescue.pathOf(token);
			if (path.isPresent()) {
				requests.removeRequest(req, res);
				res.sendRedirect(req.getContextPath() + path.get() + "?rescue=" + token);
			}
			else {
				saved.onAuthenticationSuccess(req, res, auth);
			}
		};

		ExpiredFormHandler expiredForms = new ExpiredFormHandler(rescue);
		http.securityMatcher("/portal/**")
			.authenticationManager(manager)
			.securityContext(c -> c.securityContextRepository(contexts))
			.requestCache(c -> c.requestCache(requests))
			.csrf(c -> c.csrfTokenRepository(csrfTokens))
			.exceptionHandling(e -> e.accessDeniedHandler(expiredForms))
			// an idle resident is signed out before the CSRF check; a form sent then is kept like after an expired session
			.addFilterBefore(steps.idleTimeout(expiredForms), CsrfFilter.class)
			.addFilterAfter(steps.rateLimits(), CsrfFilter.class)
			.addFilterBefore(steps.secondFactor(contexts, csrfTokens, success), UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests(a -> a
				.requestMatchers("/portal", "/portal/", "/portal/procedures/**", "/portal/login", "/portal/register",
						"/portal/verify/**", "/portal/password/**",
						"/portal/card/**", "/portal/identity/digital-auth/**")
				.permitAll()
				// a visitor without an account (procedures that need none, e.g. a survey) holds a random key in a
				// cookie; the applications module shows such a visitor only their own drafts and receipts
				.requestMatchers(r -> hasVisitorKey(r) && (r.getRequestURI().startsWith("/portal/drafts/")
						|| r.getRequestURI().matches("/portal/applications/[0-9a-f-]{36}/receipt")))
				.permitAll()
				.requestMatchers("/portal/dev/**").permitAll() // the dev mailbox; its controller exists only in dev
				.requestMatchers(SecondFactorFilter.PATH, RateLimitFilter.PAGE).permitAll()
				.anyRequest().hasAuthority(ResidentAuthenticationProvider.ROLE))
			.formLogin(f -> f.loginPage("/portal/login")
				.loginProcessingUrl("/portal/login")
				.successHandler(success)
				.failureHandler(steps.passwordFailure())
				.permitAll())
			// keep the session: it may also hold a staff sign-in; only the resident's context goes
			.logout(l -> l.logoutUrl("/portal/logout").logoutSuccessUrl("/portal?signedOut").invalidateHttpSession(false)
				// what the My Number Card proved goes with the sign-out
				.addLogoutHandler((req, res, auth) -> {
					var session = req.getSession(false);
					if (session != null) {
						session.removeAttribute(CardSession.ATTRIBUTE);
					}
				}))
			.headers(h -> h
				.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; "
						+ "form-action 'self'; base-uri 'self'"))
				.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(f -> f.deny()));
		return http.build();
	}

	private static boolean hasVisitorKey(jakarta.servlet.http.HttpServletRequest request) {
		if (request.getCookies() == null) {
			return false;
		}
		for (jakarta.servlet.http.Cookie c : request.getCookies()) {
			if ("mdg_visitor".equals(c.getName())) {
				return true;
			}
		}
		return false;
	}
}
