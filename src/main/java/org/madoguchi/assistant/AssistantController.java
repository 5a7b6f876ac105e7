package org.madoguchi.assistant;

import java.util.Locale;
import java.util.Map;

import org.madoguchi.platform.ApiController;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The chat API of the resident assistant, public (no token): used by residents' browsers (the web widget) and
 * by other programs. Each city (tenant) has its own path; the paths without a tenant serve this installation's
 * own city. Replies are JSON with plain-text strings; a client must insert them as text, never as HTML.
 */
@ApiController("/api/v1/assistant")
class AssistantController {

	private final Assistant assistant;

	private final AssistantProperties settings;

	AssistantController(Assistant assistant, AssistantProperties settings) {
		this.assistant = assistant;
		this.settings = settings;
	}

	/**
	 * {@code {"text": "...", "language": "ja"|"en", "channel": "WIDGET"|"API"}}; without {@code language} the
	 * Accept-Language header decides. Empty text is answered (kind INVALID, a prompt); a missing or non-string
	 * {@code text} is a 400.
	 */
	@PostMapping(path = "/tenants/{tenant}/chat", consumes = MediaType.APPLICATION_JSON_VALUE)
	Reply chat(@PathVariable String tenant, @RequestBody Map<String, Object> body) {
		return assistant.ask(tenant, channel(body), string(body, "text", true), locale(body));
	}

	/** The same for this installation's city. */
	@PostMapping(path = "/chat", consumes = MediaType.APPLICATION_JSON_VALUE)
	Reply chat(@RequestBody Map<String, Object> body) {
		return chat(settings.city().id(), body);
	}

	/**
	 * The resident picked a question: {@code {"entry": id, "turn": id of the turn that offered it (optional),
	 * "language": ...}}. Answers it and, when it was one of that turn's candidates, learns from the pick.
	 */
	@PostMapping(path = "/tenants/{tenant}/pick", consumes = MediaType.APPLICATION_JSON_VALUE)
	Reply pick(@PathVariable String tenant, @RequestBody Map<String, Object> body) {
		String turn = string(body, "turn", false);
		return assistant.pick(tenant, channel(body), turn, id(string(body, "entry", true), "entry"), locale(body));
	}

	/** {@code {"turn": id, "helpful": true|false, "language": ...}}: the vote on a turn's answer. */
	@PostMapping(path = "/tenants/{tenant}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
	Reply feedback(@PathVariable String tenant, @RequestBody Map<String, Object> body) {
		if (!(body.get("helpful") instanceof Boolean helpful)) {
			throw new InvalidInputException(FieldError.of("helpful", "assistant.error.helpful"));
		}
		return assistant.feedback(tenant, id(string(body, "turn", true), "turn"), helpful, locale(body));
	}

	/** The questions of one topic (the menu offered with a "no answer" reply). */
	@GetMapping("/tenants/{tenant}/categories/{code}")
	Reply category(@PathVariable String tenant, @PathVariable String code) {
		return assistant.category(tenant, id(code, "code"), LocaleContextHolder.getLocale());
	}

	@GetMapping("/tenants/{tenant}/entries/{id}")
	Reply.Answer entry(@PathVariable String tenant, @PathVariable String id) {
		return assistant.entry(tenant, id(id, "id"), LocaleContextHolder.getLocale())
			.orElseThrow(() -> new NotFoundException("assistant entry " + id));
	}

	@GetMapping("/entries/{id}")
	Reply.Answer entry(@PathVariable String id) {
		return entry(settings.city().id(), id);
	}

	private static String id(String value, String field) {
		if (value.length() > 100) {
			throw new InvalidInputException(FieldError.of(field, "assistant.error.id"));
		}
		return value;
	}

	private static String string(Map<String, Object> body, String field, boolean required) {
		Object v = body.get(field);
		if (v == null && !required) {
			return null;
		}
		if (!(v instanceof String s)) {
			throw new InvalidInputException(FieldError.of(field, "assistant.error." + field));
		}
		return s;
	}

	private static Channel channel(Map<String, Object> body) {
		Object c = body.get("channel");
		if (c == null) {
			return Channel.API;
		}
		if ("WIDGET".equals(c) || "API".equals(c)) {
			return Channel.valueOf((String) c);
		}
		throw new InvalidInputException(FieldError.of("channel", "assistant.error.channel"));
	}

	private static Locale locale(Map<String, Object> body) {
		Object language = body.get("language");
		if (language == null) {
			return LocaleContextHolder.getLocale();
		}
		if ("ja".equals(language) || "en".equals(language)) {
			return Locale.forLanguageTag((String) language);
		}
		throw new InvalidInputException(FieldError.of("language", "assistant.error.language"));
	}
}
