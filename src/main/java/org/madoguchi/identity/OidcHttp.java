package org.madoguchi.identity;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import org.madoguchi.identity.DigitalAuthException.Failure;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relying party's calls to the OpenID provider (java.net.http): every answer read to at most a set number of
 * bytes, every call within a time limit; anything unexpected becomes a {@link Failure#PROVIDER_ERROR}.
 */
final class OidcHttp {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** A response that was read: status, body bytes and content type. */
	record Response(int status, byte[] body, String contentType) {

		boolean ok() {
			return status >= 200 && status < 300;
		}

		JsonNode json(String what) {
			try {
				JsonNode node = JSON.readTree(body);
				if (node == null || !node.isObject()) {
					throw new DigitalAuthException(Failure.PROVIDER_ERROR, what + ": not a JSON object");
				}
				return node;
			}
			catch (JacksonException ex) {
				throw new DigitalAuthException(Failure.PROVIDER_ERROR, what + ": unreadable JSON", ex);
			}
		}

		/** The OAuth error code and description of an error answer, for the log. */
		String oauthError() {
			try {
				JsonNode node = JSON.readTree(body);
				return node.path("error").asString("") + " " + node.path("error_description").asString("");
			}
			catch (JacksonException | IllegalArgumentException ex) {
				return "(no OAuth error body)";
			}
		}
	}

	private final HttpClient client;

	private final Duration requestTimeout;

	private final int maxBytes;

	OidcHttp(Duration connectTimeout, Duration requestTimeout, int maxBytes) {
		// no redirects: an OAuth endpoint that redirects is misconfigured, and following could leak the credentials
		this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.requestTimeout = requestTimeout;
		this.maxBytes = maxBytes;
	}

	Response get(URI uri, String bearerToken, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", accept).GET();
		if (bearerToken != null) {
			request.header("Authorization", "Bearer " + bearerToken);
		}
		return send(request.build());
	}

	/** A form post with client_secret_basic (RFC 6749 §2.3.1: both parts form-urlencoded before base64). */
	Response postForm(URI uri, String clientId, String clientSecret, Map<String, String> form) {
		String credentials = urlEncode(clientId) + ":" + urlEncode(clientSecret);
		String body = form.entrySet().stream().map(e -> urlEncode(e.getKey()) + "=" + urlEncode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri).timeout(requestTimeout)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	Response postJson(URI uri, String bearerToken, Object body) {
		byte[] json;
		try {
			json = JSON.writeValueAsBytes(body);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(ex);
		}
		return send(HttpRequest.newBuilder(uri).timeout(requestTimeout)
			.header("Authorization", "Bearer " + bearerToken)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(json))
			.build());
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream in = response.body()) {
				byte[] body = in.readNBytes(maxBytes + 1);
				if (body.length > maxBytes) {
					throw new DigitalAuthException(Failure.PROVIDER_ERROR,
							request.uri() + ": answer larger than " + maxBytes + " bytes");
				}
				return new Response(response.statusCode(), body,
						response.headers().firstValue("Content-Type").orElse(""));
			}
		}
		catch (IOException ex) {
			throw new DigitalAuthException(Failure.PROVIDER_ERROR, request.uri() + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DigitalAuthException(Failure.PROVIDER_ERROR, request.uri() + ": interrupted", ex);
		}
	}

	static String urlEncode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
