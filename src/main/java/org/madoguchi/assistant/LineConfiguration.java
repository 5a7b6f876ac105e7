package org.madoguchi.assistant;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** The LINE channel's settings, and in start-dev the way in for the stand-in of LINE's API ({@link DevLineApi}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LineProperties.class)
class LineConfiguration {

	/**
	 * start-dev only: {@code /dev/line/**} is called by this application's own {@link LineClient} with the dev
	 * channel's bearer token (checked by the stand-in), and read by the developer. Stateless, no CSRF (no
	 * cookies are read), ahead of the staff chain that would ask for a sign-in.
	 */
	@Bean
	@Order(0)
	@Profile("dev")
	@ConditionalOnWebApplication
	SecurityFilterChain devLineApiSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher(DevLineApi.PATHS)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable())
			.requestCache(c -> c.disable())
			.logout(l -> l.disable())
			.authorizeHttpRequests(a -> a.anyRequest().permitAll())
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}
}
