package org.madoguchi.issuance.signing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 3161 TSA over HTTP (RFC 3161 §3.4): POST {@code application/timestamp-query}, answer
 * {@code application/timestamp-reply}, at most {@link #MAX_REPLY_BYTES}. Thread-safe; one HTTP client per TSA.
 */
public final class HttpTimestampClient implements TimestampClient {

	/** A reply holds a token with one or two certificates: a few kilobytes. */
	public static final int MAX_REPLY_BYTES = 64 * 1024;

	static final String QUERY = "application/timestamp-query";

	static final String REPLY = "application/timestamp-reply";

	private final URI url;

	private final HttpClient http;

	private final Duration timeout;

	public HttpTimestampClient(URI url, Duration timeout) {
		if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
			throw new IllegalArgumentException("TSA URL must be http or https: " + url);
		}
		this.url = url;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	@Override
	public TimeStampToken timestamp(byte[] sha256Digest) {
		TimestampExchange exchange = TimestampExchange.request(sha256Digest);
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(timeout)
			.header("Content-Type", QUERY)
			.header("Accept", REPLY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(exchange.encoded()))
			.build();
		HttpResponse<InputStream> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw new TimestampException("TSA " + url + " cannot be reached: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TimestampException("interrupted while waiting for TSA " + url, ex);
		}
		try (InputStream body = response.body()) {
			if (response.statusCode() != 200) {
				throw new TimestampException("TSA " + url + " answered HTTP " + response.statusCode());
			}
			String type = response.headers().firstValue("Content-Type").orElse("");
			if (!type.toLowerCase(java.util.Locale.ROOT).startsWith(REPLY)) {
				throw new TimestampException("TSA " + url + " answered Content-Type '" + type + "', not " + REPLY);
			}
			byte[] reply = body.readNBytes(MAX_REPLY_BYTES + 1);
			if (reply.length > MAX_REPLY_BYTES) {
				throw new TimestampException("TSA " + url + " answered more than " + MAX_REPLY_BYTES + " bytes");
			}
			return exchange.accept(reply);
		}
		catch (IOException ex) {
			throw new TimestampException("TSA " + url + ": reading the reply failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public String toString() {
		return "TSA " + url;
	}
}
