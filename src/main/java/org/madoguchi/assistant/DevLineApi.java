package org.madoguchi.assistant;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * start-dev only: a stand-in for LINE's reply API, so that the LINE channel can be tried without a LINE account
 * ({@code madoguchi.assistant.line.api-base-url} points here in application-dev.yml). Checks the bearer token and
 * the reply's shape against LINE's limits as LINE would, and keeps the last {@value #KEPT} replies in memory:
 * {@code GET /dev/line/replies}, newest first.
 */
@RestController
@Profile("dev")
class DevLineApi {

	static final String PATHS = "/dev/line/**";

	static final int KEPT = 50;

	/** One reply as LINE would have received it. */
	record Captured(Instant at, String tenant, JsonNode body) {
	}

	private final LineProperties settings;

	private final Clock clock;

	private final Deque<Captured> replies = new ArrayDeque<>();

	DevLineApi(LineProperties settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	@PostMapping("/dev/line/v2/bot/message/reply")
	ResponseEntity<Map<String, Object>> reply(@RequestHeader(name = "Authorization", required = false) String auth,
			@RequestBody JsonNode body) {
		String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
		LineProperties.LineChannel channel = settings.channels()
			.stream()
			.filter(c -> c.channelAccessToken().equals(token))
			.findFirst()
			.orElse(null);
		if (channel == null) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.body(Map.of("message", "Authentication failed. Confirm that the access token in the authorization "
						+ "header is valid."));
		}
		List<String> problems = problems(body);
		if (!problems.isEmpty()) {
			return ResponseEntity.badRequest()
				.body(Map.of("message", "The request body has " + problems.size() + " error(s)", "details", problems));
		}
		synchronized (replies) {
			replies.addFirst(new Captured(clock.instant(), channel.tenant(), body));
			while (replies.size() > KEPT) {
				replies.removeLast();
			}
		}
		return ResponseEntity.ok(Map.of());
	}

	@GetMapping("/dev/line/replies")
	List<Captured> replies() {
		synchronized (replies) {
			return new ArrayList<>(replies);
		}
	}

	/** What LINE would refuse in a reply request (the limits that apply to what this application sends). */
	static List<String> problems(JsonNode body) {
		List<String> problems = new ArrayList<>();
		if (!body.path("replyToken").isString() || body.path("replyToken").asString().isBlank()) {
			problems.add("replyToken: required");
		}
		JsonNode messages = body.path("messages");
		if (!messages.isArray() || messages.size() < 1 || messages.size() > 5) {
			problems.add("messages: 1 to 5 required");
			return problems;
		}
		for (int i = 0; i < messages.size(); i++) {
			JsonNode m = messages.get(i);
			String at = "messages[" + i + "]";
			if (!"text".equals(m.path("type").asString(""))) {
				problems.add(at + ".type: only text is expected from the assistant");
			}
			String text = m.path("text").asString("");
			if (text.isEmpty() || text.length() > LineMessages.MAX_TEXT) {
				problems.add(at + ".text: 1 to " + LineMessages.MAX_TEXT + " characters");
			}
			JsonNode items = m.path("quickReply").path("items");
			if (m.has("quickReply") && (!items.isArray() || items.size() < 1
					|| items.size() > LineMessages.MAX_QUICK_REPLIES)) {
				problems.add(at + ".quickReply.items: 1 to " + LineMessages.MAX_QUICK_REPLIES);
			}
			for (int j = 0; j < items.size(); j++) {
				JsonNode a = items.get(j).path("action");
				String label = a.path("label").asString("");
				String data = a.path("data").asString("");
				if (label.isEmpty() || label.length() > LineMessages.MAX_LABEL) {
					problems.add(at + ".quickReply.items[" + j + "].action.label: 1 to " + LineMessages.MAX_LABEL);
				}
				if ("postback".equals(a.path("type").asString("")) && (data.isEmpty()
						|| data.length() > LinePostback.MAX_DATA)) {
					problems.add(at + ".quickReply.items[" + j + "].action.data: 1 to " + LinePostback.MAX_DATA);
				}
			}
		}
		return problems;
	}
}
