package org.madoguchi.assistant;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.madoguchi.assistant.FaqIndex.Field;

/**
 * FAQ retrieval (よくある質問の検索): BM25 over several analyses of the question, its other phrasings and the
 * answer, scored in memory by {@link FaqIndex} (Lucene's BM25 formula and norms, without Lucene's per-term
 * dictionary seeks: a search over 2,000 entries takes a small fraction of a millisecond beyond analysing the query).
 *
 * <p>Fields: kuromoji terms ({@code *_m}), character bigrams ({@code *_b}) and katakana-reading bigrams
 * ({@code *_r}) of the question and alternatives; kuromoji terms and bigrams of the answer; and kuromoji terms of
 * question and answer as one text ({@code qa_m}: one BM25 length normalisation over the whole entry, which the
 * separate fields lack). The question and its phrasings weigh more than the answer (the question's words
 * count in two fields, the answer's are diluted in the whole entry): a resident's query is itself a question,
 * and answers are long and mention many neighbouring topics.
 *
 * <p>Vocabulary: residents and the city often name one thing differently, so the query is widened with synonyms
 * ({@link SynonymDictionary}): spelling variants weigh less than the resident's own words, near synonyms less
 * still. (Pseudo-relevance feedback, a nearest-phrasing bonus and heavier bigrams on phrasings were tried and
 * left out: see docs/benchmarks.md.)
 *
 * <p>{@link #learn} adds a phrasing confirmed as answered by an entry (the "helpful" button) and updates the entry's
 * phrasing fields in the index;
 * phrasings live in their own fields, weighted above the city's question (a resident's wording matches the next
 * resident's wording best), with a weak length normalisation (an entry that many residents confirmed must not be
 * penalised for its long list) and a late term-frequency saturation (a word that many residents used is a
 * stronger sign than one that a single resident used). Thread-safe: searches run concurrently on an immutable
 * snapshot ({@link State}), changes are serialised and publish a new snapshot.
 */
public final class FaqEngine implements Closeable {

	/** Field weights and BM25 parameters; the defaults were chosen on general grounds and checked offline. */
	record Tuning(float question, float alternative, float answer, float combined, float morph, float bigram,
			float reading, float variant, float related, float k1, float b, float altK1, float altB, float maxDf) {

		static final Tuning DEFAULT = new Tuning(1.0f, 2.0f, 1.0f, 1.5f, 1.0f, 0.1f, 0.1f, 0.7f, 0.3f, 1.2f,
				0.75f, 2.0f, 0.2f, 0.2f);

		/** The defaults, overridden by {@code madoguchi.faq.<name>} system properties (offline tuning only). */
		static Tuning fromSystemProperties() {
			Tuning d = DEFAULT;
			return new Tuning(p("question", d.question), p("alternative", d.alternative), p("answer", d.answer),
					p("combined", d.combined), p("morph", d.morph), p("bigram", d.bigram), p("reading", d.reading),
					p("variant", d.variant), p("related", d.related), p("k1", d.k1), p("b", d.b), p("altK1", d.altK1),
					p("altB", d.altB), p("maxDf", d.maxDf));
		}

		private static float p(String name, float dflt) {
			String v = System.getProperty("madoguchi.faq." + name);
			return v == null ? dflt : Float.parseFloat(v);
		}
	}

	private static final int MAX_QUERY_CHARS = 2_000;

	private static final int MAX_PHRASING_CHARS = 500;

	/** Query terms per field: a long pasted text keeps its first terms, and clause counts stay bounded. */
	private static final int MAX_TERMS = 48;

	/** Synonyms added per query at most. */
	private static final int MAX_SYNONYMS = 24;

	private final Tuning tuning;

	private final SynonymDictionary synonyms;

	private volatile State state;

	/**
	 * One consistent view for searches: the entries by doc number (with their learnt phrasings), doc numbers by
	 * id, and the index.
	 */
	private record State(FaqEntry[] docs, Map<String, Integer> ids, FaqIndex index) {
	}

	/** An engine with the application's standard synonym dictionary (loaded once, shared by all engines). */
	public FaqEngine(List<FaqEntry> entries) {
		this(entries, SynonymDictionary.standard());
	}

	/** An engine with the given synonym dictionary (shared, never copied). */
	public FaqEngine(List<FaqEntry> entries, SynonymDictionary synonyms) {
		this(entries, synonyms, Tuning.fromSystemProperties());
	}

	FaqEngine(List<FaqEntry> initial, SynonymDictionary synonyms, Tuning tuning) {
		this.tuning = tuning;
		this.synonyms = synonyms;
		Map<String, Integer> ids = new HashMap<>();
		for (FaqEntry e : initial) {
			if (ids.putIfAbsent(e.id(), ids.size()) != null) {
				throw new IllegalArgumentException("duplicate FAQ id: " + e.id());
			}
		}
		FaqEntry[] docs = initial.toArray(FaqEntry[]::new);
		this.state = new State(docs, Map.copyOf(ids), FaqIndex.build(initial, tuning));
	}

	/** The {@code k} best entries for {@code query} (empty for a blank query) and the confidence in the first. */
	public FaqResult search(String query, int k) {
		if (k < 1) {
			throw new IllegalArgumentException("k must be at least 1");
		}
		String q = FaqText.normalize(query == null ? "" : query);
		if (q.length() > MAX_QUERY_CHARS) {
			q = q.substring(0, MAX_QUERY_CHARS);
		}
		FaqText.Analysis analysis = FaqText.analyze(q);
		List<String> morph = cap(analysis.distinct());
		State s = state;
		Scores scores = new Scores(s.index);
		if (!scores.addAll(q, analysis, morph)) {
			return new FaqResult(List.of(), 0);
		}
		int n = Math.max(k, 2);
		int[] top = top(scores.scores, n);
		double confidence = confidence(scores.scores, top, morph.size());
		List<FaqHit> hits = new ArrayList<>();
		for (int i = 0; i < top.length && i < k; i++) {
			hits.add(new FaqHit(s.docs[top[i]], i + 1, (float) scores.scores[top[i]]));
		}
		return new FaqResult(hits, confidence);
	}

	/**
	 * The docs of the {@code n} highest positive scores, best first; equal scores by doc number, as Lucene orders
	 * them. A partial selection sort over a small array: n is a handful, the entries a few thousand.
	 */
	static int[] top(double[] scores, int n) {
		int[] best = new int[n];
		int size = 0;
		for (int doc = 0; doc < scores.length; doc++) {
			double sc = scores[doc];
			if (sc <= 0 || (size == n && sc <= scores[best[size - 1]])) {
				continue;
			}
			int i = size == n ? n - 1 : size++;
			while (i > 0 && scores[best[i - 1]] < sc) {
				best[i] = best[i - 1];
				i--;
			}
			best[i] = doc;
		}
		return Arrays.copyOf(best, size);
	}

	/**
	 * Records {@code phrasing} as another way of asking the question of entry {@code entryId} (a resident found
	 * its answer helpful), so that the same wording finds it first next time. Duplicates are ignored.
	 */
	public synchronized void learn(String entryId, String phrasing) {
		State s = state;
		Integer doc = s.ids.get(entryId);
		if (doc == null) {
			throw new NoSuchElementException("no FAQ entry " + entryId);
		}
		if (phrasing == null || phrasing.isBlank()) {
			throw new IllegalArgumentException("phrasing must not be blank");
		}
		String p = phrasing.strip();
		if (p.length() > MAX_PHRASING_CHARS) {
			throw new IllegalArgumentException("phrasing longer than " + MAX_PHRASING_CHARS + " characters");
		}
		FaqEntry e = s.docs[doc];
		if (e.alternatives().contains(p)) {
			return;
		}
		List<String> alts = new ArrayList<>(e.alternatives());
		alts.add(p);
		FaqEntry[] docs = s.docs.clone();
		docs[doc] = new FaqEntry(e.id(), e.question(), alts, e.answer());
		state = new State(docs, s.ids, s.index.withPhrasing(doc, p, tuning));
	}

	/** The entry with this id, as currently known (with learnt phrasings), or {@code null}. */
	public FaqEntry entry(String id) {
		State s = state;
		Integer doc = s.ids.get(id);
		return doc == null ? null : s.docs[doc];
	}

	public int size() {
		return state.docs.length;
	}

	/** Nothing to release (the index is plain heap memory); kept so that owners manage engines as resources. */
	@Override
	public void close() {
	}

	/**
	 * Character bigrams minus those of hiragana only ({@code ます}, {@code して}, {@code くだ}): grammar, found in
	 * nearly every entry, so they cost a long posting list each and tell nothing apart. Words in hiragana are
	 * still matched by the morphological and reading fields.
	 */
	static List<String> contentBigrams(List<String> bigrams) {
		List<String> out = new ArrayList<>(bigrams.size());
		for (String b : bigrams) {
			if (!b.chars().allMatch(c -> c >= 'ぁ' && c <= 'ゖ')) {
				out.add(b);
			}
		}
		return out;
	}

	private static List<String> cap(List<String> terms) {
		return terms.size() <= MAX_TERMS ? terms : terms.subList(0, MAX_TERMS);
	}

	/** The scores of one search: each query term's BM25 score in each field, weighted, summed per entry. */
	private final class Scores {

		private final FaqIndex index;

		private final double[] scores;

		private final int maxDf;

		Scores(FaqIndex index) {
			this.index = index;
			this.scores = new double[index.numDocs()];
			this.maxDf = Math.max(2, (int) (index.numDocs() * tuning.maxDf()));
		}

		/** The resident's words in every field, then their synonyms in the term fields; false if nothing to search. */
		boolean addAll(String q, FaqText.Analysis analysis, List<String> morph) {
			Tuning t = tuning;
			boolean any = addMorph(morph, t.morph());
			List<String> bigram = cap(contentBigrams(FaqText.terms(FaqText.BIGRAM, "q_b", q)));
			List<String> reading = cap(FaqText.terms(FaqText.BIGRAM, "q_r", analysis.reading()));
			any |= add(Field.Q_B, bigram, t.question() * t.bigram());
			any |= add(Field.Q_R, reading, t.question() * t.reading());
			any |= add(Field.ALT_B, bigram, t.alternative() * t.bigram());
			any |= add(Field.ALT_R, reading, t.alternative() * t.reading());
			any |= add(Field.A_B, bigram, t.answer() * t.bigram());
			if (t.variant() <= 0 && t.related() <= 0) {
				return any;
			}
			StringBuilder variants = new StringBuilder();
			StringBuilder related = new StringBuilder();
			for (SynonymDictionary.Expansion x : synonyms.expand(q, analysis.tokens(), MAX_SYNONYMS)) {
				(x.variant() ? variants : related).append(x.word()).append('、');
			}
			Set<String> seen = new HashSet<>(morph);
			any |= addMorph(expansionTerms(variants, seen), t.variant() * t.morph());
			any |= addMorph(expansionTerms(related, seen), t.related() * t.morph());
			return any;
		}

		private boolean addMorph(List<String> terms, float weight) {
			Tuning t = tuning;
			boolean any = add(Field.Q_M, terms, weight * t.question());
			any |= add(Field.ALT_M, terms, weight * t.alternative());
			any |= add(Field.A_M, terms, weight * t.answer());
			any |= add(Field.QA_M, terms, weight * t.combined());
			return any;
		}

		/**
		 * Each term's score in the field. Bigrams found in more than {@code maxDf} of the entries are left out:
		 * they weigh almost nothing in BM25 (and were left out when a Lucene index scored them, for speed; the
		 * rankings stay the same without them).
		 */
		private boolean add(Field field, List<String> terms, float boost) {
			if (terms.isEmpty() || boost <= 0) {
				return false;
			}
			boolean any = false;
			for (String term : terms) {
				int[] postings = index.postings(field, term);
				if (postings == null || (field.ngram && postings.length > maxDf)) {
					continue;
				}
				index.score(field, postings, boost, scores);
				any = true;
			}
			return any;
		}
	}

	private static List<String> expansionTerms(CharSequence words, Set<String> seen) {
		if (words.isEmpty()) {
			return List.of();
		}
		List<String> out = new ArrayList<>();
		for (String term : FaqText.analyze(words.toString()).distinct()) {
			if (seen.add(term)) {
				out.add(term);
			}
		}
		return cap(out);
	}

	/**
	 * Confidence in the first hit: a saturating function of its score per query term (BM25 scores grow with
	 * the number of matched terms, so the raw score is not comparable across queries) times a factor for its
	 * lead over the second hit (a near tie means the engine cannot tell two entries apart). Computed on the
	 * first pass, before feedback terms add to the scores.
	 */
	private static double confidence(double[] scores, int[] top, int queryTerms) {
		if (top.length == 0) {
			return 0;
		}
		// as floats, as the scores were when Lucene computed them
		double s1 = (float) scores[top[0]];
		double s2 = top.length > 1 ? (float) scores[top[1]] : 0;
		int nTerms = Math.max(1, queryTerms);
		double perTerm = s1 / nTerms;
		double level = perTerm / (perTerm + 2.0);
		double gap = s1 <= 0 ? 0 : (s1 - s2) / s1;
		double c = level * (0.5 + 0.5 * Math.min(1, 3 * gap));
		return Math.max(0, Math.min(1, c));
	}
}
