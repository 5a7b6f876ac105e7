package org.madoguchi.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP "browser" for tests and benchmarks: java.net.http with a cookie jar, redirects followed by hand (so
 * that a test can stop at one), HTML read as text. No JavaScript, as the portal needs none.
 */
final class CookieBrowser {

	/** One response: status, the URL asked, the Location header, the body. */
	record Page(int status, URI uri, String location, String body) {

		boolean redirect() {
			return status >= 300 && status < 400 && location != null;
		}

		/** The value of a query parameter of the Location header. */
		String locationParameter(String name) {
			Matcher m = Pattern.compile("[?&]" + Pattern.quote(name) + "=([^&#]*)").matcher(location);
			return m.find() ? java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : null;
		}

		/** The CSRF token of the (first) form on the page. */
		String csrf() {
			Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(body);
			if (!m.find()) {
				throw new AssertionError("no CSRF token on " + uri + ":\n" + body);
			}
			return m.group(1);
		}
	}

	private static final int MAX_REDIRECTS = 10;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	CookieBrowser(String base) {
		this.base = base;
	}

	Page get(String pathOrUrl) {
		return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", "text/html").GET());
	}

	Page post(String pathOrUrl, Map<String, String> form) {
		String body = form.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Follows redirects (as GETs) until a page that is not one. */
	Page follow(Page page) {
		Page current = page;
		for (int i = 0; i < MAX_REDIRECTS && current.redirect(); i++) {
			current = get(current.uri().resolve(current.location()).toString());
		}
		return current;
	}

	/** Follows redirects until the next one would lead to a URL starting with the prefix; returns that redirect. */
	Page followUntil(Page page, String prefix) {
		Page current = page;
		for (int i = 0; i < MAX_REDIRECTS && current.redirect(); i++) {
			String next = current.uri().resolve(current.location()).toString();
			if (next.startsWith(uri(prefix).toString())) {
				return current;
			}
			current = get(next);
		}
		throw new AssertionError("no redirect to " + prefix + "; ended at " + current.uri() + " " + current.status()
				+ "\n" + current.body());
	}

	private URI uri(String pathOrUrl) {
		return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
			HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Page(response.statusCode(), built.uri(), response.headers().firstValue("Location").orElse(null),
					response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
