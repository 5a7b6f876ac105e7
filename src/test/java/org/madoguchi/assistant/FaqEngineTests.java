package org.madoguchi.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retrieval behaviour on a small fictional FAQ of 東雲野市. */
class FaqEngineTests {

	static final List<FaqEntry> FAQ = List.of(
			new FaqEntry("juminhyo", "住民票を取りたい。", "市民課の窓口またはコンビニ交付で取得できます。本人確認書類をお持ちください。"),
			new FaqEntry("moving", "市外へ転出するときの手続きは？", "転出届を市民課に提出してください。転出証明書を交付します。"),
			new FaqEntry("sodai", "粗大ごみの出し方を教えてください。", "粗大ごみ受付センターに電話で申し込み、処理券を貼って出してください。"),
			new FaqEntry("nursery", "保育所の入所申込みはいつまでですか。", "入所希望月の前月10日までに子ども支援課へ申し込んでください。"),
			new FaqEntry("library", "図書館の開館時間を知りたい。", "中央図書館は午前9時から午後7時まで開館しています。月曜日は休館です。"),
			new FaqEntry("dog", "犬を飼い始めたら登録が必要ですか。", "生後91日以上の犬は登録と毎年の狂犬病予防注射が必要です。"),
			new FaqEntry("parking", "市役所に駐車場はありますか。", "庁舎の北側に来庁者用の駐車場があります。"));

	FaqEngine engine;

	@BeforeEach
	void build() {
		engine = new FaqEngine(FAQ);
	}

	@AfterEach
	void close() throws Exception {
		engine.close();
	}

	@Test
	void hiraganaQueryFindsKanjiQuestion() {
		FaqResult r = engine.search("じゅうみんひょう", 3);
		assertThat(r.hits()).isNotEmpty();
		assertThat(r.hits().get(0).entry().id()).isEqualTo("juminhyo");
	}

	@Test
	void fullWidthAndHalfWidthKanaAreTheSame() {
		assertThat(engine.search("ｿﾀﾞｲゴミ", 1).hits().get(0).entry().id()).isEqualTo("sodai");
	}

	@Test
	void synonymFindsItsEntry() {
		// neither 保育園 nor 引越し occurs in the FAQ: the municipal synonyms 保育所 and 転出 do
		assertThat(engine.search("保育園", 3).hits().get(0).entry().id()).isEqualTo("nursery");
		assertThat(engine.search("引越し", 3).hits().get(0).entry().id()).isEqualTo("moving");
	}

	@Test
	void colloquialWordFindsTheOfficialOne() {
		// 大型ごみ (a resident's word) is in the municipal dictionary as a near synonym of 粗大ごみ
		FaqResult r = engine.search("大型ごみを捨てたい", 3);
		assertThat(r.hits().get(0).entry().id()).isEqualTo("sodai");
	}

	@Test
	void sudachiSynonymFindsItsEntryAndOnlyWithTheDictionary() throws Exception {
		// パーキング and 駐車場 are one SudachiDict group; the FAQ says only 駐車場
		assertThat(engine.search("パーキング", 3).hits()).first()
			.satisfies(h -> assertThat(h.entry().id()).isEqualTo("parking"));
		try (FaqEngine bare = new FaqEngine(FAQ, SynonymDictionary.none())) {
			assertThat(bare.search("パーキング", 3).hits()).noneMatch(h -> h.entry().id().equals("parking"));
		}
	}

	@Test
	void enginesShareOneDictionary() throws Exception {
		SynonymDictionary shared = SynonymDictionary.municipalOnly();
		try (FaqEngine a = new FaqEngine(FAQ, shared); FaqEngine b = new FaqEngine(FAQ.subList(0, 3), shared)) {
			assertThat(a.search("大型ごみ", 1).hits().get(0).entry().id()).isEqualTo("sodai");
			assertThat(b.search("大型ごみ", 1).hits().get(0).entry().id()).isEqualTo("sodai");
			assertThat(b.size()).isEqualTo(3);
		}
	}

	@Test
	void learnedPhrasingHelpsASimilarWording() {
		String query = "飼っているワンちゃんの届け出について";
		engine.learn("dog", "ワンちゃんを飼ったら届け出はいりますか");
		assertThat(engine.search(query, 3).hits().get(0).entry().id()).isEqualTo("dog");
	}

	@Test
	void learnedPhrasingRanksItsEntryFirst() {
		String phrasing = "ワンちゃんを迎えたのですが何かすることは";
		FaqResult before = engine.search(phrasing, 6);
		assertThat(before.hits().isEmpty() || !before.hits().get(0).entry().id().equals("dog")
				|| before.confidence() < 0.5).isTrue();
		engine.learn("dog", phrasing);
		FaqResult after = engine.search(phrasing, 6);
		assertThat(after.hits().get(0).entry().id()).isEqualTo("dog");
		assertThat(engine.entry("dog").alternatives()).containsExactly(phrasing);
		assertThat(after.confidence()).isGreaterThan(before.confidence());
	}

	@Test
	void learningAPhrasingScoresAsIfTheEntryHadItFromTheStart() throws Exception {
		// the phrasing fields' postings, lengths and statistics are updated in place of a rebuild: same scores
		List<String> learnt = List.of("ワンちゃんを飼ったら届け出はいりますか", "犬の登録はどこで", "駐車場は無料ですか");
		engine.learn("dog", learnt.get(0));
		engine.learn("dog", learnt.get(1));
		engine.learn("parking", learnt.get(2));
		List<FaqEntry> withPhrasings = FAQ.stream()
			.map(e -> switch (e.id()) {
				case "dog" -> new FaqEntry("dog", e.question(), learnt.subList(0, 2), e.answer());
				case "parking" -> new FaqEntry("parking", e.question(), learnt.subList(2, 3), e.answer());
				default -> e;
			})
			.toList();
		try (FaqEngine rebuilt = new FaqEngine(withPhrasings)) {
			for (String q : List.of("ワンちゃんの届け出", "犬を飼ったら", "無料の駐車場", "住民票", "登録はどこで")) {
				FaqResult a = engine.search(q, 7);
				FaqResult b = rebuilt.search(q, 7);
				assertThat(a.hits()).extracting(h -> h.entry().id()).as(q)
					.containsExactlyElementsOf(b.hits().stream().map(h -> h.entry().id()).toList());
				assertThat(a.hits()).extracting(FaqHit::score).as(q)
					.containsExactlyElementsOf(b.hits().stream().map(FaqHit::score).toList());
				assertThat(a.confidence()).isEqualTo(b.confidence());
			}
		}
	}

	@Test
	void topKeepsTheBestPositiveScoresAndOrdersTiesByEntry() {
		double[] scores = { 0, 2.5, 1.0, 2.5, 0, 3.0, 1.0 };
		assertThat(FaqEngine.top(scores, 4)).containsExactly(5, 1, 3, 2);
		assertThat(FaqEngine.top(scores, 10)).containsExactly(5, 1, 3, 2, 6);
		assertThat(FaqEngine.top(new double[] { 0, 0 }, 2)).isEmpty();
	}

	@Test
	void learnRefusesUnknownEntriesAndBlankPhrasings() {
		assertThatThrownBy(() -> engine.learn("nope", "なにか")).isInstanceOf(NoSuchElementException.class);
		assertThatThrownBy(() -> engine.learn("dog", "  ")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void confidenceIsHigherForTheExactQuestionThanForAnUnrelatedQuery() {
		FaqResult exact = engine.search("図書館の開館時間を知りたい。", 5);
		FaqResult unrelated = engine.search("宇宙ロケットの打ち上げ", 5);
		assertThat(exact.hits().get(0).entry().id()).isEqualTo("library");
		assertThat(exact.confidence()).isBetween(0.0, 1.0);
		assertThat(unrelated.confidence()).isBetween(0.0, 1.0);
		assertThat(exact.confidence()).isGreaterThan(unrelated.confidence());
	}

	@Test
	void hitsAreRankedAndLimited() {
		FaqResult r = engine.search("市民課", 1);
		assertThat(r.hits()).hasSize(1);
		assertThat(r.hits().get(0).rank()).isEqualTo(1);
		assertThat(engine.search("", 3).hits()).isEmpty();
		assertThat(engine.search("", 3).confidence()).isZero();
	}
}
