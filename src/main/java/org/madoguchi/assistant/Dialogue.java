package org.madoguchi.assistant;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

import org.springframework.context.MessageSource;

/**
 * The assistant's decision for one message over one tenant's index, without side effects: an answer, up to three
 * candidates, an apology with topics and a human contact, small talk, or a refusal. It never writes an answer of
 * its own — only listed answers are ever given.
 */
final class Dialogue {

	static final int MAX_CANDIDATES = 3;

	static final int MAX_CATEGORY_ITEMS = 10;

	/** Whole messages that are greetings or thanks (after {@link #smalltalkKey} normalisation). */
	private static final Set<String> GREETINGS = Set.of("こんにちは", "こんにちわ", "おはよう", "おはようございます",
			"こんばんは", "こんばんわ", "はじめまして", "hello", "hi", "hey", "goodmorning", "goodafternoon",
			"goodevening");

	private static final Set<String> THANKS = Set.of("ありがとう", "ありがとうございます", "ありがとうございました",
			"どうもありがとう", "どうもありがとうございます", "助かりました", "thanks", "thankyou", "thanksalot",
			"thankyouverymuch", "thx");

	private final MessageSource messages;

	private final AssistantProperties settings;

	/** The name of an online procedure in a locale, or {@code null} when it is not on offer. */
	private final BiFunction<String, Locale, String> procedureName;

	Dialogue(MessageSource messages, AssistantProperties settings, BiFunction<String, Locale, String> procedureName) {
		this.messages = messages;
		this.settings = settings;
		this.procedureName = procedureName;
	}

	/** Japanese unless English is asked for. */
	static Locale language(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.JAPANESE;
	}

	/** The reply to {@code text}; {@code hits} receives the search result when one was made. */
	Reply answer(QaIndex index, Tenant tenant, String text, Locale locale, FaqResult[] hits) {
		Locale l = language(locale);
		if (text == null || text.isBlank()) {
			return Reply.of(Reply.Kind.INVALID, msg("assistant.reply.empty", l));
		}
		if (text.codePointCount(0, text.length()) > settings.maxLength()) {
			return Reply.of(Reply.Kind.INVALID, msg("assistant.reply.tooLong", l, settings.maxLength()));
		}
		String key = smalltalkKey(text);
		if (GREETINGS.contains(key)) {
			return Reply.of(Reply.Kind.SMALLTALK, msg("assistant.reply.greeting", l, tenant.name(l)));
		}
		if (THANKS.contains(key)) {
			return Reply.of(Reply.Kind.SMALLTALK, msg("assistant.reply.thanks", l));
		}
		QaEntry exact = index.exactly(text);
		if (exact != null) {
			// the very wording of a listed question or of a confirmed phrasing: no doubt which entry is meant
			if (hits != null) {
				hits[0] = new FaqResult(List.of(new FaqHit(new FaqEntry(exact.id(), exact.question(), exact.answer()), 1,
						0f)), 1.0);
			}
			return answerReply(exact, l);
		}
		FaqResult result = index.search(text, MAX_CANDIDATES);
		if (hits != null) {
			hits[0] = result;
		}
		if (!result.hits().isEmpty() && result.confidence() >= settings.answer()) {
			return answerReply(index.entry(result.hits().get(0).entry().id()), l);
		}
		if (!result.hits().isEmpty() && result.confidence() >= settings.candidates()) {
			List<Reply.Candidate> candidates = result.hits().stream()
				.limit(MAX_CANDIDATES)
				.map(h -> new Reply.Candidate(h.entry().id(), index.entry(h.entry().id()).question()))
				.toList();
			return new Reply(null, Reply.Kind.CANDIDATES, msg("assistant.reply.candidates", l), null, candidates, null,
					null);
		}
		return none(index, tenant, l);
	}

	Reply answerReply(QaEntry e, Locale l) {
		return new Reply(null, Reply.Kind.ANSWER, msg("assistant.reply.answer", l), answer(e, l), null, null, null);
	}

	/** The questions filed under a topic, or {@code null} when the tenant has none there. */
	Reply category(QaIndex index, String code, Locale locale) {
		Locale l = language(locale);
		List<QaEntry> entries = index.inCategory(code);
		if (entries.isEmpty()) {
			return null;
		}
		List<Reply.Candidate> items = entries.stream()
			.limit(MAX_CATEGORY_ITEMS)
			.map(e -> new Reply.Candidate(e.id(), e.question()))
			.toList();
		return new Reply(null, Reply.Kind.CATEGORY, msg("assistant.reply.category", l, categoryName(code, l)), null,
				items, null, null);
	}

	Reply none(QaIndex index, Tenant tenant, Locale l) {
		List<Reply.Category> categories = index.categories()
			.stream()
			.map(c -> new Reply.Category(c, categoryName(c, l)))
			.toList();
		return new Reply(null, Reply.Kind.NONE, msg("assistant.reply.none", l), null, null, categories,
				contact(tenant, l));
	}

	Reply.Contact contact(Tenant tenant, Locale l) {
		return new Reply.Contact(msg("assistant.contact", l, tenant.name(l), tenant.contactPhone()),
				tenant.contactPhone(), tenant.contactUrl());
	}

	Reply.Answer answer(QaEntry e, Locale l) {
		String name = e.procedure() == null ? null : procedureName.apply(e.procedure(), l);
		String procedureUrl = name == null ? null : "/portal/procedures/" + e.procedure();
		return new Reply.Answer(e.id(), e.question(), e.answer().strip(), e.url(), e.department(), e.phone(),
				procedureUrl, name);
	}

	String categoryName(String code, Locale l) {
		return messages.getMessage("assistant.category." + code, null, code, l);
	}

	String msg(String code, Locale l, Object... args) {
		return messages.getMessage(code, args, l);
	}

	/** Lower case, full-width folded, without spaces, punctuation, symbols or a trailing 「ー」/「〜」. */
	static String smalltalkKey(String text) {
		String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder b = new StringBuilder();
		s.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
		return b.toString();
	}
}
