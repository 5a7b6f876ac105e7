package org.madoguchi.assistant;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The FAQ engine as it was before the in-memory scorer (commit f7f4580): the same analysis and query, scored by a
 * Lucene index with BM25. Kept in the tests only, as the reference that {@link FaqEngine}'s scores are checked
 * against ({@code FaqEngineLuceneParityTests}).
 */
final class LuceneFaqEngine implements Closeable {

	private static final int MAX_QUERY_CHARS = 2_000;

	private static final int MAX_PHRASING_CHARS = 500;

	/** Query terms per field: a long pasted text keeps its first terms, and clause counts stay bounded. */
	private static final int MAX_TERMS = 48;

	/** Synonyms added per query at most. */
	private static final int MAX_SYNONYMS = 24;

	private final FaqEngine.Tuning tuning;

	private final SynonymDictionary synonyms;

	private final ByteBuffersDirectory directory = new ByteBuffersDirectory();

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final Similarity similarity;

	/** Entries by id, in the order given; replaced (never mutated) when a phrasing is learnt. */
	private final Map<String, FaqEntry> entries = new LinkedHashMap<>();

	/** An engine with the application's standard synonym dictionary (loaded once, shared by all engines). */
	LuceneFaqEngine(List<FaqEntry> entries) {
		this(entries, SynonymDictionary.standard());
	}

	/** An engine with the given synonym dictionary (shared, never copied). */
	LuceneFaqEngine(List<FaqEntry> entries, SynonymDictionary synonyms) {
		this(entries, synonyms, FaqEngine.Tuning.fromSystemProperties());
	}

	LuceneFaqEngine(List<FaqEntry> initial, SynonymDictionary synonyms, FaqEngine.Tuning tuning) {
		this.tuning = tuning;
		this.synonyms = synonyms;
		this.similarity = similarity(tuning);
		Map<String, Analyzer> perField = new HashMap<>();
		for (String f : List.of("q_m", "alt_m", "a_m", "qa_m")) {
			perField.put(f, FaqText.TERMS);
		}
		Analyzer analyzer = new PerFieldAnalyzerWrapper(FaqText.BIGRAM, perField);
		try {
			IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(similarity)
				.setRAMBufferSizeMB(64);
			this.writer = new IndexWriter(directory, config);
			for (FaqEntry e : initial) {
				if (this.entries.putIfAbsent(e.id(), e) != null) {
					throw new IllegalArgumentException("duplicate FAQ id: " + e.id());
				}
				writer.addDocument(document(e));
			}
			writer.commit();
			this.searchers = new SearcherManager(writer, new SearcherFactory() {
				@Override
				public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
					IndexSearcher s = new IndexSearcher(reader);
					s.setSimilarity(similarity);
					return s;
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Similarity similarity(FaqEngine.Tuning t) {
		BM25Similarity main = new BM25Similarity(t.k1(), t.b());
		BM25Similarity alternatives = new BM25Similarity(t.altK1(), t.altB());
		return new PerFieldSimilarityWrapper() {
			@Override
			public Similarity get(String field) {
				return field.startsWith("alt_") ? alternatives : main;
			}
		};
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
		try {
			searchers.maybeRefreshBlocking();
			IndexSearcher searcher = searchers.acquire();
			try {
				BooleanQuery.Builder builder = new BooleanQuery.Builder();
				if (!new Clauses(searcher, builder).addAll(q, analysis, morph)) {
					return new FaqResult(List.of(), 0);
				}
				// exact top hits, but no exact hit count: lets Lucene skip entries that cannot make the top
				int n = Math.max(k, 2);
				TopDocs top = searcher.search(builder.build(), new TopScoreDocCollectorManager(n, null, n));
				double confidence = confidence(top.scoreDocs, morph.size());
				List<FaqHit> hits = new ArrayList<>();
				for (ScoreDoc sd : top.scoreDocs) {
					if (hits.size() == k) {
						break;
					}
					String id = searcher.storedFields().document(sd.doc).get("id");
					FaqEntry entry;
					synchronized (this) {
						entry = entries.get(id);
					}
					hits.add(new FaqHit(entry, hits.size() + 1, sd.score));
				}
				return new FaqResult(hits, confidence);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Records {@code phrasing} as another way of asking the question of entry {@code entryId} (a resident found
	 * its answer helpful), so that the same wording finds it first next time. Duplicates are ignored.
	 */
	public synchronized void learn(String entryId, String phrasing) {
		FaqEntry e = entries.get(entryId);
		if (e == null) {
			throw new NoSuchElementException("no FAQ entry " + entryId);
		}
		if (phrasing == null || phrasing.isBlank()) {
			throw new IllegalArgumentException("phrasing must not be blank");
		}
		String p = phrasing.strip();
		if (p.length() > MAX_PHRASING_CHARS) {
			throw new IllegalArgumentException("phrasing longer than " + MAX_PHRASING_CHARS + " characters");
		}
		if (e.alternatives().contains(p)) {
			return;
		}
		List<String> alts = new ArrayList<>(e.alternatives());
		alts.add(p);
		FaqEntry updated = new FaqEntry(e.id(), e.question(), alts, e.answer());
		try {
			writer.updateDocument(new Term("id", e.id()), document(updated));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		entries.put(e.id(), updated);
	}

	/** The entry with this id, as currently known (with learnt phrasings), or {@code null}. */
	public synchronized FaqEntry entry(String id) {
		return entries.get(id);
	}

	public synchronized int size() {
		return entries.size();
	}

	@Override
	public void close() throws IOException {
		searchers.close();
		writer.close();
		directory.close();
	}

	private Document document(FaqEntry e) {
		Document d = new Document();
		d.add(new StringField("id", e.id(), Field.Store.YES));
		String q = FaqText.normalize(e.question());
		FaqText.Analysis qa = FaqText.analyze(q);
		d.add(new TextField("q_m", qa.joined(), Field.Store.NO));
		d.add(new TextField("q_b", q, Field.Store.NO));
		d.add(new TextField("q_r", qa.reading(), Field.Store.NO));
		for (String alt : e.alternatives()) {
			String a = FaqText.normalize(alt);
			FaqText.Analysis aa = FaqText.analyze(a);
			d.add(new TextField("alt_m", aa.joined(), Field.Store.NO));
			d.add(new TextField("alt_b", a, Field.Store.NO));
			d.add(new TextField("alt_r", aa.reading(), Field.Store.NO));
		}
		String ans = FaqText.normalize(e.answer());
		String ansTerms = FaqText.analyze(ans).joined();
		d.add(new TextField("a_m", ansTerms, Field.Store.NO));
		d.add(new TextField("qa_m", qa.joined() + " " + ansTerms, Field.Store.NO));
		d.add(new TextField("a_b", ans, Field.Store.NO));
		return d;
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

	/** Builds the query of one search against one searcher (document frequencies come from its index). */
	private final class Clauses {

		private final IndexSearcher searcher;

		private final BooleanQuery.Builder all;

		private final int maxDf;

		Clauses(IndexSearcher searcher, BooleanQuery.Builder all) {
			this.searcher = searcher;
			this.all = all;
			this.maxDf = Math.max(2, (int) (searcher.getIndexReader().numDocs() * tuning.maxDf()));
		}

		/** The resident's words in every field, then their synonyms in the term fields; false if nothing to search. */
		boolean addAll(String q, FaqText.Analysis analysis, List<String> morph) throws IOException {
			FaqEngine.Tuning t = tuning;
			boolean any = addMorph(morph, t.morph());
			List<String> bigram = cap(contentBigrams(FaqText.terms(FaqText.BIGRAM, "q_b", q)));
			List<String> reading = cap(FaqText.terms(FaqText.BIGRAM, "q_r", analysis.reading()));
			any |= add("q_b", bigram, t.question() * t.bigram());
			any |= add("q_r", reading, t.question() * t.reading());
			any |= add("alt_b", bigram, t.alternative() * t.bigram());
			any |= add("alt_r", reading, t.alternative() * t.reading());
			any |= add("a_b", bigram, t.answer() * t.bigram());
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

		private boolean addMorph(List<String> terms, float weight) throws IOException {
			FaqEngine.Tuning t = tuning;
			boolean any = add("q_m", terms, weight * t.question());
			any |= add("alt_m", terms, weight * t.alternative());
			any |= add("a_m", terms, weight * t.answer());
			any |= add("qa_m", terms, weight * t.combined());
			return any;
		}

		/**
		 * One clause per term of the field. Terms found in no entry are left out, and so are bigrams found in
		 * more than {@code maxDf} of the entries: they weigh almost nothing in BM25 but each costs a walk over a
		 * long posting list, and latency matters more than that last bit of score.
		 */
		private boolean add(String field, List<String> terms, float boost) throws IOException {
			if (terms.isEmpty() || boost <= 0) {
				return false;
			}
			boolean ngram = field.endsWith("_b") || field.endsWith("_r");
			BooleanQuery.Builder b = new BooleanQuery.Builder();
			int n = 0;
			for (String term : terms) {
				Term tm = new Term(field, term);
				TermStates states = TermStates.build(searcher, tm, true);
				int df = states.docFreq();
				if (df == 0 || (ngram && df > maxDf)) {
					continue;
				}
				b.add(new TermQuery(tm, states), BooleanClause.Occur.SHOULD);
				n++;
			}
			if (n == 0) {
				return false;
			}
			all.add(new BoostQuery(b.build(), boost), BooleanClause.Occur.SHOULD);
			return true;
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
	private static double confidence(ScoreDoc[] docs, int queryTerms) {
		if (docs.length == 0) {
			return 0;
		}
		double s1 = docs[0].score;
		double s2 = docs.length > 1 ? docs[1].score : 0;
		int nTerms = Math.max(1, queryTerms);
		double perTerm = s1 / nTerms;
		double level = perTerm / (perTerm + 2.0);
		double gap = s1 <= 0 ? 0 : (s1 - s2) / s1;
		double c = level * (0.5 + 0.5 * Math.min(1, 3 * gap));
		return Math.max(0, Math.min(1, c));
	}
}
