package org.madoguchi.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The analytics over a question log made the way residents make it (Assistant.ask, pick, feedback) in a fresh
 * city of its own, on the real database.
 */
@SpringBootTest
class AssistantAnalyticsTests {

	static final String BUS = "町営バスの時刻表はどこで見られますか";

	static final String LIBRARY = "町立図書館の開館時間を知りたい";

	/** Nothing in any Q&amp;A: the assistant has no answer. */
	static final String NONSENSE = "xyzzy ぱぴぷぺぽ";

	@Autowired
	AssistantAnalytics analytics;

	@Autowired
	Assistant assistant;

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	Tenants tenants;

	@Autowired
	Resolutions resolutions;

	static String newCity(Tenants tenants, KnowledgeBase knowledge) {
		String id = "t" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(tenants.createIfMissing(id, "北山町", "Kitayama Town", "0123-45-6789", null, List.of())).isTrue();
		knowledge.save(id, new KnowledgeBase.Draft("kitayama-bus", "LIVING", BUS, List.of(),
				"町営バスの時刻表は町のホームページと役場の窓口にあります。", null, null, "企画課", "0123-45-0001",
				EntryStatus.PUBLISHED, null, null), 0, "tester");
		knowledge.save(id, new KnowledgeBase.Draft("kitayama-library", "FACILITIES", LIBRARY, List.of(),
				"町立図書館は9時から19時まで開いています。月曜は休館です。", null, null, "生涯学習課", "0123-45-0002",
				EntryStatus.PUBLISHED, null, null), 0, "tester");
		return id;
	}

	private Reply ask(String city, Channel channel, String text) {
		return assistant.ask(city, channel, text, Locale.JAPANESE);
	}

	@Test
	void countsRatesTopQuestionsUnansweredAndHelpfulRatios() throws Exception {
		String city = newCity(tenants, knowledge);
		LocalDate today = LocalDate.now(QuestionLog.ZONE);

		// three direct answers of the bus entry: one voted helpful, one unhelpful
		Reply b1 = ask(city, Channel.WIDGET, BUS);
		Reply b2 = ask(city, Channel.WIDGET, BUS);
		Reply b3 = ask(city, Channel.LINE, BUS);
		assertThat(List.of(b1, b2, b3)).allSatisfy(r -> {
			assertThat(r.kind()).isEqualTo(Reply.Kind.ANSWER);
			assertThat(r.answer().id()).isEqualTo("kitayama-bus");
		});
		assistant.feedback(city, b1.turn(), true, Locale.JAPANESE);
		assistant.feedback(city, b2.turn(), false, Locale.JAPANESE);
		// the library entry once, voted helpful
		Reply l1 = ask(city, Channel.PAGE, LIBRARY);
		assertThat(l1.answer().id()).isEqualTo("kitayama-library");
		assistant.feedback(city, l1.turn(), true, Locale.JAPANESE);

		// a vague question gets candidates twice; the first time the resident picks one
		Reply c1 = ask(city, Channel.WIDGET, "手続き");
		Reply c2 = ask(city, Channel.WIDGET, "手続き");
		assertThat(c1.kind()).isEqualTo(Reply.Kind.CANDIDATES);
		assertThat(c2.kind()).isEqualTo(Reply.Kind.CANDIDATES);
		// picking an entry that was not among the candidates teaches nothing, so runs never change each other
		Reply picked = assistant.pick(city, Channel.WIDGET, c1.turn(), "kitayama-library", Locale.JAPANESE);
		assertThat(picked.kind()).isEqualTo(Reply.Kind.ANSWER);

		// no answer, twice in different widths and scripts: one question
		Reply n1 = ask(city, Channel.API, NONSENSE);
		Reply n2 = ask(city, Channel.LINE, "ＸＹＺＺＹ　パピプペポ！");
		assertThat(n1.kind()).isEqualTo(Reply.Kind.NONE);
		assertThat(n2.kind()).isEqualTo(Reply.Kind.NONE);
		assertThat(ask(city, Channel.WIDGET, "こんにちは").kind()).isEqualTo(Reply.Kind.SMALLTALK);

		List<AssistantAnalytics.Day> days = analytics.daily(city, today.minusDays(1), today);
		assertThat(days).extracting(AssistantAnalytics.Day::day).containsExactly(today.minusDays(1), today);
		assertThat(days.get(0).questions()).isZero();
		AssistantAnalytics.Day d = days.get(1);
		// 4 answers + 2 candidates + 2 none + 1 greeting; the pick is not a question of its own
		assertThat(d.questions()).isEqualTo(9);
		assertThat(d.answered()).isEqualTo(5);
		assertThat(d.unsure()).isEqualTo(1);
		assertThat(d.unanswered()).isEqualTo(2);
		assertThat(d.smalltalk()).isEqualTo(1);
		assertThat(d.answeredRate()).isEqualTo(5.0 / 8);
		assertThat(AssistantAnalytics.total(days, today.minusDays(1)).questions()).isEqualTo(9);

		assertThat(analytics.channels(city, today, today)).containsEntry(Channel.WIDGET, 5L)
			.containsEntry(Channel.LINE, 2L)
			.containsEntry(Channel.PAGE, 1L)
			.containsEntry(Channel.API, 1L);

		List<AssistantAnalytics.EntryFigures> top = analytics.topEntries(city, today, today, 10);
		assertThat(top).extracting(AssistantAnalytics.EntryFigures::entryId)
			.containsExactly("kitayama-bus", "kitayama-library");
		assertThat(top.get(0)).isEqualTo(new AssistantAnalytics.EntryFigures("kitayama-bus", 3, 1, 1));
		assertThat(top.get(1)).isEqualTo(new AssistantAnalytics.EntryFigures("kitayama-library", 2, 1, 0));

		List<AssistantAnalytics.EntryFigures> worst = analytics.helpfulRatios(city, today, today,
				AssistantAnalytics.RatioOrder.WORST, 10);
		assertThat(worst).extracting(AssistantAnalytics.EntryFigures::entryId)
			.containsExactly("kitayama-bus", "kitayama-library");
		assertThat(worst.get(0).helpfulRatio()).isEqualTo(0.5);
		assertThat(analytics.helpfulRatios(city, today, today, AssistantAnalytics.RatioOrder.BEST, 10))
			.extracting(AssistantAnalytics.EntryFigures::entryId).containsExactly("kitayama-library", "kitayama-bus");

		List<AssistantAnalytics.Unanswered> open = analytics.unanswered(city, today, today, false, 50);
		assertThat(open).extracting(AssistantAnalytics.Unanswered::textKey)
			.containsExactly(TextKey.of(NONSENSE), TextKey.of("手続き"), TextKey.of(BUS));
		AssistantAnalytics.Unanswered nonsense = open.get(0);
		assertThat(nonsense.count()).isEqualTo(2);
		assertThat(nonsense.none()).isEqualTo(2);
		assertThat(nonsense.channels()).containsEntry(Channel.API, 1L).containsEntry(Channel.LINE, 1L);
		assertThat(nonsense.resolved()).isFalse();
		// only the candidates nobody picked, and only the answer voted unhelpful
		assertThat(open.get(1).count()).isEqualTo(1);
		assertThat(open.get(1).unsure()).isEqualTo(1);
		assertThat(open.get(2).count()).isEqualTo(1);
		assertThat(open.get(2).unhelpful()).isEqualTo(1);

		// dismissed: hidden, unless asked for; asked again unanswered afterwards: back in the list
		resolutions.resolve(city, NONSENSE, Resolutions.Action.DISMISSED, null, "tester");
		assertThat(analytics.unanswered(city, today, today, false, 50)).extracting(AssistantAnalytics.Unanswered::textKey)
			.doesNotContain(TextKey.of(NONSENSE));
		assertThat(analytics.unanswered(city, today, today, true, 50)).filteredOn(u -> u.textKey().equals(TextKey.of(NONSENSE)))
			.singleElement()
			.satisfies(u -> {
				assertThat(u.resolved()).isTrue();
				assertThat(u.action()).isEqualTo("DISMISSED");
			});
		Thread.sleep(5); // the next question must be asked after the dismissal, to the clock's precision
		ask(city, Channel.WIDGET, NONSENSE);
		assertThat(analytics.unanswered(city, today, today, false, 50)).filteredOn(u -> u.textKey().equals(TextKey.of(NONSENSE)))
			.singleElement()
			.extracting(AssistantAnalytics.Unanswered::count)
			.isEqualTo(3L);

		// another city's log is not counted
		String other = newCity(tenants, knowledge);
		assertThat(analytics.daily(other, today, today).get(0).questions()).isZero();
		assertThat(analytics.unanswered(other, today, today, true, 50)).isEmpty();
	}
}
