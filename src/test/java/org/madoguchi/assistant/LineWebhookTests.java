package org.madoguchi.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The LINE webhook over real HTTP, with a local HTTP server standing in for LINE's Messaging API: every reply the
 * application sends lands there and is checked against LINE's rules. Each test uses its own event ids and reply
 * tokens, and the tests' own city.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LineWebhookTests {

	static final String CITY = "line-" + UUID.randomUUID().toString().substring(0, 8);

	/** Configured with a channel, but no such tenant exists. */
	static final String GHOST = "ghost-" + UUID.randomUUID().toString().substring(0, 8);

	static final String SECRET = "test-channel-secret-" + UUID.randomUUID();

	static final String TOKEN = "test-channel-access-token-" + UUID.randomUUID();

	static final String PUBLIC_URL = "https://madoguchi.example.jp";

	/** A request that reached the stand-in for LINE. */
	record Captured(String method, String path, String authorization, String contentType, JsonNode body) {

		String replyToken() {
			return body.path("replyToken").asString("");
		}

		JsonNode message() {
			return body.path("messages").get(0);
		}

		List<JsonNode> quickReplies() {
			List<JsonNode> items = new ArrayList<>();
			message().path("quickReply").path("items").forEach(items::add);
			return items;
		}
	}

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final List<Captured> CAPTURED = new CopyOnWriteArrayList<>();

	static HttpServer line;

	@DynamicPropertySource
	static void lineStandIn(DynamicPropertyRegistry registry) throws IOException {
		line = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		line.createContext("/", LineWebhookTests::lineApi);
		line.start();
		registry.add("madoguchi.assistant.line.api-base-url", () -> "http://127.0.0.1:" + line.getAddress().getPort());
		registry.add("madoguchi.assistant.line.channels[0].tenant", () -> CITY);
		registry.add("madoguchi.assistant.line.channels[0].channel-secret", () -> SECRET);
		registry.add("madoguchi.assistant.line.channels[0].channel-access-token", () -> TOKEN);
		registry.add("madoguchi.assistant.line.channels[1].tenant", () -> GHOST);
		registry.add("madoguchi.assistant.line.channels[1].channel-secret", () -> SECRET);
		registry.add("madoguchi.assistant.line.channels[1].channel-access-token", () -> TOKEN);
		registry.add("madoguchi.public-url", () -> PUBLIC_URL);
	}

	/** LINE's reply endpoint: 200 {}, or 400 like LINE for a reply token starting with "expired". */
	static void lineApi(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		JsonNode json = JSON.readTree(body);
		CAPTURED.add(new Captured(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("Authorization"),
				exchange.getRequestHeaders().getFirst("Content-Type"), json));
		boolean expired = json.path("replyToken").asString("").startsWith("expired");
		byte[] answer = (expired ? "{\"message\":\"Invalid reply token\"}" : "{}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(expired ? 400 : 200, answer.length);
		exchange.getResponseBody().write(answer);
		exchange.close();
	}

	@AfterAll
	static void stopLine() {
		line.stop(0);
	}

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	QuestionLog questionLog;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void city() {
		tenants.createIfMissing(CITY, "北山町", "Kitayama Town", "0123-45-6789", null, List.of());
	}

	// --- events as LINE sends them ---

	private static Map<String, Object> event(String type, String replyToken, Map<String, Object> extra) {
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("type", type);
		e.put("mode", "active");
		e.put("timestamp", 1_700_000_000_000L);
		e.put("source", Map.of("type", "user", "userId", "U4af4980629"));
		e.put("webhookEventId", "01H" + UUID.randomUUID().toString().replace("-", "").toUpperCase());
		e.put("deliveryContext", Map.of("isRedelivery", false));
		if (replyToken != null) {
			e.put("replyToken", replyToken);
		}
		e.putAll(extra);
		return e;
	}

	private static Map<String, Object> text(String replyToken, String text) {
		return event("message", replyToken,
				Map.of("message", Map.of("id", "444573844083572737", "type", "text", "text", text, "quoteToken", "q")));
	}

	private static Map<String, Object> postback(String replyToken, String data) {
		return event("postback", replyToken, Map.of("postback", Map.of("data", data)));
	}

	private static byte[] body(Map<?, ?>... events) {
		return JSON.writeValueAsBytes(Map.of("destination", "Uxxxxxxxxxxxxxx", "events", List.of(events)));
	}

	private HttpResponse<String> send(String tenant, byte[] body, String signature) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/api/v1/assistant/line/" + tenant + "/webhook"))
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			b.header("X-Line-Signature", signature);
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> signed(byte[] body) throws Exception {
		return send(CITY, body, LineSignature.sign(SECRET, body));
	}

	private static String token() {
		return "rt" + UUID.randomUUID().toString().replace("-", "");
	}

	/** The replies LINE received for {@code replyToken}. */
	private static List<Captured> replies(String replyToken) {
		return CAPTURED.stream().filter(c -> c.replyToken().equals(replyToken)).toList();
	}

	private static Captured onlyReply(String replyToken) {
		List<Captured> r = replies(replyToken);
		assertThat(r).as("replies to " + replyToken).hasSize(1);
		return r.get(0);
	}

	/** Everything LINE checks of a reply that this application could get wrong. */
	private static void assertWithinLineLimits(Captured c) {
		assertThat(c.method()).isEqualTo("POST");
		assertThat(c.path()).isEqualTo("/v2/bot/message/reply");
		assertThat(c.authorization()).isEqualTo("Bearer " + TOKEN);
		assertThat(c.contentType()).startsWith("application/json");
		JsonNode messages = c.body().path("messages");
		assertThat(messages.size()).isBetween(1, 5);
		for (JsonNode m : messages) {
			assertThat(m.path("type").asString()).isEqualTo("text");
			assertThat(m.path("text").asString()).isNotBlank().hasSizeLessThanOrEqualTo(5000);
			JsonNode items = m.path("quickReply").path("items");
			assertThat(items.size()).isLessThanOrEqualTo(13);
			for (JsonNode item : items) {
				assertThat(item.path("type").asString()).isEqualTo("action");
				JsonNode a = item.path("action");
				assertThat(a.path("type").asString()).isEqualTo("postback");
				assertThat(a.path("label").asString()).isNotEmpty().hasSizeLessThanOrEqualTo(20);
				assertThat(a.path("data").asString()).isNotEmpty().hasSizeLessThanOrEqualTo(300);
				assertThat(a.path("displayText").asString()).isNotEmpty().hasSizeLessThanOrEqualTo(300);
			}
		}
		assertThat(DevLineApi.problems(c.body())).isEmpty();
	}

	private static String data(JsonNode quickReply) {
		return quickReply.path("action").path("data").asString();
	}

	// --- the tests ---

	@Test
	void signedTextMessageGetsOneAnswerWithContactLinksAndVoteButtons() throws Exception {
		String token = token();
		HttpResponse<String> r = signed(body(text(token, "住民票の写しを取りたいです。")));

		assertThat(r.statusCode()).isEqualTo(200);
		Captured reply = onlyReply(token);
		assertWithinLineLimits(reply);
		String text = reply.message().path("text").asString();
		assertThat(text).contains("市民課", "043-201-1211", PUBLIC_URL + "/portal/procedures/juminhyo-copy")
			.doesNotContain("<");
		List<JsonNode> buttons = reply.quickReplies();
		assertThat(buttons).extracting(b -> b.path("action").path("label").asString())
			.containsExactly("役に立った", "役に立たなかった");
		assertThat(data(buttons.get(0))).matches("fb=1&t=[0-9a-f-]{36}");
		assertThat(data(buttons.get(1))).matches("fb=0&t=[0-9a-f-]{36}");
		String turn = data(buttons.get(0)).substring("fb=1&t=".length());
		questionLog.flush();
		assertThat(jdbc.queryForObject("SELECT channel FROM assistant_turn WHERE id = ?", String.class, turn))
			.isEqualTo("LINE");
	}

	@Test
	void forgedOrMissingSignatureIs400AndNothingIsAnswered() throws Exception {
		String token = token();
		byte[] body = body(text(token, "住民票の写しを取りたいです。"));
		for (String signature : new String[] { LineSignature.sign("not-the-secret", body),
				LineSignature.sign(SECRET, body(text(token, "別の本文"))), "garbage", null }) {
			HttpResponse<String> r = send(CITY, body, signature);
			assertThat(r.statusCode()).as(String.valueOf(signature)).isEqualTo(400);
			assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
			assertThat(JSON.readTree(r.body()).path("errors").get(0).path("field").asString())
				.isEqualTo("X-Line-Signature");
		}
		assertThat(replies(token)).isEmpty();
	}

	@Test
	void redeliveredEventIsAnsweredOnce() throws Exception {
		String first = token();
		Map<String, Object> event = text(first, "住民票の写しを取りたいです。");
		assertThat(signed(body(event)).statusCode()).isEqualTo(200);
		// LINE delivers the same event again (same webhookEventId), marked as a redelivery
		String second = token();
		Map<String, Object> again = new LinkedHashMap<>(event);
		again.put("replyToken", second);
		again.put("deliveryContext", Map.of("isRedelivery", true));
		assertThat(signed(body(again)).statusCode()).isEqualTo(200);

		assertThat(replies(first)).hasSize(1);
		assertThat(replies(second)).isEmpty();
	}

	@Test
	void voteIsRecordedAndASecondVoteIsAnsweredPolitely() throws Exception {
		String ask = token();
		signed(body(text(ask, "住民票の写しを取りたいです。")));
		String yes = data(onlyReply(ask).quickReplies().get(0));
		String turn = yes.substring("fb=1&t=".length());

		String vote = token();
		assertThat(signed(body(postback(vote, yes))).statusCode()).isEqualTo(200);
		assertWithinLineLimits(onlyReply(vote));
		assertThat(onlyReply(vote).message().path("text").asString()).contains("ありがとうございます");
		assertThat(jdbc.queryForObject("SELECT helpful FROM assistant_feedback WHERE turn_id = ?", Boolean.class, turn))
			.isTrue();

		String again = token();
		assertThat(signed(body(postback(again, "fb=0&t=" + turn))).statusCode()).isEqualTo(200);
		assertThat(onlyReply(again).message().path("text").asString()).contains("すでにご評価");
		assertThat(jdbc.queryForObject("SELECT helpful FROM assistant_feedback WHERE turn_id = ?", Boolean.class, turn))
			.isTrue();
	}

	@Test
	void pickedCandidateIsAnswered() throws Exception {
		String ask = token();
		signed(body(text(ask, "住民票")));
		Captured candidates = onlyReply(ask);
		assertWithinLineLimits(candidates);
		List<JsonNode> buttons = candidates.quickReplies();
		assertThat(buttons).isNotEmpty().hasSizeLessThanOrEqualTo(3);
		assertThat(data(buttons.get(0))).matches("p=[a-z0-9-]+&t=[0-9a-f-]{36}");
		String question = buttons.get(0).path("action").path("displayText").asString();
		assertThat(candidates.message().path("text").asString()).contains("1. " + question);

		String pick = token();
		assertThat(signed(body(postback(pick, data(buttons.get(0))))).statusCode()).isEqualTo(200);
		Captured answer = onlyReply(pick);
		assertWithinLineLimits(answer);
		assertThat(answer.message().path("text").asString()).startsWith("【" + question + "】");
		assertThat(answer.quickReplies()).extracting(LineWebhookTests::data)
			.allMatch(d -> d.startsWith("fb="))
			.hasSize(2);
	}

	@Test
	void noAnswerOffersTopicsAndATopicOffersItsQuestions() throws Exception {
		String ask = token();
		signed(body(text(ask, "xyzzy")));
		Captured none = onlyReply(ask);
		assertWithinLineLimits(none);
		assertThat(none.message().path("text").asString()).contains("0123-45-6789");
		List<JsonNode> topics = none.quickReplies();
		assertThat(topics).isNotEmpty().allMatch(t -> data(t).matches("c=[A-Z_]+"));

		String topic = token();
		signed(body(postback(topic, data(topics.get(0)))));
		Captured list = onlyReply(topic);
		assertWithinLineLimits(list);
		assertThat(list.quickReplies()).isNotEmpty().allMatch(q -> data(q).matches("p=[a-z0-9-]+"));

		String pick = token();
		signed(body(postback(pick, data(list.quickReplies().get(0)))));
		assertThat(onlyReply(pick).message().path("text").asString()).startsWith("【");
	}

	@Test
	void followIsGreetedStickerGetsTheTextOnlyNoticeOthersAreIgnored() throws Exception {
		String follow = token();
		String sticker = token();
		String unknownPostback = token();
		String standby = token();
		HttpResponse<String> r = signed(body(event("follow", follow, Map.of()),
				event("message", sticker, Map.of("message", Map.of("id", "1", "type", "sticker", "packageId", "446",
						"stickerId", "1988"))),
				event("unfollow", null, Map.of()), postback(unknownPostback, "richmenu=home"),
				event("message", standby, Map.of("mode", "standby", "message", Map.of("id", "2", "type", "text",
						"text", "住民票")))));

		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(onlyReply(follow).message().path("text").asString()).contains("北山町", "友だち追加");
		assertThat(onlyReply(sticker).message().path("text").asString()).contains("文字で");
		assertThat(replies(unknownPostback)).isEmpty();
		assertThat(replies(standby)).isEmpty();
	}

	@Test
	void verifyCallWithNoEventsIs200() throws Exception {
		int before = CAPTURED.size();
		HttpResponse<String> r = signed("{\"destination\":\"Uxxxxxxxxxxxxxx\",\"events\":[]}".getBytes(StandardCharsets.UTF_8));
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(CAPTURED).hasSize(before);
	}

	@Test
	void replyRefusedByLineStillGives200() throws Exception {
		String token = "expired" + token();
		assertThat(signed(body(text(token, "住民票の写しを取りたいです。"))).statusCode()).isEqualTo(200);
		assertThat(replies(token)).hasSize(1);
	}

	@Test
	void malformedJsonWithAValidSignatureIs400() throws Exception {
		for (String body : new String[] { "{\"events\":[", "not json", "{\"events\":5}", "{}", "[]", "" }) {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			HttpResponse<String> r = send(CITY, bytes, LineSignature.sign(SECRET, bytes));
			assertThat(r.statusCode()).as(body).isEqualTo(400);
			assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
		}
	}

	@Test
	void tenantWithoutAChannelIs404() throws Exception {
		String other = "line-" + UUID.randomUUID().toString().substring(0, 8);
		tenants.createIfMissing(other, "南川村", "Minamikawa Village", "0123-45-0000", null, List.of());
		byte[] body = body(text(token(), "住民票"));
		for (String tenant : new String[] { other, GHOST, "no-such-city", Tenant.STANDARD }) {
			HttpResponse<String> r = send(tenant, body, LineSignature.sign(SECRET, body));
			assertThat(r.statusCode()).as(tenant).isEqualTo(404);
			assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
		}
	}

	@Test
	void bodyOverOneMegabyteIs413() throws Exception {
		byte[] body = new byte[1_048_577];
		java.util.Arrays.fill(body, (byte) ' ');
		HttpResponse<String> r = send(CITY, body, LineSignature.sign(SECRET, body));
		assertThat(r.statusCode()).isEqualTo(413);
	}

	@Test
	void theDevStandInIsNotThereOutsideDev() throws Exception {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/dev/line/replies")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).isNotEqualTo(200);
	}

	@Test
	void readsAtMostTheLimit() throws IOException {
		assertThat(LineWebhookController.readAtMost(new java.io.ByteArrayInputStream(new byte[10]), 10)).hasSize(10);
		assertThat(LineWebhookController.readAtMost(new java.io.ByteArrayInputStream(new byte[11]), 10)).isNull();
	}
}
