package org.madoguchi.attachments.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Blobs in an S3-compatible object store (AWS S3, MinIO, and the object storage of the government cloud),
 * spoken to with plain HTTP and Signature Version 4, so that no SDK is needed. URLs are path-style
 * ({@code {endpoint}/{bucket}/{key}}), which MinIO-like servers expect and S3 still accepts. Bodies are
 * signed (their SHA-256 is in {@code x-amz-content-sha256}), so a store that received other bytes refuses them.
 */
public final class S3BlobStorage implements BlobStorage {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final URI endpoint;
	private final String bucket;
	private final SigV4Signer signer;
	private final HttpClient http;
	private final Clock clock;

	public S3BlobStorage(URI endpoint, String region, String bucket, String accessKey, String secretKey) {
		this(endpoint, region, bucket, accessKey, secretKey, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build(), Clock.systemUTC());
	}

	S3BlobStorage(URI endpoint, String region, String bucket, String accessKey, String secretKey, HttpClient http,
			Clock clock) {
		if (endpoint == null || endpoint.getHost() == null
				|| !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
			throw new IllegalArgumentException("madoguchi.attachments.s3.endpoint must be an http(s) URL");
		}
		if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,62}")) {
			throw new IllegalArgumentException("madoguchi.attachments.s3.bucket is not a valid bucket name");
		}
		String path = endpoint.getPath() == null ? "" : endpoint.getPath().replaceAll("/+$", "");
		this.endpoint = URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + path);
		this.bucket = bucket;
		this.signer = new SigV4Signer(accessKey, secretKey, region, "s3");
		this.http = http;
		this.clock = clock;
	}

	@Override
	public void put(String key, Path file) throws IOException {
		String hash = sha256(file);
		HttpRequest.Builder request = request("PUT", key, hash).PUT(HttpRequest.BodyPublishers.ofFile(file));
		HttpResponse<byte[]> response = send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw failure("PUT", key, response.statusCode(), response.body());
		}
	}

	@Override
	public InputStream get(String key) throws IOException {
		HttpResponse<InputStream> response = send(request("GET", key, SigV4Signer.EMPTY_SHA256).GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
		if (response.statusCode() == 200) {
			return response.body();
		}
		byte[] body;
		try (InputStream in = response.body()) {
			body = in.readNBytes(1024);
		}
		if (response.statusCode() == 404) {
			throw new NoSuchFileException(key);
		}
		throw failure("GET", key, response.statusCode(), body);
	}

	@Override
	public void delete(String key) throws IOException {
		HttpResponse<byte[]> response = send(request("DELETE", key, SigV4Signer.EMPTY_SHA256).DELETE().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		int status = response.statusCode();
		if (status != 200 && status != 204 && status != 404) {
			throw failure("DELETE", key, status, response.body());
		}
	}

	/** A request for the object, with the headers that are signed and the signature. */
	private HttpRequest.Builder request(String method, String key, String payloadHash) {
		String path = endpoint.getPath() + "/" + bucket + "/" + BlobKeys.check(key);
		Instant now = clock.instant();
		String amzDate = SigV4Signer.amzDate(now);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("host", hostHeader(endpoint));
		headers.put("x-amz-content-sha256", payloadHash);
		headers.put("x-amz-date", amzDate);
		SigV4Signer.Signature signature = signer.sign(method, path, Map.of(), headers, payloadHash, now);
		URI uri = URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + SigV4Signer.uriEncode(path, true));
		return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("x-amz-content-sha256", payloadHash)
			.header("x-amz-date", amzDate).header("Authorization", signature.authorization());
	}

	/** The Host header the HTTP client sends: the port only when it is not the scheme's default. */
	static String hostHeader(URI uri) {
		int port = uri.getPort();
		boolean defaultPort = port == -1 || ("https".equals(uri.getScheme()) && port == 443)
				|| ("http".equals(uri.getScheme()) && port == 80);
		return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
		try {
			return http.send(request, handler);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while talking to the object store", e);
		}
	}

	private IOException failure(String method, String key, int status, byte[] body) {
		String text = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
		return new IOException("object store refused " + method + " " + key + ": HTTP " + status + " " + text.strip());
	}

	private static String sha256(Path file) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public String toString() {
		return "S3BlobStorage[" + endpoint + "/" + bucket + "]";
	}
}
