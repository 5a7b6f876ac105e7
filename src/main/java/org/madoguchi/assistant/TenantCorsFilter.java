package org.madoguchi.assistant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-origin access (CORS) to one city's chat API, {@code /api/v1/assistant/tenants/{tenant}/**}: a page on
 * another site may call it from a browser only when that city lists the page's origin
 * ({@link Tenant#allowsOrigin}, set by staff at /staff/assistant/settings). The allowed origin is echoed exactly,
 * never {@code *}, and credentials are never allowed: the chat reads no cookies.
 *
 * <ul>
 * <li>Same-origin requests and requests without {@code Origin} pass untouched.</li>
 * <li>A preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered here: 204 with the
 * CORS headers when allowed, 403 problem+json when not, 404 for an unknown tenant. It never reaches the rate
 * limit: a browser sends one before most widget requests (JSON needs it), and counting both would halve a
 * resident's allowance.</li>
 * <li>An actual request gets {@code Access-Control-Allow-Origin} when allowed, otherwise no CORS headers (the
 * browser then hides the reply from the page).</li>
 * </ul>
 */
final class TenantCorsFilter extends OncePerRequestFilter {

	static final Pattern TENANT_PATH = Pattern.compile("/api/v1/assistant/tenants/([^/]+)(/.*)?");

	static final String METHODS = "GET, POST";

	static final Set<String> ALLOWED_METHODS = Set.of("GET", "POST");

	static final String HEADERS = "Content-Type";

	/**
	 * How long a browser may reuse a preflight, in seconds: short, so that an origin removed by staff stops working
	 * soon (with the tenant cache of {@link Tenants#CACHE_MILLIS}), yet a resident's chat needs few preflights.
	 */
	static final long MAX_AGE = 600;

	private final Tenants tenants;

	TenantCorsFilter(Tenants tenants) {
		this.tenants = tenants;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
			throws ServletException, IOException {
		String origin = req.getHeader(HttpHeaders.ORIGIN);
		Matcher path = TENANT_PATH.matcher(req.getRequestURI().substring(req.getContextPath().length()));
		if (origin == null || !path.matches() || sameOrigin(req, origin)) {
			chain.doFilter(req, res);
			return;
		}
		boolean preflight = "OPTIONS".equals(req.getMethod())
				&& req.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
		res.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
		Optional<Tenant> tenant = tenants.find(path.group(1)).filter(t -> !Tenant.STANDARD.equals(t.id()));
		if (preflight) {
			res.addHeader(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
			res.addHeader(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
			if (tenant.isEmpty()) {
				problem(res, 404, "not-found", "該当する自治体がありません。 / No such city.");
			}
			else if (!tenant.get().allowsOrigin(origin)) {
				problem(res, 403, "origin-not-allowed", "このサイトからアシスタントを呼び出すことは許可されていません。"
						+ " / This site may not call the assistant.");
			}
			else if (!ALLOWED_METHODS.contains(req.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD))
					|| !headersAllowed(req.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS))) {
				problem(res, 403, "cors-request-not-allowed", "GET と POST（Content-Type ヘッダーのみ）が使えます。"
						+ " / Only GET and POST with the Content-Type header are allowed.");
			}
			else {
				res.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
				res.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, METHODS);
				res.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, HEADERS);
				res.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, String.valueOf(MAX_AGE));
				res.setStatus(HttpServletResponse.SC_NO_CONTENT);
			}
			return;
		}
		if (tenant.isPresent() && tenant.get().allowsOrigin(origin)) {
			res.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
			// the widget tells a resident how long to wait after a 429
			res.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, HttpHeaders.RETRY_AFTER);
		}
		chain.doFilter(req, res);
	}

	/**
	 * Whether {@code origin} is this server as the request reached it (after {@code server.forward-headers-strategy}
	 * behind a proxy): then the browser needs no CORS at all.
	 */
	static boolean sameOrigin(HttpServletRequest req, String origin) {
		String scheme = req.getScheme().toLowerCase(Locale.ROOT);
		int port = req.getServerPort();
		boolean defaultPort = port < 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		String own = scheme + "://" + req.getServerName() + (defaultPort ? "" : ":" + port);
		return own.equalsIgnoreCase(origin);
	}

	/** Only {@code Content-Type} may be asked for (the safelisted headers are never listed by browsers). */
	static boolean headersAllowed(String requested) {
		if (requested == null || requested.isBlank()) {
			return true;
		}
		return Arrays.stream(requested.split(","))
			.map(h -> h.strip().toLowerCase(Locale.ROOT))
			.allMatch(h -> h.isEmpty() || "content-type".equals(h));
	}

	private static void problem(HttpServletResponse res, int status, String type, String title) throws IOException {
		res.setStatus(status);
		res.setContentType("application/problem+json");
		res.setCharacterEncoding("UTF-8");
		res.getOutputStream().write(("{\"type\":\"https://madoguchi.org/problems/" + type + "\",\"status\":" + status
				+ ",\"title\":\"" + title + "\"}").getBytes(StandardCharsets.UTF_8));
	}
}
