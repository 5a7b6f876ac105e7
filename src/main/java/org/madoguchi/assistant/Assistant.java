package org.madoguchi.assistant;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The resident assistant (窓口アシスタント): answers a resident's message from the standard Q&amp;A only. It
 * never writes an answer of its own: either a listed answer with its desk and phone, a short list of listed
 * questions to pick from, or an apology with the topics it knows and a human contact.
 */
@Service
public class Assistant {

	static final int MAX_CANDIDATES = 3;

	/** Whole messages that are greetings or thanks (after {@link #smalltalkKey} normalisation). */
	private static final Set<String> GREETINGS = Set.of("こんにちは", "こんにちわ", "おはよう", "おはようございます",
			"こんばんは", "こんばんわ", "はじめまして", "hello", "hi", "hey", "goodmorning", "goodafternoon",
			"goodevening");

	private static final Set<String> THANKS = Set.of("ありがとう", "ありがとうございます", "ありがとうございました",
			"どうもありがとう", "どうもありがとうございます", "助かりました", "thanks", "thankyou", "thanksalot",
			"thankyouverymuch", "thx");

	private final StandardQa qa;

	private final MessageSource messages;

	private final AssistantProperties settings;

	Assistant(StandardQa qa, MessageSource messages, AssistantProperties settings) {
		this.qa = qa;
		this.messages = messages;
		this.settings = settings;
	}

	/** The reply to {@code text} in {@code locale} (Japanese unless English is asked for). */
	public Reply answer(String text, Locale locale) {
		Locale l = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.JAPANESE;
		if (text == null || text.isBlank()) {
			return simple(Reply.Kind.INVALID, msg("assistant.reply.empty", l));
		}
		if (text.codePointCount(0, text.length()) > settings.maxLength()) {
			return simple(Reply.Kind.INVALID, msg("assistant.reply.tooLong", l, settings.maxLength()));
		}
		String key = smalltalkKey(text);
		if (GREETINGS.contains(key)) {
			return simple(Reply.Kind.SMALLTALK, msg("assistant.reply.greeting", l));
		}
		if (THANKS.contains(key)) {
			return simple(Reply.Kind.SMALLTALK, msg("assistant.reply.thanks", l));
		}
		FaqResult result = qa.search(text, MAX_CANDIDATES);
		if (!result.hits().isEmpty() && result.confidence() >= settings.answer()) {
			QaEntry e = qa.entry(result.hits().get(0).entry().id());
			return new Reply(Reply.Kind.ANSWER, msg("assistant.reply.answer", l), answer(e), null, null, null);
		}
		if (!result.hits().isEmpty() && result.confidence() >= settings.candidates()) {
			List<Reply.Candidate> candidates = result.hits().stream()
				.limit(MAX_CANDIDATES)
				.map(h -> new Reply.Candidate(h.entry().id(), h.entry().question()))
				.toList();
			return new Reply(Reply.Kind.CANDIDATES, msg("assistant.reply.candidates", l), null, candidates, null, null);
		}
		return none(l);
	}

	/** One entry as an answer (the resident picked a candidate), or {@code null} when there is no such id. */
	public Reply.Answer entry(String id) {
		QaEntry e = qa.entry(id);
		return e == null ? null : answer(e);
	}

	private Reply none(Locale l) {
		List<Reply.Category> categories = qa.categories().stream()
			.map(c -> new Reply.Category(c, messages.getMessage("assistant.category." + c, null, c, l)))
			.toList();
		return new Reply(Reply.Kind.NONE, msg("assistant.reply.none", l), null, null, categories,
				msg("assistant.contact", l));
	}

	private static Reply.Answer answer(QaEntry e) {
		String procedureUrl = e.procedure() == null || e.procedure().isBlank() ? null
				: "/portal/procedures/" + e.procedure();
		return new Reply.Answer(e.id(), e.question(), e.answer().strip(), e.url(), e.department(), e.phone(),
				procedureUrl);
	}

	private static Reply simple(Reply.Kind kind, String message) {
		return new Reply(kind, message, null, null, null, null);
	}

	private String msg(String code, Locale l, Object... args) {
		return messages.getMessage(code, args, l);
	}

	/** Lower case, full-width folded, without spaces, punctuation, symbols or a trailing 「ー」/「〜」. */
	static String smalltalkKey(String text) {
		String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder b = new StringBuilder();
		s.codePoints().filter(cp -> Character.isLetterOrDigit(cp)).forEach(b::appendCodePoint);
		return b.toString();
	}
}
