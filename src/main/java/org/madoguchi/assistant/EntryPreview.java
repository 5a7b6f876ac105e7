package org.madoguchi.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.madoguchi.procedures.ProcedureCatalog;
import org.springframework.stereotype.Component;

/**
 * What staff see before saving a Q&amp;A: the answer as residents will get it, and for the question and each
 * phrasing which entry the tenant's live index answers today — so that an editor notices when another entry
 * already captures the wording (the new text is not indexed until it is saved and published).
 */
@Component
class EntryPreview {

	/** How the live index treats one wording. */
	enum Outcome {
		/** the very wording of a listed question or phrasing */
		EXACT,
		/** answered directly with enough confidence */
		ANSWER,
		/** up to 3 candidates offered */
		CANDIDATES,
		/** nothing found */
		NONE
	}

	/** One entry the index finds for a wording. */
	record Hit(String id, String question) {
	}

	/**
	 * @param confidence the engine's confidence in the first hit (0–1)
	 * @param self whether the entry answered (or the first candidate) is the one being edited
	 */
	record Match(String wording, Outcome outcome, double confidence, List<Hit> hits, boolean self) {
	}

	record Result(Reply.Answer answer, List<Match> matches) {
	}

	private final TenantIndexes indexes;

	private final ProcedureCatalog procedures;

	private final AssistantProperties settings;

	EntryPreview(TenantIndexes indexes, ProcedureCatalog procedures, AssistantProperties settings) {
		this.indexes = indexes;
		this.procedures = procedures;
		this.settings = settings;
	}

	Result of(String tenant, KnowledgeBase.Draft d, Locale locale) {
		String name = d.procedure() == null ? null
				: procedures.current(d.procedure()).map(v -> v.definition().name().in(locale)).orElse(null);
		Reply.Answer answer = new Reply.Answer(d.id(), d.question(), d.answer() == null ? "" : d.answer().strip(),
				d.url(), d.department(), d.phone(), name == null ? null : "/portal/procedures/" + d.procedure(), name);
		QaIndex index = indexes.index(tenant);
		List<String> wordings = new ArrayList<>();
		if (d.question() != null) {
			wordings.add(d.question());
		}
		wordings.addAll(d.alternatives());
		List<Match> matches = new ArrayList<>();
		for (String w : wordings.stream().limit(KnowledgeBase.MAX_ALTERNATIVES + 1L).toList()) {
			matches.add(match(index, w, d.id()));
		}
		return new Result(answer, matches);
	}

	/** The same decision {@link Dialogue} makes, without small talk (a Q&amp;A question is never a greeting). */
	private Match match(QaIndex index, String wording, String self) {
		QaEntry exact = index.exactly(wording);
		if (exact != null) {
			return new Match(wording, Outcome.EXACT, 1.0, List.of(new Hit(exact.id(), exact.question())),
					exact.id().equals(self));
		}
		FaqResult r = index.search(wording, Dialogue.MAX_CANDIDATES);
		List<Hit> hits = r.hits().stream()
			.map(h -> new Hit(h.entry().id(), index.entry(h.entry().id()).question()))
			.toList();
		Outcome outcome = hits.isEmpty() || r.confidence() < settings.candidates() ? Outcome.NONE
				: r.confidence() >= settings.answer() ? Outcome.ANSWER : Outcome.CANDIDATES;
		List<Hit> shown = switch (outcome) {
			case ANSWER -> hits.subList(0, 1);
			case CANDIDATES -> hits;
			default -> List.of();
		};
		return new Match(wording, outcome, r.confidence(), shown, !shown.isEmpty() && shown.get(0).id().equals(self));
	}
}
