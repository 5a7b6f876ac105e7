package org.madoguchi.assistant;

import java.util.List;
import java.util.Locale;

import org.madoguchi.platform.NotFoundException;
import org.madoguchi.platform.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Handles the events of one verified LINE webhook call, one after the other, and replies to each at once (a reply
 * token expires within tens of seconds). A text message is asked of the {@link Assistant}; the buttons of earlier
 * replies come back as postbacks ({@link LinePostback}); a new friend (follow) is greeted; stickers, images and the
 * like get a request to write text. Other events (unfollow, join, read receipts …) are ignored. An event that fails
 * is logged and the others go on: LINE must still get its 200.
 */
@Component
class LineEvents {

	private static final Logger log = LoggerFactory.getLogger(LineEvents.class);

	/** Residents write to the city's LINE account in Japanese. */
	private static final Locale LANGUAGE = Locale.JAPANESE;

	/** The column's width; LINE's ids are far shorter. */
	private static final int MAX_EVENT_ID = 100;

	private final Assistant assistant;

	private final LineEventLog taken;

	private final LineMessages messages;

	private final LineClient client;

	LineEvents(Assistant assistant, LineEventLog taken, LineMessages messages, LineClient client) {
		this.assistant = assistant;
		this.taken = taken;
		this.messages = messages;
		this.client = client;
	}

	/** Handles each event of {@code events} (a JSON array) for the channel's tenant. */
	void handle(LineProperties.LineChannel channel, JsonNode events) {
		for (JsonNode event : events) {
			try {
				handleOne(channel, event);
			}
			catch (RuntimeException e) {
				log.error("LINE event of tenant {} failed", channel.tenant(), e);
			}
		}
	}

	private void handleOne(LineProperties.LineChannel channel, JsonNode event) {
		String type = string(event, "type");
		if (!("message".equals(type) || "postback".equals(type) || "follow".equals(type))) {
			return;
		}
		if ("standby".equals(string(event, "mode"))) {
			// another module of the channel is answering now (LINE's module channels): stay silent
			return;
		}
		String id = string(event, "webhookEventId");
		if (id != null && id.length() <= MAX_EVENT_ID && !taken.take(id, channel.tenant())) {
			log.info("LINE event {} of tenant {} was taken before (redelivery: {})", id, channel.tenant(),
					event.path("deliveryContext").path("isRedelivery").asBoolean(false));
			return;
		}
		String replyToken = string(event, "replyToken");
		if (replyToken == null) {
			return;
		}
		List<LineMessages.Message> reply = switch (type) {
			case "message" -> message(channel.tenant(), event.path("message"));
			case "postback" -> postback(channel.tenant(), string(event.path("postback"), "data"));
			default -> messages.text("assistant.line.follow", assistant.tenant(channel.tenant()).name(LANGUAGE));
		};
		if (!reply.isEmpty()) {
			client.reply(channel, replyToken, reply);
		}
	}

	private List<LineMessages.Message> message(String tenant, JsonNode message) {
		if (!"text".equals(string(message, "type"))) {
			return messages.text("assistant.line.textOnly");
		}
		String text = string(message, "text");
		return messages.of(assistant.ask(tenant, Channel.LINE, text == null ? "" : text, LANGUAGE));
	}

	private List<LineMessages.Message> postback(String tenant, String data) {
		LinePostback postback = LinePostback.parse(data).orElse(null);
		if (postback == null) {
			// a button of an older version of this program, or of another module of the channel
			log.info("LINE postback of tenant {} not understood, ignored: {}", tenant,
					data == null ? null : LineMessages.fit(data.replaceAll("[\\r\\n]", " "), 100));
			return List.of();
		}
		try {
			Reply reply;
			if (postback instanceof LinePostback.Vote v) {
				reply = assistant.feedback(tenant, v.turn(), v.helpful(), LANGUAGE);
			}
			else if (postback instanceof LinePostback.Pick p) {
				reply = assistant.pick(tenant, Channel.LINE, p.turn(), p.entry(), LANGUAGE);
			}
			else {
				reply = assistant.category(tenant, ((LinePostback.Category) postback).code(), LANGUAGE);
			}
			return messages.of(reply);
		}
		catch (RuleViolationException e) {
			// a second tap on a vote button, or a vote on a turn without an answer: say so kindly
			return messages.text("assistant.feedback.error.again".equals(e.code()) ? "assistant.line.feedback.again"
					: "assistant.line.feedback.noAnswer");
		}
		catch (NotFoundException e) {
			// an old button: the entry was withdrawn, or the turn left the question log
			return messages.text("assistant.line.gone");
		}
	}

	private static String string(JsonNode node, String field) {
		JsonNode v = node.get(field);
		return v != null && v.isString() ? v.asString() : null;
	}
}
