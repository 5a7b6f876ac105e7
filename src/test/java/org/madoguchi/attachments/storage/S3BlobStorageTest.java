package org.madoguchi.attachments.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The S3 client against a tiny object store in the test: it keeps bodies in memory and, like S3, refuses a
 * request whose Authorization header is missing, malformed, signed with another secret, or whose body does not
 * match the signed payload hash.
 */
class S3BlobStorageTest {

	static final String ACCESS_KEY = "MADOGUCHITESTKEY";
	static final String SECRET_KEY = "test-secret/with+chars";
	static final String REGION = "ap-northeast-1";
	static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256 Credential=([A-Z0-9]+)/(\\d{8})/([a-z0-9-]+)"
			+ "/s3/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})");

	@TempDir
	Path dir;

	HttpServer server;
	final Map<String, byte[]> objects = new ConcurrentHashMap<>();
	final List<String> requests = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::handle);
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void putsGetsAndDeletesObjectsWithSignedPathStyleRequests() throws IOException {
		S3BlobStorage storage = storage(SECRET_KEY);
		byte[] content = new byte[300_000];
		new Random(7).nextBytes(content);
		Path file = Files.write(dir.resolve("blob"), content);

		storage.put("originals/5b1c-id", file);

		assertThat(objects).containsOnlyKeys("/attachments/originals/5b1c-id");
		assertThat(objects.get("/attachments/originals/5b1c-id")).isEqualTo(content);
		try (InputStream in = storage.get("originals/5b1c-id")) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}

		storage.delete("originals/5b1c-id");

		assertThat(objects).isEmpty();
		assertThatThrownBy(() -> storage.get("originals/5b1c-id")).isInstanceOf(NoSuchFileException.class);
		storage.delete("originals/5b1c-id"); // absent: no error
		assertThat(requests).containsExactly("PUT /attachments/originals/5b1c-id 200", "GET /attachments/originals/5b1c-id 200",
				"DELETE /attachments/originals/5b1c-id 204", "GET /attachments/originals/5b1c-id 404",
				"DELETE /attachments/originals/5b1c-id 404");
	}

	@Test
	void aWrongSecretIsRefusedByTheStore() throws IOException {
		S3BlobStorage storage = storage("not-the-secret");
		Path file = Files.writeString(dir.resolve("blob"), "hello");

		assertThatThrownBy(() -> storage.put("originals/x", file)).isInstanceOf(IOException.class).hasMessageContaining("403");
		assertThatThrownBy(() -> storage.get("originals/x")).isInstanceOf(IOException.class).hasMessageContaining("403");
		assertThat(objects).isEmpty();
	}

	@Test
	void unsafeKeysNeverReachTheStore() throws IOException {
		S3BlobStorage storage = storage(SECRET_KEY);
		Path file = Files.writeString(dir.resolve("blob"), "hello");

		assertThatThrownBy(() -> storage.put("../other-bucket/x", file)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> storage.get("a/../../x")).isInstanceOf(IllegalArgumentException.class);
		assertThat(requests).isEmpty();
	}

	private S3BlobStorage storage(String secret) {
		return new S3BlobStorage(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), REGION, "attachments",
				ACCESS_KEY, secret);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getPath();
			int status = authorized(exchange, body) ? serve(method, path, body, exchange) : 403;
			requests.add(method + " " + path + " " + status);
			if (status != 200 || !method.equals("GET")) {
				exchange.sendResponseHeaders(status, -1);
			}
		}
	}

	private int serve(String method, String path, byte[] body, HttpExchange exchange) throws IOException {
		switch (method) {
			case "PUT":
				objects.put(path, body);
				return 200;
			case "GET":
				byte[] object = objects.get(path);
				if (object == null) {
					return 404;
				}
				exchange.sendResponseHeaders(200, object.length);
				exchange.getResponseBody().write(object);
				return 200;
			case "DELETE":
				return objects.remove(path) == null ? 404 : 204;
			default:
				return 405;
		}
	}

	/** What S3 checks: a well-formed header, our key and region, a fresh date, the signature, the payload hash. */
	private boolean authorized(HttpExchange exchange, byte[] body) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String amzDate = exchange.getRequestHeaders().getFirst("x-amz-date");
		String payloadHash = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
		if (authorization == null || amzDate == null || payloadHash == null) {
			return false;
		}
		Matcher m = AUTHORIZATION.matcher(authorization);
		if (!m.matches() || !m.group(1).equals(ACCESS_KEY) || !m.group(3).equals(REGION)
				|| !amzDate.startsWith(m.group(2))) {
			return false;
		}
		Instant at = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
			.parse(amzDate, Instant::from);
		if (Duration.between(at, Instant.now()).abs().toMinutes() > 15) {
			return false;
		}
		if (!payloadHash.equals(SigV4Signer.sha256Hex(body))) {
			return false;
		}
		Map<String, String> signed = new LinkedHashMap<>();
		for (String name : m.group(4).split(";")) {
			String value = exchange.getRequestHeaders().getFirst(name);
			if (value == null) {
				return false;
			}
			signed.put(name, value);
		}
		if (!signed.keySet().containsAll(List.of("host", "x-amz-date", "x-amz-content-sha256"))) {
			return false;
		}
		String expected = new SigV4Signer(ACCESS_KEY, SECRET_KEY, REGION, "s3")
			.sign(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), Map.of(), signed, payloadHash, at)
			.signature();
		return expected.equals(m.group(5));
	}
}
