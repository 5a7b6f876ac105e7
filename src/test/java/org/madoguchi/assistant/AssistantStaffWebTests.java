package org.madoguchi.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The assistant's staff pages over real HTTP handling and the real database: the analytics page and its CSV,
 * the unanswered-question log and its one-step actions (each makes the resident's wording answered), the review
 * of learned phrasings, tenant checks, escaping and the access log. Pages that change content work on a fresh
 * city as an administrator; FAQ editors (CONTENT) are checked on this installation's city.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AssistantStaffWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Assistant assistant;

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	Tenants tenants;

	@Autowired
	Phrasings phrasings;

	@Autowired
	AssistantAnalytics analytics;

	private static final RequestPostProcessor ADMIN = user("kanri-test").roles("ADMIN");

	private String newCity() {
		return AssistantAnalyticsTests.newCity(tenants, knowledge);
	}

	private Reply ask(String city, String text) {
		return assistant.ask(city, Channel.WIDGET, text, Locale.JAPANESE);
	}

	private int accessLogged(String city, String detailStart) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE action = 'READ_ASSISTANT_LOG' AND subject = ? "
				+ "AND detail LIKE ?", Integer.class, "assistant:" + city, detailStart + "%");
	}

	@Test
	void theDashboardShowsTheFiguresAndIsAccessLoggedOncePerView() throws Exception {
		String city = newCity();
		assertThat(ask(city, AssistantAnalyticsTests.BUS).kind()).isEqualTo(Reply.Kind.ANSWER);
		assertThat(ask(city, AssistantAnalyticsTests.NONSENSE).kind()).isEqualTo(Reply.Kind.NONE);

		String html = mvc.perform(get("/staff/assistant").param("tenant", city).with(ADMIN))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("アシスタントの利用状況", AssistantAnalyticsTests.BUS, AssistantAnalyticsTests.NONSENSE,
				"<svg", "/staff/assistant/entries/kitayama-bus", "50.0%");
		assertThat(accessLogged(city, "analytics ")).isEqualTo(1);

		// English through the bundle
		assertThat(mvc.perform(get("/staff/assistant").param("tenant", city).param("lang", "en").with(ADMIN))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Assistant usage");

		// a range over 366 days is refused, naming the field
		assertThat(mvc.perform(get("/staff/assistant").param("tenant", city).param("from", "2024-01-01")
				.param("to", "2025-06-30").with(ADMIN))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("集計期間は366日以内にしてください。", "href=\"#from\"");
	}

	@Test
	@WithMockUser(username = "koho-test", roles = "CONTENT")
	void contentStaffWorkOnTheirOwnCityOnly() throws Exception {
		String other = newCity();
		mvc.perform(get("/staff/assistant")).andExpect(status().isOk());
		mvc.perform(get("/staff/assistant/unanswered")).andExpect(status().isOk());
		mvc.perform(get("/staff/assistant/phrasings")).andExpect(status().isOk());
		mvc.perform(get("/staff/assistant").param("tenant", other)).andExpect(status().isForbidden());
		mvc.perform(get("/staff/assistant/unanswered").param("tenant", other)).andExpect(status().isForbidden());
		mvc.perform(get("/staff/assistant/phrasings").param("tenant", other)).andExpect(status().isForbidden());
		mvc.perform(get("/staff/assistant/analytics.csv").param("tenant", other)).andExpect(status().isForbidden());
		mvc.perform(post("/staff/assistant/unanswered/dismiss").with(csrf()).param("tenant", other)
				.param("text", "anything")).andExpect(status().isForbidden());
		assertThat(accessLogged(other, "")).isZero();

		// a phrasing of another city's entry cannot be decided from one's own city
		phrasings.confirm(other, "kitayama-bus", "バスの時刻を調べたい", other, Phrasings.Source.HELPFUL);
		long id = phrasings.list(other, Phrasings.Status.PENDING, 10).get(0).id();
		mvc.perform(post("/staff/assistant/phrasings/" + id + "/approve").with(csrf())).andExpect(status().isNotFound());
		assertThat(phrasings.list(other, Phrasings.Status.PENDING, 10)).extracting(Phrasings.Phrasing::id).contains(id);
	}

	@Test
	void theCsvHasAByteOrderMarkAndDefusesFormulas() throws Exception {
		String city = newCity();
		String formula = "=HYPERLINK(\"https://evil.example/\",\"ここをクリック\")";
		assertThat(ask(city, formula).kind()).isNotEqualTo(Reply.Kind.ANSWER);
		ask(city, AssistantAnalyticsTests.BUS);

		var response = mvc.perform(get("/staff/assistant/analytics.csv").param("tenant", city).param("report", "unanswered")
				.with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv; charset=UTF-8"))
			.andReturn().getResponse();
		byte[] bytes = response.getContentAsByteArray();
		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		String csv = new String(bytes, StandardCharsets.UTF_8).substring(1);
		assertThat(csv).startsWith("text,count,last_asked,none,unsure,unhelpful,channels,resolved\r\n");
		// the cell is quoted (it holds quotes and a comma) and starts with an apostrophe, never with =
		assertThat(csv).contains("\"'=HYPERLINK(\"\"https://evil.example/\"\",\"\"ここをクリック\"\")\"");
		assertThat(csv.lines()).noneMatch(l -> l.startsWith("=") || l.startsWith("\"="));
		assertThat(accessLogged(city, "csv unanswered ")).isEqualTo(1);

		String daily = mvc.perform(get("/staff/assistant/analytics.csv").param("tenant", city).param("report", "daily")
				.with(ADMIN)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(daily).contains("date,questions,answered,unsure,unanswered,smalltalk,answered_rate\r\n",
				LocalDate.now(QuestionLog.ZONE) + ",2,1,");
		String entries = mvc.perform(get("/staff/assistant/analytics.csv").param("tenant", city).param("report", "entries")
				.with(ADMIN)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(entries).contains("kitayama-bus," + AssistantAnalyticsTests.BUS + ",1,0,0,\r\n");
		assertThat(accessLogged(city, "csv ")).isEqualTo(3);

		mvc.perform(get("/staff/assistant/analytics.csv").param("tenant", city).param("report", "everything").with(ADMIN))
			.andExpect(status().isBadRequest());
	}

	@Test
	void whatResidentsTypedIsEscapedOnTheUnansweredPage() throws Exception {
		String city = newCity();
		assertThat(ask(city, "<script>alert(1)</script>").kind()).isNotEqualTo(Reply.Kind.ANSWER);
		String html = mvc.perform(get("/staff/assistant/unanswered").param("tenant", city).with(ADMIN))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(accessLogged(city, "unanswered ")).isEqualTo(1);
	}

	@Test
	void aNewQaFromAnUnansweredQuestionAnswersItAtOnce() throws Exception {
		String city = newCity();
		String text = "ぽんぽこ温泉の入浴券はどこで買えますか";
		assertThat(ask(city, text).kind()).isNotEqualTo(Reply.Kind.ANSWER);
		assertThat(mvc.perform(get("/staff/assistant/unanswered").param("tenant", city).with(ADMIN))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(text);

		// errors are shown next to the fields of that form, with what was typed kept
		String failed = mvc.perform(post("/staff/assistant/unanswered/create").with(ADMIN).with(csrf())
				.param("tenant", city).param("text", text).param("question", "ぽんぽこ温泉の入浴券の買い方")
				.param("category", "FACILITIES").param("answer", "").param("department", "観光課").param("phone", "abc")
				.param("status", "PUBLISHED"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(failed).contains("回答を2,000文字以内で入力してください。", "電話番号は半角数字とハイフンで入力してください",
				"href=\"#create-answer\"", "href=\"#create-phone\"", "id=\"create-answer-error\"",
				"value=\"ぽんぽこ温泉の入浴券の買い方\"", "value=\"観光課\"");
		assertThat(ask(city, text).kind()).isNotEqualTo(Reply.Kind.ANSWER);

		mvc.perform(post("/staff/assistant/unanswered/create").with(ADMIN).with(csrf()).param("tenant", city)
				.param("text", text).param("question", "ぽんぽこ温泉の入浴券の買い方").param("category", "FACILITIES")
				.param("answer", "入浴券は役場の観光課と温泉の受付で買えます。").param("department", "観光課")
				.param("phone", "0123-45-0003").param("url", "").param("status", "PUBLISHED"))
			.andExpect(status().is3xxRedirection());

		Reply again = ask(city, text);
		assertThat(again.kind()).isEqualTo(Reply.Kind.ANSWER);
		String id = again.answer().id();
		assertThat(id).matches(city + "-[0-9]{8}-1");
		assertThat(knowledge.find(city, id)).get().satisfies(e -> {
			assertThat(e.entry().question()).isEqualTo("ぽんぽこ温泉の入浴券の買い方");
			assertThat(e.entry().alternatives()).containsExactly(text);
			assertThat(e.status()).isEqualTo(EntryStatus.PUBLISHED);
			assertThat(e.updatedBy()).isEqualTo("kanri-test");
		});
		LocalDate today = LocalDate.now(QuestionLog.ZONE);
		assertThat(analytics.unanswered(city, today, today, false, 50)).isEmpty();
		assertThat(analytics.unanswered(city, today, today, true, 50)).singleElement()
			.satisfies(u -> {
				assertThat(u.action()).isEqualTo("NEW_ENTRY");
				assertThat(u.resolvedEntry()).isEqualTo(id);
			});
	}

	@Test
	void addingAnUnansweredQuestionAsAPhrasingAnswersItAtOnce() throws Exception {
		String city = newCity();
		String first = "ぴよぴよ号はいつ来る";
		String second = "本を借りられる場所の時間";
		assertThat(ask(city, first).kind()).isNotEqualTo(Reply.Kind.ANSWER);
		Reply before = ask(city, second);
		assertThat(before.kind() == Reply.Kind.ANSWER && "kitayama-library".equals(before.answer().id())).isFalse();

		// an unknown entry number is an error on that field
		assertThat(mvc.perform(post("/staff/assistant/unanswered/phrasing").with(ADMIN).with(csrf())
				.param("tenant", city).param("text", first).param("entryId", "no-such-entry"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("番号「no-such-entry」の公開中のQ&amp;Aは見つかりません", "href=\"#phrasing-entryId\"");

		// the number typed in
		mvc.perform(post("/staff/assistant/unanswered/phrasing").with(ADMIN).with(csrf()).param("tenant", city)
				.param("text", first).param("choice", "kitayama-library").param("entryId", "kitayama-bus"))
			.andExpect(status().is3xxRedirection());
		Reply r1 = ask(city, first);
		assertThat(r1.kind()).isEqualTo(Reply.Kind.ANSWER);
		assertThat(r1.answer().id()).isEqualTo("kitayama-bus");

		// one of the suggestions chosen
		mvc.perform(post("/staff/assistant/unanswered/phrasing").with(ADMIN).with(csrf()).param("tenant", city)
				.param("text", second).param("choice", "kitayama-library").param("entryId", ""))
			.andExpect(status().is3xxRedirection());
		Reply r2 = ask(city, second);
		assertThat(r2.kind()).isEqualTo(Reply.Kind.ANSWER);
		assertThat(r2.answer().id()).isEqualTo("kitayama-library");

		assertThat(phrasings.list(city, Phrasings.Status.APPROVED, 10)).extracting(Phrasings.Phrasing::text)
			.contains(first, second);
		LocalDate today = LocalDate.now(QuestionLog.ZONE);
		assertThat(analytics.unanswered(city, today, today, false, 50)).isEmpty();
	}

	@Test
	void aDismissedQuestionLeavesTheList() throws Exception {
		String city = newCity();
		ask(city, AssistantAnalyticsTests.NONSENSE);
		mvc.perform(post("/staff/assistant/unanswered/dismiss").param("tenant", city)
				.param("text", AssistantAnalyticsTests.NONSENSE).with(ADMIN)).andExpect(status().isForbidden());
		mvc.perform(post("/staff/assistant/unanswered/dismiss").with(ADMIN).with(csrf()).param("tenant", city)
				.param("text", AssistantAnalyticsTests.NONSENSE))
			.andExpect(status().is3xxRedirection());
		String html = mvc.perform(get("/staff/assistant/unanswered").param("tenant", city).with(ADMIN))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("対応が必要な質問はありません。").doesNotContain(AssistantAnalyticsTests.NONSENSE);
		assertThat(mvc.perform(get("/staff/assistant/unanswered").param("tenant", city).param("resolved", "true")
				.with(ADMIN)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains(AssistantAnalyticsTests.NONSENSE, "対応不要");
	}

	@Test
	void staffApproveAndRejectLearnedPhrasings() throws Exception {
		String city = newCity();
		String wording = "バスの時刻を知りたい";
		phrasings.confirm(city, "kitayama-bus", wording, city, Phrasings.Source.HELPFUL);
		List<Phrasings.Phrasing> pending = phrasings.list(city, Phrasings.Status.PENDING, 10);
		assertThat(pending).extracting(Phrasings.Phrasing::text).containsExactly(wording);
		long id = pending.get(0).id();

		String html = mvc.perform(get("/staff/assistant/phrasings").param("tenant", city).with(ADMIN))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains(wording, AssistantAnalyticsTests.BUS, "北山町", "別々の2回の会話で確かめられた言い回しは",
				"/staff/assistant/phrasings/" + id + "/approve");
		assertThat(accessLogged(city, "phrasings PENDING")).isEqualTo(1);

		mvc.perform(post("/staff/assistant/phrasings/" + id + "/approve").param("tenant", city).with(ADMIN))
			.andExpect(status().isForbidden());
		mvc.perform(post("/staff/assistant/phrasings/" + id + "/approve").param("tenant", city).with(ADMIN).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(phrasings.list(city, Phrasings.Status.APPROVED, 10)).extracting(Phrasings.Phrasing::id).contains(id);
		Reply r = ask(city, wording);
		assertThat(r.kind()).isEqualTo(Reply.Kind.ANSWER);
		assertThat(r.answer().id()).isEqualTo("kitayama-bus");
		assertThat(ask(city, wording).kind()).isEqualTo(Reply.Kind.ANSWER);

		mvc.perform(post("/staff/assistant/phrasings/" + id + "/reject").param("tenant", city)
				.param("status", "APPROVED").with(ADMIN).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(phrasings.list(city, Phrasings.Status.REJECTED, 10)).extracting(Phrasings.Phrasing::id).contains(id);
		assertThat(mvc.perform(get("/staff/assistant/phrasings").param("tenant", city).param("status", "REJECTED")
				.with(ADMIN)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(wording);
		mvc.perform(post("/staff/assistant/phrasings/999999999/approve").param("tenant", city).with(ADMIN).with(csrf()))
			.andExpect(status().isNotFound());

		// staff adding the rejected wording themselves (from the unanswered log) approve it again
		mvc.perform(post("/staff/assistant/unanswered/phrasing").with(ADMIN).with(csrf()).param("tenant", city)
				.param("text", wording).param("entryId", "kitayama-bus"))
			.andExpect(status().is3xxRedirection());
		assertThat(phrasings.list(city, Phrasings.Status.APPROVED, 10)).extracting(Phrasings.Phrasing::id).contains(id);
	}

	@Test
	void phrasingsOfStandardEntriesLearnedInAnotherCityAreShownAsShared() throws Exception {
		String city = newCity();
		String elsewhere = newCity();
		String wording = "ごみの出し方 " + city;
		phrasings.confirm(Tenant.STANDARD, "waste-001", wording, elsewhere, Phrasings.Source.PICKED);
		String html = mvc.perform(get("/staff/assistant/phrasings").param("tenant", city).with(ADMIN))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("ほかの自治体で学習した標準Q&amp;Aの言い回し", wording);
		// shown, not decided here: only the city where it was learned (or the standard set's administrators) decide
		long id = jdbc.queryForObject("SELECT id FROM assistant_phrasing WHERE phrasing = ?", Long.class, wording);
		assertThat(html).doesNotContain("/staff/assistant/phrasings/" + id + "/approve");
	}
}
