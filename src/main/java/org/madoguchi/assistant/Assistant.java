package org.madoguchi.assistant;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.madoguchi.platform.NotFoundException;
import org.madoguchi.platform.RuleViolationException;
import org.madoguchi.procedures.ProcedureCatalog;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The resident assistant (窓口アシスタント), as every channel uses it: answers a message from the tenant's Q&amp;A
 * ({@link Dialogue}), writes each turn to the question log, and learns from "helpful" votes and picked
 * candidates ({@link Phrasings}).
 */
@Service
public class Assistant {

	private final TenantIndexes indexes;

	private final Tenants tenants;

	private final QuestionLog log;

	private final Phrasings phrasings;

	private final Dialogue dialogue;

	private final Clock clock;

	Assistant(TenantIndexes indexes, Tenants tenants, QuestionLog log, Phrasings phrasings, MessageSource messages,
			AssistantProperties settings, ProcedureCatalog procedures, Clock clock) {
		this.indexes = indexes;
		this.tenants = tenants;
		this.log = log;
		this.phrasings = phrasings;
		this.clock = clock;
		this.dialogue = new Dialogue(messages, settings,
				(id, l) -> procedures.current(id).map(v -> v.definition().name().in(l)).orElse(null));
	}

	/** The city, or a 404 for an unknown or the standard pseudo-tenant. */
	public Tenant tenant(String id) {
		return tenants.find(id)
			.filter(t -> !Tenant.STANDARD.equals(t.id()))
			.orElseThrow(() -> new NotFoundException("assistant tenant " + id));
	}

	/** Answers a resident's message and logs the turn (empty and too-long messages are answered, not logged). */
	public Reply ask(String tenantId, Channel channel, String text, Locale locale) {
		Tenant tenant = tenant(tenantId);
		QaIndex index = indexes.index(tenant.id());
		FaqResult[] result = new FaqResult[1];
		Reply reply = dialogue.answer(index, tenant, text, locale, result);
		if (reply.kind() == Reply.Kind.INVALID) {
			return reply;
		}
		FaqResult r = result[0];
		String top = r == null || r.hits().isEmpty() ? null : r.hits().get(0).entry().id();
		Turn turn = new Turn(UUID.randomUUID().toString(), tenant.id(), channel, clock.instant(), text.strip(),
				reply.kind(), top, r == null ? 0 : r.confidence(),
				reply.candidates().stream().map(Reply.Candidate::id).toList(), null);
		log.record(turn);
		return reply.withTurn(turn.id());
	}

	/**
	 * The resident picked entry {@code entryId}: from the candidates of turn {@code fromTurn} (the pick teaches
	 * the engine that this question means that entry), or from a topic's list ({@code fromTurn} null).
	 */
	public Reply pick(String tenantId, Channel channel, String fromTurn, String entryId, Locale locale) {
		Tenant tenant = tenant(tenantId);
		QaIndex index = indexes.index(tenant.id());
		QaEntry entry = index.entry(entryId);
		if (entry == null) {
			throw new NotFoundException("assistant entry " + entryId);
		}
		String text = entry.question();
		String pickedFrom = null;
		if (fromTurn != null) {
			Turn earlier = log.find(tenant.id(), fromTurn)
				.orElseThrow(() -> new NotFoundException("assistant turn " + fromTurn));
			pickedFrom = earlier.id();
			text = earlier.text();
			if (earlier.kind() == Reply.Kind.CANDIDATES && earlier.candidates().contains(entryId)) {
				phrasings.confirm(index.owner(entryId), entryId, earlier.text(), tenant.id(), Phrasings.Source.PICKED);
			}
		}
		Turn turn = new Turn(UUID.randomUUID().toString(), tenant.id(), channel, clock.instant(), text,
				Reply.Kind.ANSWER, entryId, 1.0, java.util.List.of(), pickedFrom);
		log.record(turn);
		return dialogue.answerReply(entry, Dialogue.language(locale)).withTurn(turn.id());
	}

	/** A topic's questions (from the menu of the "no answer" reply). */
	public Reply category(String tenantId, String code, Locale locale) {
		Tenant tenant = tenant(tenantId);
		Reply r = dialogue.category(indexes.index(tenant.id()), code, locale);
		if (r == null) {
			throw new NotFoundException("assistant category " + code);
		}
		return r;
	}

	/**
	 * A "helpful?" vote on the answer of a turn. A helpful direct answer teaches the engine the resident's wording
	 * (a picked answer was counted when it was picked). An unhelpful one gets the topics and a human contact.
	 *
	 * @throws NotFoundException for an unknown turn
	 * @throws RuleViolationException when the turn had no answer or was voted on already
	 */
	public Reply feedback(String tenantId, String turnId, boolean helpful, Locale locale) {
		Tenant tenant = tenant(tenantId);
		Turn turn = log.find(tenant.id(), turnId).orElseThrow(() -> new NotFoundException("assistant turn " + turnId));
		if (turn.kind() != Reply.Kind.ANSWER || turn.entryId() == null) {
			throw new RuleViolationException("assistant.feedback.error.noAnswer");
		}
		if (!log.feedback(tenant.id(), turn.id(), turn.entryId(), helpful, clock.instant())) {
			throw new RuleViolationException("assistant.feedback.error.again");
		}
		Locale l = Dialogue.language(locale);
		QaIndex index = indexes.index(tenant.id());
		if (helpful) {
			if (turn.pickedFrom() == null && index.entry(turn.entryId()) != null) {
				phrasings.confirm(index.owner(turn.entryId()), turn.entryId(), turn.text(), tenant.id(),
						Phrasings.Source.HELPFUL);
			}
			return Reply.of(Reply.Kind.FEEDBACK, dialogue.msg("assistant.reply.helpful", l)).withTurn(turn.id());
		}
		Reply none = dialogue.none(index, tenant, l);
		return new Reply(turn.id(), Reply.Kind.FEEDBACK, dialogue.msg("assistant.reply.unhelpful", l), null, null,
				none.categories(), none.contact());
	}

	/** One entry as an answer, or empty when the tenant has no such entry. */
	public Optional<Reply.Answer> entry(String tenantId, String id, Locale locale) {
		Tenant tenant = tenant(tenantId);
		QaEntry e = indexes.index(tenant.id()).entry(id);
		return e == null ? Optional.empty() : Optional.of(dialogue.answer(e, Dialogue.language(locale)));
	}
}
