package org.madoguchi.staff;

import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Filter chains: {@code /api/**} is stateless with bearer tokens (no cookies, so no CSRF);
 * {@code /portal/**} is the resident portal (accounts module, its own sign-in);
 * everything else is the staff web UI with form login, CSRF tokens and a session kept in the
 * database (Spring Session JDBC). Roles are checked per URL here and again per object in the services.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class SecurityConfiguration {

	/**
	 * The API: bearer tokens only ({@link ApiTokenFilter}). URL rules ask for a scope or, for staff callers,
	 * a role that stands for it ({@link ApiAccess}, {@link ApiScope#staffRoles()}); API clients pass on
	 * scopes only. Paths without a rule are for staff callers only. The services check again per object
	 * (e.g. {@link ApiCaller} for "a client reads only what it submitted").
	 */
	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
		http.securityMatcher("/api/**")
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable())
			// nothing of the browser machinery on the API: no saved requests, no logout, no anonymous user
			.requestCache(c -> c.disable())
			.logout(l -> l.disable())
			.anonymous(a -> a.disable())
			.addFilterBefore(new ApiTokenFilter(tokens), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(a -> a
				// the token endpoint authenticates the client itself (client credentials)
				.requestMatchers(HttpMethod.POST, OAuth2TokenEndpoint.PATH).permitAll()
				// 電子証明書の確認: anyone may check an issued copy
				.requestMatchers("/api/v1/verification", "/api/v1/verification/**").permitAll()
				// 監査: AUDITOR, ADMIN or SCOPE_audit:read
				.requestMatchers("/api/v1/audit/**").access(ApiAccess.scope(ApiScope.AUDIT_READ))
				// 住民記録: feed and export LINKAGE, ADMIN or SCOPE_register:feed; import ADMIN staff only;
				// reads COUNTER, EXAMINER, ADMIN or SCOPE_register:read; changes the same or SCOPE_register:write
				.requestMatchers("/api/v1/register/feed/**").access(ApiAccess.scope(ApiScope.REGISTER_FEED))
				.requestMatchers(HttpMethod.GET, "/api/v1/register/export").access(ApiAccess.scope(ApiScope.REGISTER_FEED))
				.requestMatchers("/api/v1/register/import").access(ApiAccess.staff(StaffRole.ADMIN))
				.requestMatchers(HttpMethod.GET, "/api/v1/register/**").access(ApiAccess.scope(ApiScope.REGISTER_READ))
				.requestMatchers("/api/v1/register/**").access(ApiAccess.scope(ApiScope.REGISTER_WRITE))
				// 手続: the applications CSV LINKAGE, ADMIN or SCOPE_applications:feed; the catalog any staff or
				// SCOPE_procedures:read
				.requestMatchers(HttpMethod.GET, "/api/v1/procedures/*/applications.csv")
				.access(ApiAccess.scope(ApiScope.APPLICATIONS_FEED))
				.requestMatchers(HttpMethod.GET, "/api/v1/procedures/**")
				.access(ApiAccess.scopeOrAnyStaff(ApiScope.PROCEDURES_READ))
				// 申請 by partner services and linked systems
				.requestMatchers(HttpMethod.POST, "/api/v1/applications", "/api/v1/applications/*/attachments")
				.access(ApiAccess.scope(ApiScope.APPLICATIONS_SUBMIT))
				.requestMatchers(HttpMethod.GET, "/api/v1/applications/feed/**")
				.access(ApiAccess.scope(ApiScope.APPLICATIONS_FEED))
				.requestMatchers(HttpMethod.POST, "/api/v1/applications/feed/ack")
				.access(ApiAccess.scope(ApiScope.APPLICATIONS_FEED))
				.requestMatchers(HttpMethod.GET, "/api/v1/applications/**")
				.access(ApiAccess.scope(ApiScope.APPLICATIONS_READ, ApiScope.APPLICATIONS_SUBMIT))
				// other changes to a client's own applications (withdraw, remove an attachment …)
				.requestMatchers("/api/v1/applications/**").access(ApiAccess.scope(ApiScope.APPLICATIONS_SUBMIT))
				// 審査 (back office): COUNTER, EXAMINER, APPROVER, ADMIN or SCOPE_applications:review
				.requestMatchers("/api/v1/staff/applications/**").access(ApiAccess.scope(ApiScope.APPLICATIONS_REVIEW))
				.anyRequest().access(ApiAccess.anyStaff()))
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> {
					// RFC 6750 §3: say that a bearer token is wanted, and whether the one sent was refused
					String sent = req.getHeader("Authorization");
					res.setHeader("WWW-Authenticate", sent != null && sent.regionMatches(true, 0, "Bearer ", 0, 7)
							? "Bearer realm=\"madoguchi\", error=\"invalid_token\"" : "Bearer realm=\"madoguchi\"");
					problem(res, 401, "unauthorized",
							"認証が必要です。Bearer トークンを送ってください。 / Authentication required: send a bearer token.");
				})
				.accessDeniedHandler((req, res, ex) -> {
					if (ApiCaller.find().filter(ApiCaller::isClient).isPresent()) {
						res.setHeader("WWW-Authenticate", "Bearer realm=\"madoguchi\", error=\"insufficient_scope\"");
					}
					problem(res, 403, "forbidden", "この操作の権限がありません。 / You are not allowed to do this.");
				}))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	/** Order 2 is the resident portal's chain ({@code /portal/**}), in the accounts module. */
	@Bean
	@Order(3)
	SecurityFilterChain web(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(a -> a
				.requestMatchers("/", "/login", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error").permitAll()
				// the resident assistant's own page and its widget script are for anyone
				.requestMatchers("/assistant", "/assistant/**").permitAll()
				// the public verification of issued copies (upload or QR link)
				.requestMatchers("/verify", "/verify/**").permitAll()
				.requestMatchers("/actuator/health/**", "/actuator/prometheus").permitAll()
				// the transparency log is public: anyone may read and check it
				.requestMatchers(HttpMethod.GET, "/ledger/**").permitAll()
				.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
				.requestMatchers("/staff/audit/**").hasAnyRole("AUDITOR", "ADMIN")
				.requestMatchers("/staff/residents/import/**", "/staff/residents/export/**", "/staff/tokens/**")
				.hasRole("ADMIN")
				.requestMatchers("/staff/procedures/**", "/staff/clients/**").hasRole("ADMIN")
				.requestMatchers("/staff/assistant/**").hasAnyRole("CONTENT", "ADMIN")
				.requestMatchers("/staff/applications/**").hasAnyRole("COUNTER", "EXAMINER", "APPROVER", "ADMIN")
				.requestMatchers("/staff/**").hasAnyRole("COUNTER", "EXAMINER", "ADMIN")
				.anyRequest().authenticated())
			// the public verification upload changes nothing and needs no session: no CSRF token, so that checking a
			// certificate never starts a session on any node
			.csrf(c -> c.ignoringRequestMatchers("/verify"))
			.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(h -> h
				.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; "
						+ "form-action 'self'; base-uri 'self'"))
				.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(f -> f.deny()));
		return http.build();
	}

	private static void problem(jakarta.servlet.http.HttpServletResponse res, int status, String type, String title)
			throws java.io.IOException {
		res.setStatus(status);
		res.setContentType("application/problem+json");
		res.setCharacterEncoding("UTF-8");
		res.getOutputStream().write(("{\"type\":\"https://madoguchi.org/problems/" + type + "\",\"status\":" + status
				+ ",\"title\":\"" + title + "\"}").getBytes(StandardCharsets.UTF_8));
	}
}
