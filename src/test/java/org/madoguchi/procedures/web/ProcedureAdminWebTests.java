package org.madoguchi.procedures.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.madoguchi.procedures.EveryFieldDefinition;
import org.madoguchi.procedures.ProcedureVersion;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The 管理者 screens for procedure definitions over real request handling, security and the real access
 * log; the catalog and publisher are an in-memory test double ({@link InMemoryProcedures}).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProcedureAdminWebTests {

	/** FOR TESTS ONLY: the in-memory catalog and publisher, preferred over the engine's when both exist. */
	@TestConfiguration
	static class TestProcedureStore {

		@Bean
		@Primary
		InMemoryProcedures inMemoryProcedures() {
			return new InMemoryProcedures();
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	InMemoryProcedures store;

	@Autowired
	JdbcTemplate jdbc;

	static String newId() {
		return "t-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static UserRequestPostProcessor admin(String name) {
		return user(name).roles("ADMIN");
	}

	String published(String id) {
		store.publish(EveryFieldDefinition.withId(id), "system");
		return id;
	}

	@Test
	void listShowsEveryProcedureWithItsCurrentVersion() throws Exception {
		String id = published(newId());
		store.publish(EveryFieldDefinition.withId(id).replace("slaDays: 5", "slaDays: 7"), "kanri01");
		String html = mvc.perform(get("/staff/procedures").with(admin("kanri01")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("手続の管理").contains("href=\"/staff/procedures/" + id + "\"").contains("全項目の見本")
			.contains("第2版").contains("kanri01").contains("その他");
	}

	@Test
	void procedurePageShowsHistoryAndTheDefinitionSummary() throws Exception {
		String id = published(newId());
		store.publish(EveryFieldDefinition.withId(id).replace("slaDays: 5", "slaDays: 9"), "kanri02");
		String html = mvc.perform(get("/staff/procedures/" + id).with(admin("kanri02")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("版の履歴").contains("標準処理期間：9日").contains("審査（担当：審査）")
			.contains("<code>birthDate</code>").contains("日付（和暦・西暦）")
			.contains("表示条件：「使用目的」が「その他」のとき")
			.contains("300円 ×「通数」")
			.contains("氏名&lt;script&gt;").doesNotContain("<script>alert");
		String old = mvc.perform(get("/staff/procedures/" + id).param("version", "1").with(admin("kanri02")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(old).contains("第1版を表示しています（現在の版は第2版です）").contains("標準処理期間：5日");
		mvc.perform(get("/staff/procedures/" + id).param("version", "7").with(admin("kanri02")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/staff/procedures/no-such-procedure").with(admin("kanri02"))).andExpect(status().isNotFound());
	}

	@Test
	void previewWithProblemsShowsThemNextToTheTextareaAndInTheSummaryAndKeepsTheText() throws Exception {
		String id = published(newId());
		String broken = EveryFieldDefinition.withId(id).replace("type: NUMBER", "type: NUMBR")
			+ "# <b>kept</b>\n";
		String html = mvc.perform(multipart("/staff/procedures/" + id + "/edit").param("yaml", broken)
			.param("action", "preview").with(csrf()).with(admin("kanri03")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("class=\"dads-error-summary\"").contains("href=\"#yaml\"")
			.contains("id=\"yaml-error\"").contains("定義に 1 件の問題があります").contains("NUMBR")
			.contains("aria-describedby=\"yaml-hint yaml-error\"").contains("aria-invalid=\"true\"")
			.contains("# &lt;b&gt;kept&lt;/b&gt;").contains("type: NUMBR")
			.doesNotContain("これはプレビューです");

		String checkerProblems = EveryFieldDefinition.withId(id).replace("slaDays: 5", "slaDays: 500")
			.replace("min: 1\n", "min: 20\n");
		String html2 = mvc.perform(multipart("/staff/procedures/" + id + "/edit").param("yaml", checkerProblems)
			.param("action", "preview").with(csrf()).with(admin("kanri03")))
			.andReturn().getResponse().getContentAsString();
		assertThat(html2).contains("定義に 2 件の問題があります").contains("workflow.slaDays: 1 to 365")
			.contains("min: greater than max");
	}

	@Test
	void previewRendersEveryPageReadOnly() throws Exception {
		String id = published(newId());
		String html = mvc.perform(multipart("/staff/procedures/" + id + "/edit")
			.param("yaml", EveryFieldDefinition.withId(id)).param("action", "preview").with(csrf())
			.with(admin("kanri04")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("これはプレビューです").contains("画面1：最初の画面").contains("画面2：その他の目的")
			.contains("この画面は「使用目的」が「その他」のときに表示されます。")
			.contains("id=\"f-fullName\"").contains("id=\"f-otherPurpose\"").contains("id=\"f-copyNote\"")
			.contains("name=\"file.document\"").contains("見本 太郎").doesNotContain("class=\"dads-error-summary\"");
		assertThat(html).containsPattern("<input[^>]*id=\"f-fullName\"[^>]*disabled");
		assertThat(html).doesNotContainPattern("<input(?![^>]*disabled)[^>]*name=\"f\\.");
		assertThat(store.history(id)).hasSize(1);
	}

	@Test
	void publishCallsThePublisherWithTheStaffNameAndRecordsItInTheAccessLog() throws Exception {
		String id = published(newId());
		String changed = EveryFieldDefinition.withId(id).replace("slaDays: 5", "slaDays: 6");
		mvc.perform(multipart("/staff/procedures/" + id + "/edit").param("yaml", changed).param("action", "publish")
			.with(csrf()).with(admin("kanri05")))
			.andExpect(redirectedUrl("/staff/procedures/" + id))
			.andExpect(flash().attribute("notice", "第2版を公開しました。"));
		ProcedureVersion v = store.current(id).orElseThrow();
		assertThat(v.version()).isEqualTo(2);
		assertThat(v.publishedBy()).isEqualTo("kanri05");
		assertThat(v.definition().workflow().slaDays()).isEqualTo(6);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE subject = ? AND action = 'CHANGE' "
				+ "AND actor = 'kanri05' AND detail LIKE 'published version 2 %'", Integer.class, "procedure:" + id))
			.isEqualTo(1);

		// the same text again creates nothing and logs nothing
		mvc.perform(multipart("/staff/procedures/" + id + "/edit").param("yaml", changed).param("action", "publish")
			.with(csrf()).with(admin("kanri05")))
			.andExpect(flash().attribute("notice", "第2版と同じ内容のため、新しい版は作られませんでした。"));
		assertThat(store.history(id)).hasSize(2);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE subject = ?", Integer.class,
				"procedure:" + id)).isEqualTo(1);
	}

	@Test
	void aDefinitionNamingAnotherProcedureIsRefusedOnTheEditPage() throws Exception {
		String id = published(newId());
		String other = published(newId());
		int calls = store.publishCalls.get();
		String html = mvc.perform(multipart("/staff/procedures/" + id + "/edit")
			.param("yaml", EveryFieldDefinition.withId(other)).param("action", "publish").with(csrf())
			.with(admin("kanri06")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("定義の id「" + other + "」がこの手続の id「" + id + "」と違います");
		assertThat(store.publishCalls.get()).isEqualTo(calls);
		assertThat(store.history(other)).hasSize(1);
	}

	@Test
	void newProcedureIsPublishedAsVersionOneAndAnExistingIdIsRefused() throws Exception {
		String html = mvc.perform(get("/staff/procedures/new").with(admin("kanri07")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("新しい手続の定義").contains("enctype=\"multipart/form-data\"")
			.contains("name=\"_csrf\"").contains("maxlength=\"200000\"");

		String id = newId();
		mvc.perform(multipart("/staff/procedures/new").param("yaml", EveryFieldDefinition.withId(id))
			.param("action", "publish").with(csrf()).with(admin("kanri07")))
			.andExpect(redirectedUrl("/staff/procedures/" + id))
			.andExpect(flash().attribute("notice", "第1版を公開しました。"));
		assertThat(store.current(id).orElseThrow().publishedBy()).isEqualTo("kanri07");

		String again = mvc.perform(multipart("/staff/procedures/new")
			.param("yaml", EveryFieldDefinition.withId(id).replace("slaDays: 5", "slaDays: 8")).param("action", "publish")
			.with(csrf()).with(admin("kanri07")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(again).contains("手続「" + id + "」は既にあります");
		assertThat(store.history(id)).hasSize(1);
	}

	@Test
	void aTooLongDefinitionIsRefusedWithoutParsing() throws Exception {
		String id = published(newId());
		int calls = store.publishCalls.get();
		String html = mvc.perform(multipart("/staff/procedures/" + id + "/edit").param("yaml", "#".repeat(200_001))
			.param("action", "publish").with(csrf()).with(admin("kanri08")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("定義が長すぎます（200,000文字まで）");
		assertThat(store.publishCalls.get()).isEqualTo(calls);
	}

	@Test
	void englishStaffSeeEnglishScreens() throws Exception {
		String id = published(newId());
		String html = mvc.perform(get("/staff/procedures/" + id).param("lang", "en").with(admin("kanri09")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Version history").contains("Every field").contains("Date (Japanese era or Western year)")
			.contains("Shown when “Purpose” is “Other”");
	}

	@Test
	void onlyAdministratorsMayUseTheseScreens() throws Exception {
		String id = published(newId());
		int calls = store.publishCalls.get();
		mvc.perform(get("/staff/procedures").with(user("madoguchi").roles("COUNTER"))).andExpect(status().isForbidden());
		mvc.perform(get("/staff/procedures/" + id).with(user("shinsa").roles("EXAMINER", "APPROVER")))
			.andExpect(status().isForbidden());
		mvc.perform(multipart("/staff/procedures/" + id + "/edit").param("yaml", EveryFieldDefinition.withId(id))
			.param("action", "publish").with(csrf()).with(user("shinsa").roles("EXAMINER")))
			.andExpect(status().isForbidden());
		mvc.perform(multipart("/staff/procedures/" + id + "/edit").param("yaml", EveryFieldDefinition.withId(id))
			.param("action", "publish").with(admin("kanri10")))
			.andExpect(status().isForbidden());
		assertThat(store.publishCalls.get()).isEqualTo(calls);
	}
}
