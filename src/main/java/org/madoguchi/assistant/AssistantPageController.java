package org.madoguchi.assistant;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.platform.NotFoundException;
import org.madoguchi.platform.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The assistant's own page (窓口アシスタント), for residents: a question form and the reply, rendered on the server
 * so that it works without JavaScript (the widget enhances it where scripts run). Everything asked here is logged
 * as {@link Channel#PAGE}. Picking a question and rating an answer are POST forms with CSRF, because they teach
 * the engine: a crawler following links must not.
 */
@Controller
@RequestMapping("/assistant")
class AssistantPageController {

	static final String VIEW = "assistant/public/page";

	/** Turn ids are UUIDs; anything else in the address is ignored rather than passed on. */
	private static final Pattern TURN = Pattern.compile("[0-9a-f-]{36}");

	private final Assistant assistant;

	private final TenantIndexes indexes;

	private final AssistantProperties settings;

	private final MessageSource messages;

	AssistantPageController(Assistant assistant, TenantIndexes indexes, AssistantProperties settings,
			MessageSource messages) {
		this.assistant = assistant;
		this.indexes = indexes;
		this.settings = settings;
		this.messages = messages;
	}

	/** An answer on the page, with what the template needs to show it safely. */
	record AnswerView(Reply.Answer answer, List<List<AnswerText.Piece>> lines, String tel, String page,
			String procedure) {

		static AnswerView of(Reply.Answer a) {
			return a == null ? null : new AnswerView(a, AnswerText.lines(a.text()), AnswerText.tel(a.phone()),
					AnswerText.safeHref(a.url()), AnswerText.safeHref(a.procedureUrl()));
		}
	}

	/** Whom to ask instead: the sentence, the number as a {@code tel:} link and the contact form. */
	record ContactView(String text, String phone, String tel, String form) {

		static ContactView of(Reply.Contact c) {
			return c == null ? null : new ContactView(c.text(), c.phone(), AnswerText.tel(c.phone()),
					AnswerText.safeHref(c.url()));
		}
	}

	/** The form, and the reply to {@code q} when one was asked. */
	@GetMapping
	String page(@RequestParam(required = false) String q, @RequestParam(required = false) String tenant,
			Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
		Tenant t = tenant(tenant);
		model.addAttribute("q", q);
		if (q == null) {
			// the first visit: the topics, so that a resident can browse before asking
			model.addAttribute("topics", topics(t, locale));
			return view(t, null, locale, model, request);
		}
		noIndex(response);
		return view(t, assistant.ask(t.id(), Channel.PAGE, q, locale), locale, model, request);
	}

	/**
	 * The resident picked a question (from the candidates of turn {@code turn}, or from a topic's list): logs
	 * the pick, then shows the answer at its own address (post/redirect/get, so that reloading does not pick again).
	 */
	@PostMapping("/pick")
	String pick(@RequestParam String tenant, @RequestParam(required = false) String turn, @RequestParam String entry,
			Locale locale, RedirectAttributes redirect) {
		Tenant t = tenant(tenant);
		Reply reply = assistant.pick(t.id(), Channel.PAGE, blankToNull(turn), id(entry), locale);
		redirect.addAttribute("entry", reply.answer().id());
		redirect.addAttribute("tenant", t.id());
		redirect.addAttribute("turn", reply.turn());
		return "redirect:/assistant/answers/{entry}";
	}

	/** One answer, after a pick; {@code turn} is the logged turn that the "helpful?" buttons rate. */
	@GetMapping("/answers/{entry}")
	String answer(@PathVariable String entry, @RequestParam(required = false) String tenant,
			@RequestParam(required = false) String turn, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Tenant t = tenant(tenant);
		Reply.Answer a = assistant.entry(t.id(), id(entry), locale)
			.orElseThrow(() -> new NotFoundException("assistant entry " + entry));
		String rated = turn != null && TURN.matcher(turn).matches() ? turn : null;
		noIndex(response);
		Reply reply = new Reply(rated, Reply.Kind.ANSWER,
				messages.getMessage("assistant.reply.answer", null, Dialogue.language(locale)), a, null, null, null);
		return view(t, reply, locale, model, request);
	}

	/** A topic's questions, from the menu of the "no answer" reply. */
	@GetMapping("/topics/{code}")
	String topic(@PathVariable String code, @RequestParam(required = false) String tenant, Locale locale,
			Model model, HttpServletRequest request) {
		Tenant t = tenant(tenant);
		return view(t, assistant.category(t.id(), id(code), locale), locale, model, request);
	}

	/** The "helpful?" vote; a second vote on the same answer is refused with a message (409). */
	@PostMapping("/feedback")
	String feedback(@RequestParam String tenant, @RequestParam String turn, @RequestParam boolean helpful,
			Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
		Tenant t = tenant(tenant);
		noIndex(response);
		try {
			return view(t, assistant.feedback(t.id(), id(turn), helpful, locale), locale, model, request);
		}
		catch (RuleViolationException e) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("problem", messages.getMessage(e.code(), e.args(), e.code(), Dialogue.language(locale)));
			model.addAttribute("topics", topics(t, locale));
			return view(t, null, locale, model, request);
		}
	}

	private String view(Tenant t, Reply reply, Locale locale, Model model, HttpServletRequest request) {
		Locale l = Dialogue.language(locale);
		if (reply != null && (reply.turn() != null || !reply.candidates().isEmpty())) {
			// the pick and rating forms carry a CSRF token kept in the session: make it now, because once the page
			// has streamed past the response buffer a session can no longer be started
			if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
				token.getToken();
			}
		}
		model.addAttribute("tenant", t);
		model.addAttribute("tenantName", t.name(l));
		model.addAttribute("maxLength", settings.maxLength());
		model.addAttribute("activeNav", "assistant");
		model.addAttribute("reply", reply);
		if (reply != null && !reply.categories().isEmpty()) {
			model.addAttribute("topics", reply.categories());
		}
		model.addAttribute("answer", reply == null ? null : AnswerView.of(reply.answer()));
		ContactView contact = reply == null ? null : ContactView.of(reply.contact());
		model.addAttribute("contact", contact);
		// every page without a contact in its reply still ends with a human to call
		model.addAttribute("cityContact", contact != null ? null : new ContactView(null, t.contactPhone(),
				AnswerText.tel(t.contactPhone()), AnswerText.safeHref(t.contactUrl())));
		return VIEW;
	}

	private List<Reply.Category> topics(Tenant t, Locale locale) {
		Locale l = Dialogue.language(locale);
		return indexes.index(t.id())
			.categories()
			.stream()
			.map(c -> new Reply.Category(c, messages.getMessage("assistant.category." + c, null, c, l)))
			.toList();
	}

	/** The city asked for, this installation's city when none is; 404 for an unknown one. */
	private Tenant tenant(String id) {
		return assistant.tenant(id == null || id.isBlank() ? settings.city().id() : id(id));
	}

	/** Ids longer than any real one are not looked up at all. */
	private static String id(String value) {
		if (value.length() > 100) {
			throw new NotFoundException("assistant id of " + value.length() + " characters");
		}
		return value;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	/** Residents' questions and the answers to them are not for search engines. */
	private static void noIndex(HttpServletResponse response) {
		response.setHeader("X-Robots-Tag", "noindex");
	}
}
