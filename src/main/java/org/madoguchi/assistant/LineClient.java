package org.madoguchi.assistant;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A thin client of LINE's Messaging API (no Java SDK is at hand): the reply call only. Failures are logged with
 * LINE's status and error message and never thrown, because the webhook must still answer LINE with 200 for an
 * event it handled (otherwise LINE delivers it again, and the resident gets a second answer).
 */
@Component
class LineClient {

	private static final Logger log = LoggerFactory.getLogger(LineClient.class);

	/** LINE's error bodies are short; more is not read into a log line. */
	private static final int MAX_ERROR_CHARS = 500;

	private final LineProperties settings;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	LineClient(LineProperties settings) {
		this.settings = settings;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Replies to the event that carried {@code replyToken} ({@code POST /v2/bot/message/reply}).
	 *
	 * @return whether LINE accepted the reply
	 */
	boolean reply(LineProperties.LineChannel channel, String replyToken, List<LineMessages.Message> messages) {
		byte[] body = json.writeValueAsBytes(new LineMessages.ReplyRequest(replyToken, messages));
		HttpRequest request = HttpRequest.newBuilder(settings.api("/v2/bot/message/reply"))
			.timeout(settings.timeout())
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + channel.channelAccessToken())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 == 2) {
				return true;
			}
			log.warn("LINE reply for tenant {} refused: HTTP {} {}", channel.tenant(), response.statusCode(),
					errorMessage(response.body()));
		}
		catch (IOException e) {
			log.warn("LINE reply for tenant {} failed: {}", channel.tenant(), e.toString());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			log.warn("LINE reply for tenant {} interrupted", channel.tenant());
		}
		return false;
	}

	/** LINE's {@code message} (and {@code details}) from an error body, or the body itself cut short. */
	private String errorMessage(String body) {
		if (body == null || body.isBlank()) {
			return "";
		}
		try {
			JsonNode node = json.readTree(body);
			if (node.hasNonNull("message")) {
				String details = node.has("details") ? " " + node.get("details") : "";
				return LineMessages.fit(node.get("message").asString() + details, MAX_ERROR_CHARS);
			}
		}
		catch (JacksonException notJson) {
			// fall through: log what came back
		}
		return LineMessages.fit(body.strip(), MAX_ERROR_CHARS);
	}
}
