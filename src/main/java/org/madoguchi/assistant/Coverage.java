package org.madoguchi.assistant;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much of a question an entry speaks about: the share of the question's words (weighted by how rare they are
 * among the entries) that occur in the entry's question, phrasings or answer.
 *
 * <p>Ranking finds the best entry; it cannot tell that the best is still about something else. 「ペット火葬の申し込み」
 * ranks 「ペットと一緒に避難できますか」 first on ペット alone, and 「温泉の入浴券はどこで買えますか」 ranks the 粗大ごみ
 * 処理券 entry first on 券 and 買う. A rare word of the question that the entry never mentions (火葬, 温泉) is the sign,
 * and it lowers the confidence so that the resident gets candidates or a human contact instead of a wrong answer.
 */
final class Coverage {

	private final Map<String, Set<String>> termsByEntry = new HashMap<>();

	/** Each entry's text read in katakana: finds a word written in kana or inflected differently (引っ越し/引っ越して). */
	private final Map<String, String> readingByEntry = new HashMap<>();

	private final Map<String, Integer> documentFrequency = new HashMap<>();

	Coverage(Map<String, String> textByEntry) {
		textByEntry.forEach((id, text) -> {
			String normalized = FaqText.normalize(text == null ? "" : text);
			FaqText.Analysis a = FaqText.analyze(normalized);
			Set<String> terms = new HashSet<>(a.terms());
			termsByEntry.put(id, terms);
			readingByEntry.put(id, a.reading());
			terms.forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
		});
	}

	/** Readings of query words seen so far (words recur; reading one costs a kuromoji pass). Bounded. */
	private final Map<String, String> readings = new java.util.concurrent.ConcurrentHashMap<>();

	private boolean readsIn(String term, String entryId) {
		String reading = readings.get(term);
		if (reading == null) {
			reading = FaqText.reading(term);
			if (readings.size() < 50_000) {
				readings.put(term, reading);
			}
		}
		return reading.length() >= 2 && readingByEntry.getOrDefault(entryId, "").contains(reading);
	}

	static List<String> terms(String text) {
		return FaqText.analyze(FaqText.normalize(text == null ? "" : text)).terms();
	}

	/** The weighted share (0–1) of {@code queryTerms} found in the entry; 1 for a query without terms. */
	double of(List<String> queryTerms, String entryId) {
		Set<String> entry = termsByEntry.getOrDefault(entryId, Set.of());
		int n = termsByEntry.size();
		double total = 0;
		double found = 0;
		for (String t : new LinkedHashSet<>(queryTerms)) {
			double w = Math.log(1 + (n + 1.0) / (documentFrequency.getOrDefault(t, 0) + 0.5));
			total += w;
			if (entry.contains(t) || readsIn(t, entryId)) {
				found += w;
			}
		}
		return total == 0 ? 1 : found / total;
	}
}
