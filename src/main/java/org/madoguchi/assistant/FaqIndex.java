package org.madoguchi.assistant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.SmallFloat;

/**
 * The FAQ entries' postings (転置索引) in plain arrays, scored with BM25 exactly as Lucene's {@code BM25Similarity}
 * scores a {@code TermQuery}: same idf, same average field length, same lossy one-byte length norm
 * ({@link SmallFloat#intToByte4}), same float arithmetic. A Lucene index spent most of a search on seeking each
 * of the query's ~300 (field, term) pairs in its term dictionaries and setting up a scorer per pair; over a few
 * thousand entries, a hash look-up and a walk over a short int array do the same work in microseconds.
 *
 * <p>Immutable: {@link #withPhrasing} returns a new index sharing everything but the phrasing fields, so searches
 * read one consistent snapshot while a phrasing is learnt.
 *
 * <p>A posting is one int: the entry's number (doc) in the upper {@value #DOC_BITS} bits, the term's frequency in
 * that field (capped at {@value #MAX_FREQ}) in the lower ones; a term's postings are sorted by doc.
 */
final class FaqIndex {

	/** The indexed fields: kuromoji terms ({@code _M}), character bigrams ({@code _B}), reading bigrams ({@code _R}). */
	enum Field {

		Q_M(false, 0, false), A_M(false, 1, false), QA_M(false, 2, false), Q_B(false, 3, true), Q_R(false, 4, true),
		A_B(false, 5, true), ALT_M(true, 0, false), ALT_B(true, 1, true), ALT_R(true, 2, true);

		/** A field of the phrasings (言い換え), the only ones {@link #withPhrasing} changes. */
		final boolean alternative;

		/** Position in its group's arrays. */
		final int slot;

		/** A bigram field (character or reading bigrams). */
		final boolean ngram;

		Field(boolean alternative, int slot, boolean ngram) {
			this.alternative = alternative;
			this.slot = slot;
			this.ngram = ngram;
		}
	}

	static final int DOC_BITS = 20;

	static final int MAX_DOCS = 1 << DOC_BITS;

	private static final int FREQ_BITS = 32 - DOC_BITS;

	static final int MAX_FREQ = (1 << FREQ_BITS) - 1;

	/** The decoded lengths of the 256 norm bytes, as in {@code BM25Similarity}. */
	private static final float[] LENGTH_TABLE = new float[256];

	static {
		for (int i = 0; i < 256; i++) {
			LENGTH_TABLE[i] = SmallFloat.byte4ToInt((byte) i);
		}
	}

	private final int numDocs;

	/** Fields of the question and the answer: fixed once built. */
	private final Group main;

	/** Fields of the phrasings: replaced when a phrasing is learnt. */
	private final Group alternatives;

	private FaqIndex(int numDocs, Group main, Group alternatives) {
		this.numDocs = numDocs;
		this.main = main;
		this.alternatives = alternatives;
	}

	/** Indexes the entries, doc = position in the list. */
	static FaqIndex build(List<FaqEntry> entries, FaqEngine.Tuning tuning) {
		if (entries.size() >= MAX_DOCS) {
			throw new IllegalArgumentException("more than " + (MAX_DOCS - 1) + " FAQ entries");
		}
		int n = entries.size();
		GroupBuilder main = new GroupBuilder(6, n);
		GroupBuilder alt = new GroupBuilder(3, n);
		for (int doc = 0; doc < entries.size(); doc++) {
			Counts[] fields = analyze(entries.get(doc));
			for (Field f : Field.values()) {
				(f.alternative ? alt : main).add(f.slot, doc, fields[f.ordinal()]);
			}
		}
		return new FaqIndex(n, main.build(tuning, false), alt.build(tuning, true));
	}

	int numDocs() {
		return numDocs;
	}

	/** The postings of {@code term} in {@code field}, or {@code null} where no entry has it. Never modify them. */
	int[] postings(Field field, String term) {
		int[][] p = (field.alternative ? alternatives : main).postings.get(term);
		return p == null ? null : p[field.slot];
	}

	/**
	 * Adds {@code boost} × the BM25 score of the term with these postings in {@code field} to each of its entries'
	 * scores, as Lucene's {@code BM25Scorer} computes it ({@code weight - weight / (1 + freq * normInverse)}).
	 */
	void score(Field field, int[] postings, float boost, double[] scores) {
		FieldStats s = (field.alternative ? alternatives : main).stats[field.slot];
		float idf = (float) Math.log(1 + (s.docCount - postings.length + 0.5D) / (postings.length + 0.5D));
		float weight = boost * idf;
		float[] cache = s.normInverse;
		byte[] norms = s.norms;
		for (int p : postings) {
			int doc = p >>> FREQ_BITS;
			float freq = p & MAX_FREQ;
			scores[doc] += weight - weight / (1f + freq * cache[norms[doc] & 0xFF]);
		}
	}

	/**
	 * This index with {@code phrasing} added to the phrasings of entry {@code doc}: the same postings, norms and
	 * statistics as indexing the entry with the longer list from the start.
	 */
	FaqIndex withPhrasing(int doc, String phrasing, FaqEngine.Tuning tuning) {
		Counts[] added = analyzeAlternative(FaqText.normalize(phrasing));
		Map<String, int[][]> postings = new HashMap<>(alternatives.postings);
		FieldStats[] stats = alternatives.stats.clone();
		for (int slot = 0; slot < stats.length; slot++) {
			Counts c = added[slot];
			if (c.tokens == 0) {
				continue;
			}
			for (Map.Entry<String, Integer> e : c.freqs.entrySet()) {
				int[][] old = postings.get(e.getKey());
				int[][] updated = old == null ? new int[stats.length][] : old.clone();
				updated[slot] = addFreq(updated[slot], doc, e.getValue());
				postings.put(e.getKey(), updated);
			}
			stats[slot] = stats[slot].withDocument(doc, c, tuning, true);
		}
		return new FaqIndex(numDocs, main, new Group(postings, stats));
	}

	/** Postings with {@code freq} more occurrences of the term in {@code doc} (inserted in doc order if new). */
	private static int[] addFreq(int[] postings, int doc, int freq) {
		if (postings == null) {
			return new int[] { posting(doc, freq) };
		}
		int lo = 0;
		int hi = postings.length - 1;
		while (lo <= hi) {
			int mid = (lo + hi) >>> 1;
			int d = postings[mid] >>> FREQ_BITS;
			if (d < doc) {
				lo = mid + 1;
			}
			else if (d > doc) {
				hi = mid - 1;
			}
			else {
				int[] out = postings.clone();
				out[mid] = posting(doc, (postings[mid] & MAX_FREQ) + freq);
				return out;
			}
		}
		int[] out = new int[postings.length + 1];
		System.arraycopy(postings, 0, out, 0, lo);
		out[lo] = posting(doc, freq);
		System.arraycopy(postings, lo, out, lo + 1, postings.length - lo);
		return out;
	}

	private static int posting(int doc, int freq) {
		return doc << FREQ_BITS | Math.min(freq, MAX_FREQ);
	}

	/**
	 * The fields of one entry, as the Lucene document of the previous engine had them: the question's and the
	 * answer's kuromoji terms, their character bigrams, the question's reading bigrams, question + answer terms as
	 * one field, and each phrasing's terms and bigrams (several values of one field add up, as in Lucene).
	 */
	private static Counts[] analyze(FaqEntry e) {
		Counts[] out = new Counts[Field.values().length];
		String q = FaqText.normalize(e.question());
		FaqText.Analysis qa = FaqText.analyze(q);
		String ans = FaqText.normalize(e.answer());
		String ansTerms = FaqText.analyze(ans).joined();
		out[Field.Q_M.ordinal()] = new Counts().add(FaqText.TERMS, qa.joined());
		out[Field.Q_B.ordinal()] = new Counts().add(FaqText.BIGRAM, q);
		out[Field.Q_R.ordinal()] = new Counts().add(FaqText.BIGRAM, qa.reading());
		out[Field.A_M.ordinal()] = new Counts().add(FaqText.TERMS, ansTerms);
		out[Field.QA_M.ordinal()] = new Counts().add(FaqText.TERMS, qa.joined() + " " + ansTerms);
		out[Field.A_B.ordinal()] = new Counts().add(FaqText.BIGRAM, ans);
		Counts[] alt = { new Counts(), new Counts(), new Counts() };
		for (String a : e.alternatives()) {
			Counts[] one = analyzeAlternative(FaqText.normalize(a));
			for (int i = 0; i < alt.length; i++) {
				alt[i].merge(one[i]);
			}
		}
		out[Field.ALT_M.ordinal()] = alt[Field.ALT_M.slot];
		out[Field.ALT_B.ordinal()] = alt[Field.ALT_B.slot];
		out[Field.ALT_R.ordinal()] = alt[Field.ALT_R.slot];
		return out;
	}

	/** One phrasing's counts in the phrasing fields, by slot. */
	private static Counts[] analyzeAlternative(String normalized) {
		FaqText.Analysis aa = FaqText.analyze(normalized);
		Counts[] out = new Counts[3];
		out[Field.ALT_M.slot] = new Counts().add(FaqText.TERMS, aa.joined());
		out[Field.ALT_B.slot] = new Counts().add(FaqText.BIGRAM, normalized);
		out[Field.ALT_R.slot] = new Counts().add(FaqText.BIGRAM, aa.reading());
		return out;
	}

	/** Term frequencies and length of one field of one entry, as Lucene's indexer counts them. */
	static final class Counts {

		final Map<String, Integer> freqs = new HashMap<>();

		/** All tokens (Lucene's total term frequency). */
		int tokens;

		/** Tokens at the position of the previous one (not counted in the length norm: discountOverlaps). */
		int overlaps;

		Counts add(Analyzer analyzer, String text) {
			try (TokenStream ts = analyzer.tokenStream("", text)) {
				CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
				PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
				ts.reset();
				while (ts.incrementToken()) {
					freqs.merge(term.toString(), 1, Integer::sum);
					tokens++;
					if (inc.getPositionIncrement() == 0) {
						overlaps++;
					}
				}
				ts.end();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return this;
		}

		void merge(Counts other) {
			other.freqs.forEach((t, f) -> freqs.merge(t, f, Integer::sum));
			tokens += other.tokens;
			overlaps += other.overlaps;
		}
	}

	/** Postings by term (each value: one postings array per field of the group, {@code null} where absent). */
	private record Group(Map<String, int[][]> postings, FieldStats[] stats) {
	}

	/**
	 * A field's statistics: entries with at least one token, total tokens, each entry's length (tokens minus
	 * overlaps) and its norm byte, and {@code 1 / (k1 * (1 - b + b * length / avgdl))} per norm byte.
	 */
	private record FieldStats(int docCount, long sumTotalTermFreq, int[] tokens, int[] lengths, byte[] norms,
			float[] normInverse) {

		static FieldStats of(int docCount, long sumTotalTermFreq, int[] tokens, int[] lengths,
				FaqEngine.Tuning tuning, boolean alternative) {
			byte[] norms = new byte[lengths.length];
			for (int d = 0; d < lengths.length; d++) {
				norms[d] = SmallFloat.intToByte4(lengths[d]);
			}
			float k1 = alternative ? tuning.altK1() : tuning.k1();
			float b = alternative ? tuning.altB() : tuning.b();
			float avgdl = docCount == 0 ? 1f : (float) (sumTotalTermFreq / (double) docCount);
			float[] cache = new float[256];
			for (int i = 0; i < cache.length; i++) {
				cache[i] = 1f / (k1 * ((1 - b) + b * LENGTH_TABLE[i] / avgdl));
			}
			return new FieldStats(docCount, sumTotalTermFreq, tokens, lengths, norms, cache);
		}

		FieldStats withDocument(int doc, Counts added, FaqEngine.Tuning tuning, boolean alternative) {
			int[] t = tokens.clone();
			int[] l = lengths.clone();
			int count = t[doc] == 0 ? docCount + 1 : docCount;
			t[doc] += added.tokens;
			l[doc] += added.tokens - added.overlaps;
			return of(count, sumTotalTermFreq + added.tokens, t, l, tuning, alternative);
		}
	}

	/** Collects postings in doc order while the entries are analysed. */
	private static final class GroupBuilder {

		private final Map<String, IntList[]> postings = new HashMap<>();

		private final int fields;

		private final int[] docCount;

		private final long[] sumTotalTermFreq;

		private final int[][] tokens;

		private final int[][] lengths;

		GroupBuilder(int fields, int numDocs) {
			this.fields = fields;
			this.docCount = new int[fields];
			this.sumTotalTermFreq = new long[fields];
			this.tokens = new int[fields][numDocs];
			this.lengths = new int[fields][numDocs];
		}

		void add(int slot, int doc, Counts c) {
			if (c.tokens == 0) {
				return;
			}
			docCount[slot]++;
			sumTotalTermFreq[slot] += c.tokens;
			tokens[slot][doc] = c.tokens;
			lengths[slot][doc] = c.tokens - c.overlaps;
			for (Map.Entry<String, Integer> e : c.freqs.entrySet()) {
				// interned: tenants share most of their vocabulary (about 1.5 MB less per engine at 2,000 entries)
				IntList[] lists = postings.computeIfAbsent(e.getKey().intern(), k -> new IntList[fields]);
				if (lists[slot] == null) {
					lists[slot] = new IntList();
				}
				lists[slot].add(posting(doc, e.getValue()));
			}
		}

		Group build(FaqEngine.Tuning tuning, boolean alternative) {
			Map<String, int[][]> out = new HashMap<>((int) (postings.size() / 0.75f) + 1);
			postings.forEach((term, lists) -> {
				int[][] arrays = new int[fields][];
				for (int i = 0; i < fields; i++) {
					arrays[i] = lists[i] == null ? null : lists[i].toArray();
				}
				out.put(term, arrays);
			});
			FieldStats[] stats = new FieldStats[fields];
			for (int i = 0; i < fields; i++) {
				stats[i] = FieldStats.of(docCount[i], sumTotalTermFreq[i], tokens[i], lengths[i], tuning, alternative);
			}
			return new Group(out, stats);
		}
	}

	/** A growable int array. */
	private static final class IntList {

		private int[] values = new int[4];

		private int size;

		void add(int v) {
			if (size == values.length) {
				values = Arrays.copyOf(values, size * 2);
			}
			values[size++] = v;
		}

		int[] toArray() {
			return Arrays.copyOf(values, size);
		}
	}
}
