package org.madoguchi.assistant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Web set-up of the assistant's chat API: its own filter chain, ahead of the token-protected API chain
 * (order 1, staff module), because the chat is for anyone: stateless, no CSRF (no cookies are read), no
 * authentication, a per-client rate limit, and CORS per tenant so that the widget works on the city's own site.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssistantProperties.class)
class AssistantWebConfiguration {

	static final String PATHS = "/api/v1/assistant/**";

	/** The LINE webhooks, one per tenant: {@code /api/v1/assistant/line/{tenant}/webhook}. */
	static final String LINE_PATHS = "/api/v1/assistant/line/";

	@Bean
	@Order(0)
	@ConditionalOnWebApplication
	SecurityFilterChain assistantApi(HttpSecurity http, AssistantProperties settings, Tenants tenants)
			throws Exception {
		http.securityMatcher(PATHS)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable())
			.requestCache(c -> c.disable())
			.logout(l -> l.disable())
			// first the CORS answer, so that a 429 from the rate limit still reaches the widget with its headers
			.addFilterBefore(new TenantCorsFilter(tenants), SecurityContextHolderFilter.class)
			.addFilterBefore(new RateLimitFilter(settings.rateLimit(), settings.rateWindow().toMillis(),
					System::currentTimeMillis), SecurityContextHolderFilter.class)
			.authorizeHttpRequests(a -> a.anyRequest().permitAll())
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	/**
	 * At most {@code limit} requests per fixed window per client IP address ({@code getRemoteAddr()}; behind a
	 * proxy set {@code server.forward-headers-strategy} so that it is the resident's address, never trust a
	 * header here). Counted in memory per node: with N nodes a client gets up to N × limit.
	 */
	static final class RateLimitFilter extends OncePerRequestFilter {

		private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RateLimitFilter.class);

		/** Bound on remembered clients; past it, finished windows are dropped (a flood of addresses). */
		static final int MAX_CLIENTS = 100_000;

		private record Window(long start, int count) {
		}

		private final int limit;

		private final long windowMillis;

		private final LongSupplier clock;

		private final Map<String, Window> windows = new ConcurrentHashMap<>();

		RateLimitFilter(int limit, long windowMillis, LongSupplier clock) {
			this.limit = limit;
			this.windowMillis = windowMillis;
			this.clock = clock;
		}

		/** Whether one more request from {@code client} at {@code now} is allowed (and counts it). */
		boolean allow(String client, long now) {
			if (windows.size() > MAX_CLIENTS) {
				windows.values().removeIf(w -> now - w.start() >= windowMillis);
			}
			Window w = windows.compute(client, (k, old) -> old == null || now - old.start() >= windowMillis
					? new Window(now, 1) : new Window(old.start(), old.count() + 1));
			if (w.count() == limit + 1) {
				// once per client and window, so that a flood does not flood the log too
				LOG.warn("Assistant chat: client {} exceeded {} requests in {} ms; refusing until the window ends",
						client, limit, windowMillis);
			}
			return w.count() <= limit;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
				throws ServletException, IOException {
			// LINE's servers deliver every resident's messages from a few addresses; the webhook is checked by its
			// signature instead
			if (req.getRequestURI().startsWith(LINE_PATHS) || allow(String.valueOf(req.getRemoteAddr()), clock.getAsLong())) {
				chain.doFilter(req, res);
				return;
			}
			res.setStatus(429);
			res.setHeader("Retry-After", String.valueOf(Math.max(1, windowMillis / 1000)));
			res.setContentType("application/problem+json");
			res.setCharacterEncoding("UTF-8");
			res.getOutputStream().write(("{\"type\":\"https://madoguchi.org/problems/too-many-requests\",\"status\":429,"
					+ "\"title\":\"リクエストが多すぎます。しばらく待ってからもう一度お試しください。 / Too many requests: "
					+ "please wait a moment and try again.\"}").getBytes(StandardCharsets.UTF_8));
		}
	}
}
