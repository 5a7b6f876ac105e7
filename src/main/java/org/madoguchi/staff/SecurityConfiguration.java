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
				.requestMatchers("/api/v1/audit/**").hasAnyRole("AUDITOR", "ADMIN")
				.requestMatchers("/api/v1/register/feed/**").hasAnyRole("LINKAGE", "ADMIN")
				.requestMatchers(HttpMethod.GET, "/api/v1/register/export").hasAnyRole("LINKAGE", "ADMIN")
				.requestMatchers("/api/v1/register/import").hasRole("ADMIN")
				.requestMatchers("/api/v1/register/**").hasAnyRole("COUNTER", "EXAMINER", "ADMIN")
				.anyRequest().authenticated())
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> problem(res, 401, "unauthorized",
						"認証が必要です。Bearer トークンを送ってください。 / Authentication required: send a bearer token."))
				.accessDeniedHandler((req, res, ex) -> problem(res, 403, "forbidden",
						"この操作の権限がありません。 / You are not allowed to do this.")))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	/** Order 2 is the resident portal's chain ({@code /portal/**}), in the accounts module. */
	@Bean
	@Order(3)
	SecurityFilterChain web(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(a -> a
				.requestMatchers("/", "/login", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error").permitAll()
				.requestMatchers("/actuator/health/**", "/actuator/prometheus").permitAll()
				.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
				.requestMatchers("/staff/audit/**").hasAnyRole("AUDITOR", "ADMIN")
				.requestMatchers("/staff/residents/import/**", "/staff/residents/export/**", "/staff/tokens/**")
				.hasRole("ADMIN")
				.requestMatchers("/staff/procedures/**").hasRole("ADMIN")
				.requestMatchers("/staff/applications/**").hasAnyRole("COUNTER", "EXAMINER", "APPROVER", "ADMIN")
				.requestMatchers("/staff/**").hasAnyRole("COUNTER", "EXAMINER", "ADMIN")
				.anyRequest().authenticated())
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
