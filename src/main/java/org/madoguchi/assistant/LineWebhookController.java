package org.madoguchi.assistant;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * LINE's webhook, one per city: {@code POST /api/v1/assistant/line/{tenant}/webhook} (the URL set in the LINE
 * Developers console). The body is read as raw bytes and its signature checked before any JSON is parsed; only
 * then are the events handled ({@link LineEvents}). LINE's "verify" button sends an empty event list and gets 200.
 * Outside the per-IP rate limit: every resident's message comes from LINE's few servers.
 */
@RestController
class LineWebhookController {

	private static final Logger log = LoggerFactory.getLogger(LineWebhookController.class);

	private final LineProperties settings;

	private final Tenants tenants;

	private final LineEvents events;

	private final MessageSource messages;

	private final JsonMapper json = JsonMapper.builder().build();

	LineWebhookController(LineProperties settings, Tenants tenants, LineEvents events, MessageSource messages) {
		this.settings = settings;
		this.tenants = tenants;
		this.events = events;
		this.messages = messages;
	}

	@PostMapping(AssistantWebConfiguration.LINE_PATHS + "{tenant}/webhook")
	ResponseEntity<?> webhook(@PathVariable String tenant,
			@RequestHeader(name = LineSignature.HEADER, required = false) String signature, HttpServletRequest request)
			throws IOException {
		Optional<LineProperties.LineChannel> channel = settings.channel(tenant)
			.filter(c -> tenants.find(c.tenant()).filter(t -> !Tenant.STANDARD.equals(t.id())).isPresent());
		if (channel.isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, "not-found", "assistant.line.error.channel");
		}
		byte[] body = readAtMost(request.getInputStream(), settings.maxBodyBytes());
		if (body == null) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "assistant.line.error.tooLarge",
					settings.maxBodyBytes());
		}
		if (!LineSignature.verify(channel.get().channelSecret(), body, signature)) {
			// someone who does not hold the channel secret (or a misconfigured secret): worth a look, never the secret
			log.warn("LINE webhook of tenant {} from {}: {} signature, refused", tenant, request.getRemoteAddr(),
					signature == null ? "no" : "wrong");
			ProblemDetail p = problemDetail(HttpStatus.BAD_REQUEST, "bad-signature", "assistant.line.error.signature");
			p.setProperty("errors", List.of(fieldError(LineSignature.HEADER, "assistant.line.error.signature")));
			return ResponseEntity.of(p).build();
		}
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JacksonException e) {
			return problem(HttpStatus.BAD_REQUEST, "malformed-request", "assistant.line.error.json");
		}
		JsonNode list = root == null ? null : root.get("events");
		if (list == null || !list.isArray()) {
			ProblemDetail p = problemDetail(HttpStatus.BAD_REQUEST, "invalid-input", "assistant.line.error.json");
			p.setProperty("errors", List.of(fieldError("events", "assistant.line.error.events")));
			return ResponseEntity.of(p).build();
		}
		events.handle(channel.get(), list);
		return ResponseEntity.ok().build();
	}

	/** The body, or {@code null} when it is longer than {@code limit} bytes (only limit + 1 bytes are read). */
	static byte[] readAtMost(InputStream in, int limit) throws IOException {
		byte[] body = in.readNBytes(limit + 1);
		return body.length > limit ? null : body;
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String code, Object... args) {
		return ResponseEntity.of(problemDetail(status, type, code, args)).build();
	}

	private ProblemDetail problemDetail(HttpStatus status, String type, String code, Object... args) {
		ProblemDetail p = ProblemDetail.forStatus(status);
		p.setType(URI.create("https://madoguchi.org/problems/" + type));
		p.setTitle(messages.getMessage(code, args, LocaleContextHolder.getLocale()));
		return p;
	}

	private Map<String, Object> fieldError(String field, String code) {
		return Map.of("field", field, "code", code, "message",
				messages.getMessage(code, null, LocaleContextHolder.getLocale()));
	}
}
