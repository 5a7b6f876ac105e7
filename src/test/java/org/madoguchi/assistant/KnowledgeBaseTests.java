package org.madoguchi.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.RuleViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The knowledge base on the real database: the seeded standard set, a city's overrides, own entries, validity
 * periods and history, and learning that one city's residents share with another.
 */
@SpringBootTest
class KnowledgeBaseTests {

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	Tenants tenants;

	@Autowired
	Phrasings phrasings;

	@Autowired
	TenantIndexes indexes;

	@Autowired
	Assistant assistant;

	@Autowired
	QuestionLog questionLog;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	private String newCity() {
		String id = "t" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(tenants.createIfMissing(id, "北山町", "Kitayama Town", "0123-45-6789", null,
				List.of("https://www.town.kitayama.example.jp"))).isTrue();
		return id;
	}

	private static KnowledgeBase.Draft draft(String id, String question, String answer) {
		return new KnowledgeBase.Draft(id, "WASTE", question, List.of(), answer, "https://example.jp/a", null, "環境課",
				"0123-45-0001", EntryStatus.PUBLISHED, null, null);
	}

	@Test
	void theStandardSetIsSeededOnceAndTheCityExists() {
		List<QaEntry> shipped = StandardQa.load(StandardQa.LOCATION);
		assertThat(knowledge.entries(Tenant.STANDARD)).hasSize(shipped.size());
		assertThat(knowledge.seedStandard(shipped)).isZero();
		assertThat(tenants.find("shinonomeno")).get().extracting(Tenant::nameJa).isEqualTo("東雲野市");
	}

	@Test
	void aCityOverridesWithdrawsAndAddsEntriesWithoutTouchingOtherCities() {
		String city = newCity();
		String other = newCity();
		StoredEntry standard = knowledge.find(city, "waste-001").orElseThrow();
		assertThat(standard.standard()).isTrue();

		KnowledgeBase.Draft override = KnowledgeBase.Draft.of(standard);
		override = new KnowledgeBase.Draft(override.id(), override.category(), override.question(),
				override.alternatives(), "北山町では燃えるごみは月曜と木曜です。", override.url(), override.procedure(), "住民課",
				"0123-45-0002", EntryStatus.PUBLISHED, null, null);
		StoredEntry saved = knowledge.save(city, override, standard.version(), "tester");
		assertThat(saved.tenant()).isEqualTo(city);
		assertThat(saved.version()).isEqualTo(1);

		knowledge.save(city, draft("kitayama-bus", "町営バスの時刻表はどこで見られますか", "町営バスの時刻表は町のホームページに載っています。"), 0,
				"tester");
		StoredEntry withdrawn = knowledge.find(city, "waste-002").orElseThrow();
		knowledge.save(city, new KnowledgeBase.Draft("waste-002", "WASTE", withdrawn.entry().question(), List.of(),
				withdrawn.entry().answer(), null, null, "住民課", "0123-45-0002", EntryStatus.WITHDRAWN, null, null),
				withdrawn.version(), "tester");

		LocalDate today = LocalDate.now(QuestionLog.ZONE);
		List<QaEntry> mine = knowledge.effective(city, today);
		assertThat(mine).extracting(QaEntry::id).contains("kitayama-bus", "waste-001").doesNotContain("waste-002");
		assertThat(mine).filteredOn(e -> e.id().equals("waste-001")).singleElement()
			.extracting(QaEntry::department).isEqualTo("住民課");
		List<QaEntry> theirs = knowledge.effective(other, today);
		assertThat(theirs).extracting(QaEntry::id).contains("waste-002").doesNotContain("kitayama-bus");
		assertThat(theirs).filteredOn(e -> e.id().equals("waste-001")).singleElement()
			.extracting(QaEntry::department).isEqualTo(standard.entry().department());

		Reply r = assistant.ask(city, Channel.API, "町営バスの時刻表を見たい", Locale.JAPANESE);
		assertThat(r.kind()).isEqualTo(Reply.Kind.ANSWER);
		assertThat(r.answer().id()).isEqualTo("kitayama-bus");
		assertThat(r.turn()).isNotBlank();
		assertThat(assistant.ask(other, Channel.API, "町営バスの時刻表を見たい", Locale.JAPANESE).answer())
			.satisfiesAnyOf(a -> assertThat(a).isNull(), a -> assertThat(a.id()).isNotEqualTo("kitayama-bus"));
	}

	@Test
	void savesKeepHistoryAndAStaleVersionIsRefused() {
		String city = newCity();
		knowledge.save(city, draft("hall-hours", "役場の開庁時間", "平日8時30分から17時15分までです。"), 0, "a");
		knowledge.save(city, draft("hall-hours", "役場の開庁時間は", "平日8時30分から17時15分まで。土日祝日は閉庁です。"), 1, "b");
		assertThatThrownBy(() -> knowledge.save(city, draft("hall-hours", "役場の開庁時間", "古い版からの保存"), 1, "c"))
			.isInstanceOf(RuleViolationException.class);
		List<StoredEntry> history = knowledge.history(city, "hall-hours");
		assertThat(history).extracting(StoredEntry::version).containsExactly(2, 1);
		assertThat(history).extracting(StoredEntry::updatedBy).containsExactly("b", "a");
		assertThat(history.get(1).entry().answer()).isEqualTo("平日8時30分から17時15分までです。");
	}

	@Test
	void anEntryOutsideItsValidityPeriodIsNotAnswered() {
		String city = newCity();
		LocalDate today = LocalDate.now(QuestionLog.ZONE);
		KnowledgeBase.Draft d = draft("old-campaign", "プレミアム商品券の申込", "受付は終了しました。");
		knowledge.save(city, new KnowledgeBase.Draft(d.id(), d.category(), d.question(), d.alternatives(), d.answer(),
				d.url(), null, d.department(), d.phone(), EntryStatus.PUBLISHED, today.minusDays(30), today.minusDays(1)),
				0, "a");
		knowledge.save(city, draft("draft-only", "まだ下書きの質問", "下書き").withStatus(EntryStatus.DRAFT), 0, "a");
		assertThat(knowledge.effective(city, today)).extracting(QaEntry::id)
			.doesNotContain("old-campaign", "draft-only");
		assertThat(knowledge.effective(city, today.minusDays(5))).extracting(QaEntry::id).contains("old-campaign");
	}

	@Test
	void badContentIsRefusedFieldByField() {
		KnowledgeBase.Draft bad = new KnowledgeBase.Draft("Bad Id!", "NOPE", "", List.of("x".repeat(201)),
				"a".repeat(2001), "javascript:alert(1)", "no-such-procedure", null, "phone", null,
				LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1));
		assertThat(knowledge.check(bad)).extracting(FieldError::field)
			.containsExactlyInAnyOrder("id", "category", "question", "alternatives", "answer", "url", "procedure",
					"department", "phone", "status", "validUntil");
		assertThatThrownBy(() -> knowledge.save(newCity(), bad, 0, "a")).isInstanceOf(InvalidInputException.class);
		assertThat(knowledge.check(draft("ok-1", "質問", "回答"))).isEmpty();
	}

	@Test
	void whatResidentsOfOneCityTeachHelpsAnother() {
		String city = newCity();
		String other = newCity();
		String phrase = "ぺけぽんもふもふの日";
		Reply before = assistant.ask(other, Channel.API, phrase, Locale.JAPANESE);
		assertThat(before.kind()).isIn(Reply.Kind.NONE, Reply.Kind.CANDIDATES);
		// two separate confirmations approve it (madoguchi.assistant.auto-approve-after = 2)
		assertThat(phrasings.confirm(Tenant.STANDARD, "waste-005", phrase, city, Phrasings.Source.HELPFUL)).isFalse();
		assertThat(phrasings.list(city, Phrasings.Status.PENDING, 10)).extracting(Phrasings.Phrasing::text)
			.contains(phrase);
		assertThat(phrasings.confirm(Tenant.STANDARD, "waste-005", phrase, city, Phrasings.Source.PICKED)).isTrue();
		indexes.rebuild(Tenant.STANDARD);
		indexes.index(other);
		Reply r = assistant.ask(other, Channel.API, phrase, Locale.JAPANESE);
		assertThat(r.kind()).isEqualTo(Reply.Kind.ANSWER);
		assertThat(r.answer().id()).isEqualTo("waste-005");
	}

	@Test
	void aBareTopicWordIsNotLearnedFromResidentsButStaffMayAddIt() {
		String city = newCity();
		for (int i = 0; i < 3; i++) {
			assertThat(phrasings.confirm(Tenant.STANDARD, "certificates-002", "住民票", city, Phrasings.Source.PICKED))
				.isFalse();
		}
		assertThat(phrasings.list(city, Phrasings.Status.PENDING, 100)).extracting(Phrasings.Phrasing::text)
			.doesNotContain("住民票");
		String own = "t" + UUID.randomUUID().toString().substring(0, 8);
		knowledge.save(city, draft(own, "町の花は何ですか", "町の花はツツジです。"), 0, "a");
		assertThat(phrasings.confirm(city, own, "町花", city, Phrasings.Source.STAFF)).isTrue();
	}

	@Test
	void aTurnIsFoundAtOnceAndWrittenInTheNextBatch() {
		String city = newCity();
		Reply r = assistant.ask(city, Channel.WIDGET, "粗大ごみを出したい", Locale.JAPANESE);
		assertThat(questionLog.find(city, r.turn())).get().extracting(Turn::channel).isEqualTo(Channel.WIDGET);
		assertThat(questionLog.find("another-city", r.turn())).isEmpty();
		questionLog.flush();
		assertThat(jdbc.queryForObject("SELECT kind FROM assistant_turn WHERE id = ?", String.class, r.turn()))
			.isEqualTo(r.kind().name());
		assertThat(questionLog.find(city, r.turn())).get().extracting(Turn::text).isEqualTo("粗大ごみを出したい");
	}
}
