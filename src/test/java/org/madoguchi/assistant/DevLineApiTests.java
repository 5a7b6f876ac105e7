package org.madoguchi.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * start-dev's LINE set-up as it ships (application-dev.yml): a signed message to the city's webhook is answered
 * through the in-app stand-in for LINE's API, without a sign-in, and shows up in {@code /dev/line/replies}. The
 * server listens on a fixed free port because the dev settings point the LINE client at {@code server.port}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "madoguchi.citygen.seed-on-first-start=0", "madoguchi.mail.send-interval=PT24H" })
@ActiveProfiles({ "test", "dev" })
class DevLineApiTests {

	@TempDir
	static Path dataDir;

	static int port;

	@DynamicPropertySource
	static void devServer(DynamicPropertyRegistry registry) throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			port = s.getLocalPort();
		}
		registry.add("server.port", () -> port);
		registry.add("madoguchi.data-dir", () -> dataDir.toString());
		// the dev profile keeps the log's keys in the data directory; this context shares the test database, whose
		// log must stay verifiable with the test keys
		registry.add("madoguchi.ledger.dev-key-file", () -> "target/test-data/ledger-dev/signing.key");
	}

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	private HttpResponse<String> post(String path, String body, String header, String value) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.header(header, value)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void signedMessageToTheDevChannelIsAnsweredThroughTheStandIn() throws Exception {
		String replyToken = "dev-" + UUID.randomUUID();
		String body = "{\"destination\":\"Udev\",\"events\":[{\"type\":\"message\",\"mode\":\"active\",\"timestamp\":1,"
				+ "\"source\":{\"type\":\"user\",\"userId\":\"Udev\"},\"webhookEventId\":\"dev-" + UUID.randomUUID()
				+ "\",\"deliveryContext\":{\"isRedelivery\":false},\"replyToken\":\"" + replyToken + "\","
				+ "\"message\":{\"id\":\"1\",\"type\":\"text\",\"text\":\"住民票の写しを取りたい\"}}]}";
		String signature = LineSignature.sign("dev-line-channel-secret", body.getBytes(StandardCharsets.UTF_8));

		HttpResponse<String> r = post("/api/v1/assistant/line/shinonomeno/webhook", body, "X-Line-Signature", signature);
		assertThat(r.statusCode()).isEqualTo(200);

		HttpResponse<String> replies = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/dev/line/replies")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(replies.statusCode()).isEqualTo(200);
		JsonNode latest = json.readTree(replies.body()).get(0);
		assertThat(latest.path("tenant").asString()).isEqualTo("shinonomeno");
		assertThat(latest.path("body").path("replyToken").asString()).isEqualTo(replyToken);
		assertThat(latest.path("body").path("messages").get(0).path("text").asString()).contains("市民課");
	}

	@Test
	void standInRefusesAWrongTokenAndAShapeLineWouldRefuse() throws Exception {
		String ok = "{\"replyToken\":\"t\",\"messages\":[{\"type\":\"text\",\"text\":\"hi\"}]}";
		assertThat(post("/dev/line/v2/bot/message/reply", ok, "Authorization", "Bearer wrong").statusCode())
			.isEqualTo(401);
		String longLabel = "{\"replyToken\":\"t\",\"messages\":[{\"type\":\"text\",\"text\":\"hi\",\"quickReply\":"
				+ "{\"items\":[{\"type\":\"action\",\"action\":{\"type\":\"postback\",\"label\":\"" + "あ".repeat(21)
				+ "\",\"data\":\"c=TAX\"}}]}}]}";
		HttpResponse<String> r = post("/dev/line/v2/bot/message/reply", longLabel, "Authorization",
				"Bearer dev-line-channel-access-token");
		assertThat(r.statusCode()).isEqualTo(400);
		assertThat(r.body()).contains("label");
	}
}
