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
 * The chat API of the resident assistant, public (no token): used by residents' browsers (the web widget).
 * Replies are JSON with plain-text strings; the client must insert them as text, never as HTML.
 */
@ApiController("/api/v1/assistant")
class AssistantController {

	private final Assistant assistant;

	AssistantController(Assistant assistant) {
		this.assistant = assistant;
	}

	/**
	 * {@code {"text": "...", "language": "ja"|"en"}}; without {@code language} the Accept-Language header
	 * decides. Empty text is answered (kind INVALID, a prompt); a missing or non-string {@code text} is a 400.
	 */
	@PostMapping(path = "/chat", consumes = MediaType.APPLICATION_JSON_VALUE)
	Reply chat(@RequestBody Map<String, Object> body) {
		Object text = body.get("text");
		if (!(text instanceof String s)) {
			throw new InvalidInputException(FieldError.of("text", "assistant.error.text"));
		}
		Object language = body.get("language");
		Locale locale;
		if (language == null) {
			locale = LocaleContextHolder.getLocale();
		}
		else if ("ja".equals(language) || "en".equals(language)) {
			locale = Locale.forLanguageTag((String) language);
		}
		else {
			throw new InvalidInputException(FieldError.of("language", "assistant.error.language"));
		}
		return assistant.answer(s, locale);
	}

	@GetMapping("/entries/{id}")
	Reply.Answer entry(@PathVariable String id) {
		Reply.Answer a = id.length() > 100 ? null : assistant.entry(id);
		if (a == null) {
			throw new NotFoundException("assistant entry " + id);
		}
		return a;
	}
}
