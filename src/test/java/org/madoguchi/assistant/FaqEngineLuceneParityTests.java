package org.madoguchi.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link FaqEngine}'s in-memory BM25 against the Lucene index it replaced ({@link LuceneFaqEngine}): on the
 * standard Q&amp;A, with every question and every other phrasing as a query, both return the same entries in the
 * same order with the same scores (up to float rounding: Lucene adds the clauses' scores in another order).
 */
class FaqEngineLuceneParityTests {

	static List<FaqEntry> standard;

	static FaqEngine engine;

	static LuceneFaqEngine lucene;

	@BeforeAll
	static void build() {
		standard = new ArrayList<>();
		for (QaEntry e : StandardQa.load(StandardQa.LOCATION)) {
			standard.add(e.toFaq());
		}
		engine = new FaqEngine(standard);
		lucene = new LuceneFaqEngine(standard);
	}

	@AfterAll
	static void close() throws Exception {
		engine.close();
		lucene.close();
	}

	@Test
	void sameTopTenAndScoresForEveryQuestionAndPhrasing() {
		List<String> queries = new ArrayList<>();
		for (FaqEntry e : standard) {
			queries.add(e.question());
			queries.addAll(e.alternatives());
		}
		assertThat(queries).hasSizeGreaterThan(600);
		for (String q : queries) {
			assertSame(q, engine.search(q, 10), lucene.search(q, 10));
		}
	}

	@Test
	void sameResultsForQueriesThatUseSynonymsReadingsAndOddInput() {
		for (String q : List.of("じゅうみんひょう", "ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞ", "引越しの手続き", "大型ごみを捨てたい", "パーキング", "保育園に入りたい",
				"税金", "コンビニで払える?", "abc 123", "、。！？", "住民票 住民票 住民票")) {
			assertSame(q, engine.search(q, 10), lucene.search(q, 10));
		}
	}

	private static void assertSame(String query, FaqResult mine, FaqResult reference) {
		assertThat(mine.hits()).as(query).hasSameSizeAs(reference.hits());
		for (int i = 0; i < mine.hits().size(); i++) {
			FaqHit a = mine.hits().get(i);
			FaqHit b = reference.hits().get(i);
			assertThat(a.score()).as("%s: score at rank %d", query, i + 1)
				.isCloseTo(b.score(), org.assertj.core.data.Offset.offset(1e-4f * Math.max(1, b.score())));
			if (!a.entry().id().equals(b.entry().id())) {
				// a different entry at this rank only where two entries tie (rounding decides the order)
				float other = scoreOf(reference, a.entry().id());
				assertThat(other).as("%s: rank %d is %s, not %s", query, i + 1, a.entry().id(), b.entry().id())
					.isCloseTo(b.score(), org.assertj.core.data.Offset.offset(1e-4f * Math.max(1, b.score())));
			}
		}
		assertThat(mine.confidence()).as(query).isCloseTo(reference.confidence(),
				org.assertj.core.data.Offset.offset(1e-3));
	}

	private static float scoreOf(FaqResult r, String id) {
		return r.hits().stream().filter(h -> h.entry().id().equals(id)).map(FaqHit::score).findFirst().orElse(-1f);
	}
}
