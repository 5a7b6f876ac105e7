package org.madoguchi.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The assistant's decisions ({@link Dialogue}) on the real standard Q&amp;A, without Spring or a database. */
class AssistantTest {

	private static QaIndex qa;

	private static Answering assistant;

	private static final Tenant CITY = new Tenant("shinonomeno", "東雲野市", "Shinonome City", "043-201-1000",
			null, List.of(), 1);

	/** The dialogue over the standard index, as the service calls it. */
	record Answering(Dialogue dialogue) {
		Reply answer(String text, Locale locale) {
			return dialogue.answer(qa, CITY, text, locale, null);
		}
	}

	@BeforeAll
	static void load() {
		qa = QaIndex.of(StandardQa.load(StandardQa.LOCATION));
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages/assistant");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setAlwaysUseMessageFormat(true);
		assistant = new Answering(new Dialogue(messages, AssistantProperties.defaults(),
				(id, l) -> "juminhyo-copy".equals(id) ? "住民票の写しの交付申請" : null));
	}

	@Test
	void loadsEveryStandardEntryWithAllFields() {
		assertThat(qa.size()).isEqualTo(327);
		QaEntry e = qa.entry("certificates-001");
		assertThat(e.category()).isEqualTo("CERTIFICATES");
		assertThat(e.alternatives()).contains("住民票 取り方");
		assertThat(e.url()).startsWith("https://");
		assertThat(e.procedure()).isEqualTo("juminhyo-copy");
		assertThat(e.department()).isEqualTo("市民課");
		assertThat(e.phone()).isEqualTo("043-201-1211");
		assertThat(qa.categories()).hasSize(9);
		assertThat(qa.owner("certificates-001")).isEqualTo(Tenant.STANDARD);
	}

	@Test
	void standardQuestionGetsTheAnswerWithDeskAndPhone() {
		Reply r = assistant.answer("保育園に入りたい", Locale.JAPANESE);
		assertThat(r.kind()).isEqualTo(Reply.Kind.ANSWER);
		assertThat(r.answer().id()).isEqualTo("childcare-013");
		assertThat(r.answer().department()).isNotBlank();
		assertThat(r.answer().phone()).matches("043-201-\\d{4}");
		assertThat(r.answer().text()).isEqualTo(qa.entry("childcare-013").answer().strip());
	}

	@Test
	void juminhyoOffersTheOnlineProcedure() {
		Reply r = assistant.answer("住民票の写しを取りたいです。", Locale.JAPANESE);
		assertThat(r.kind()).isEqualTo(Reply.Kind.ANSWER);
		assertThat(r.answer().procedureUrl()).isEqualTo("/portal/procedures/juminhyo-copy");
		assertThat(r.answer().procedureName()).isEqualTo("住民票の写しの交付申請");
		assertThat(r.answer().url()).isEqualTo(qa.entry("certificates-001").url());
	}

	@Test
	void answerWithoutProcedureHasNoLink() {
		Reply r = assistant.answer("図書館の開館時間", Locale.JAPANESE);
		assertThat(r.kind()).isEqualTo(Reply.Kind.ANSWER);
		assertThat(qa.entry(r.answer().id()).procedure()).isNull();
		assertThat(r.answer().procedureUrl()).isNull();
	}

	@Test
	void vagueQueryGetsAtMostThreeCandidates() {
		Reply r = assistant.answer("住民票", Locale.JAPANESE);
		assertThat(r.kind()).isEqualTo(Reply.Kind.CANDIDATES);
		assertThat(r.answer()).isNull();
		assertThat(r.candidates()).hasSizeBetween(2, 3);
		assertThat(r.candidates()).allSatisfy(c -> assertThat(qa.entry(c.id()).question()).isEqualTo(c.question()));
	}

	@Test
	void aQuestionAboutSomethingTheEntriesNeverMentionIsNotAnsweredWithConfidence() {
		// the best entry matches on ペット / 券・買う alone; 火葬 and 温泉 appear in no entry
		for (String text : new String[] { "ペット火葬の申し込みはどこですか", "ぽんぽこ温泉の入浴券はどこで買えますか" }) {
			assertThat(qa.rawSearch(text, 3).confidence()).as(text).isGreaterThanOrEqualTo(0.63);
			assertThat(assistant.answer(text, Locale.JAPANESE).kind()).as(text).isNotEqualTo(Reply.Kind.ANSWER);
		}
		// words written in kana or inflected differently still count as covered
		Reply kana = assistant.answer("ほいくえんにはいりたい", Locale.JAPANESE);
		assertThat(kana.kind()).isEqualTo(Reply.Kind.CANDIDATES);
		assertThat(kana.candidates()).extracting(Reply.Candidate::id).contains("childcare-013");
		assertThat(qa.search("引っ越しの手続き", 3).confidence()).isEqualTo(qa.rawSearch("引っ越しの手続き", 3).confidence());
	}

	@Test
	void gibberishGetsNoneWithCategoriesAndContact() {
		for (String text : new String[] { "あいうえおかきくけこ", "xyzzy" }) {
			Reply r = assistant.answer(text, Locale.JAPANESE);
			assertThat(r.kind()).as(text).isEqualTo(Reply.Kind.NONE);
			assertThat(r.answer()).isNull();
			assertThat(r.candidates()).isEmpty();
			assertThat(r.categories()).hasSize(9).extracting(Reply.Category::name).contains("防災");
			assertThat(r.contact().text()).contains("東雲野市").contains("043-201-1000");
			assertThat(r.contact().phone()).isEqualTo("043-201-1000");
		}
	}

	@Test
	void greetingsAndThanksAreSmalltalk() {
		for (String text : new String[] { "こんにちは", "おはようございます！", "Hello!", "ありがとう", "Thank you." }) {
			assertThat(assistant.answer(text, Locale.JAPANESE).kind()).as(text).isEqualTo(Reply.Kind.SMALLTALK);
		}
		assertThat(assistant.answer("こんにちは", Locale.JAPANESE).message()).contains("アシスタント");
		assertThat(assistant.answer("ありがとう", Locale.ENGLISH).message()).startsWith("You are welcome");
		// a greeting followed by a question is a question
		assertThat(assistant.answer("こんにちは、保育園に入りたいです", Locale.JAPANESE).kind())
			.isNotEqualTo(Reply.Kind.SMALLTALK);
	}

	@Test
	void emptyAndTooLongAreInvalidAndNotSearched() {
		assertThat(assistant.answer("  ", Locale.JAPANESE).kind()).isEqualTo(Reply.Kind.INVALID);
		assertThat(assistant.answer(null, Locale.JAPANESE).message()).contains("入力してください");
		Reply longOne = assistant.answer("住".repeat(501), Locale.JAPANESE);
		assertThat(longOne.kind()).isEqualTo(Reply.Kind.INVALID);
		assertThat(longOne.message()).contains("500");
		assertThat(assistant.answer("住".repeat(500), Locale.JAPANESE).kind()).isNotEqualTo(Reply.Kind.INVALID);
	}

	@Test
	void englishLocaleGivesEnglishFixedTexts() {
		Reply r = assistant.answer("xyzzy", Locale.ENGLISH);
		assertThat(r.message()).startsWith("Sorry");
		assertThat(r.contact().text()).contains("Shinonome City").contains("043-201-1000");
		assertThat(r.categories()).extracting(Reply.Category::name).contains("Taxes");
		assertThat(assistant.answer("", Locale.ENGLISH).message()).startsWith("Please type");
	}

	@Test
	void rateLimitCountsPerClientAndWindow() {
		var limiter = new AssistantWebConfiguration.RateLimitFilter(3, 1000, () -> 0);
		assertThat(limiter.allow("a", 0)).isTrue();
		assertThat(limiter.allow("a", 10)).isTrue();
		assertThat(limiter.allow("a", 20)).isTrue();
		assertThat(limiter.allow("a", 30)).isFalse();
		assertThat(limiter.allow("b", 30)).isTrue();
		assertThat(limiter.allow("a", 1000)).isTrue();
	}
}
