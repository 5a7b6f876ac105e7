package org.madoguchi.assistant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one tenant's residents are answered from, built at one moment: the effective entries, who owns each
 * (the city, or the standard set), and the {@link FaqEngine} over them with the phrasings learned so far.
 * Immutable once built; a change builds a new one.
 */
final class QaIndex {

	private final Map<String, QaEntry> entries;

	private final Map<String, String> owners;

	private final List<String> categories;

	private final FaqEngine engine;

	private final Coverage coverage;

	/** Entry ids by the {@link TextKey} of their question and phrasings, where that wording is one entry's only. */
	private final Map<String, String> exact;

	/**
	 * @param entries the entries residents may be answered with
	 * @param owners the owning tenant of each entry id ({@link Tenant#STANDARD} where absent)
	 * @param learned approved phrasings by entry id, indexed with the staff-written ones
	 */
	QaIndex(List<QaEntry> entries, Map<String, String> owners, Map<String, List<String>> learned) {
		Map<String, QaEntry> byId = new LinkedHashMap<>();
		List<FaqEntry> faq = new ArrayList<>(entries.size());
		Map<String, String> exactKeys = new java.util.HashMap<>();
		java.util.Set<String> ambiguous = new java.util.HashSet<>();
		for (QaEntry e : entries) {
			if (byId.putIfAbsent(e.id(), e) != null) {
				throw new IllegalStateException("duplicate Q&A id " + e.id());
			}
			List<String> alts = new ArrayList<>(e.alternatives());
			for (String p : learned.getOrDefault(e.id(), List.of())) {
				if (!alts.contains(p)) {
					alts.add(p);
				}
			}
			faq.add(new FaqEntry(e.id(), e.question(), alts, e.answer()));
			List<String> wordings = new ArrayList<>(alts);
			wordings.add(e.question());
			for (String w : wordings) {
				String key = TextKey.of(w);
				String before = exactKeys.putIfAbsent(key, e.id());
				if (before != null && !before.equals(e.id())) {
					ambiguous.add(key);
				}
			}
		}
		ambiguous.forEach(exactKeys::remove);
		this.exact = exactKeys;
		Map<String, String> texts = new java.util.HashMap<>();
		for (FaqEntry f : faq) {
			texts.put(f.id(), f.question() + "\n" + String.join("\n", f.alternatives()) + "\n" + f.answer());
		}
		this.coverage = new Coverage(texts);
		this.entries = byId;
		this.owners = Map.copyOf(owners);
		this.categories = Categories.CODES.stream()
			.filter(c -> byId.values().stream().anyMatch(e -> c.equals(e.category())))
			.toList();
		this.engine = new FaqEngine(faq);
	}

	/** An index over plain entries (all standard, nothing learned): for tests and tools. */
	static QaIndex of(List<QaEntry> entries) {
		return new QaIndex(entries, Map.of(), Map.of());
	}

	QaEntry entry(String id) {
		return id == null ? null : entries.get(id);
	}

	String owner(String id) {
		return owners.getOrDefault(id, Tenant.STANDARD);
	}

	/** The topics that have entries, in the taxonomy's order. */
	List<String> categories() {
		return categories;
	}

	/** The entries filed under a topic, in id order. */
	List<QaEntry> inCategory(String code) {
		return entries.values().stream().filter(e -> e.category().equals(code)).toList();
	}

	int size() {
		return entries.size();
	}

	/**
	 * The entry whose question or a phrasing (written or learned) is exactly this wording, ignoring width, kana,
	 * spaces and punctuation; {@code null} when none is or several are.
	 */
	QaEntry exactly(String text) {
		return entry(exact.get(TextKey.of(text)));
	}

	/**
	 * The engine's ranking, with its confidence lowered by how little of the question the first entry covers
	 * (see {@link Coverage}): the square root of the covered share, so one missing rare word of three halves it
	 * roughly, while a question the entry covers fully keeps the engine's confidence.
	 */
	FaqResult search(String text, int k) {
		FaqResult r = engine.search(text, k);
		if (r.hits().isEmpty()) {
			return r;
		}
		double covered = coverage.of(Coverage.terms(text), r.hits().get(0).entry().id());
		return new FaqResult(r.hits(), r.confidence() * Math.sqrt(covered));
	}

	/** The engine's own result, without the coverage adjustment (for measuring it). */
	FaqResult rawSearch(String text, int k) {
		return engine.search(text, k);
	}
}
