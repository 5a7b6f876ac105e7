package org.madoguchi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The staff journey over real HTTP handling and the real database: sign in, record a move-in, find
 * the person, record a move, see it in the history, the access log and the delta feed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaffWebFlowTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void signInWithFormLoginAndLockAfterRepeatedFailures() throws Exception {
		String username = "t" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.update("INSERT INTO staff_account (username, display_name, password_hash, roles, enabled, demo, "
				+ "failed_attempts, created_at) VALUES (?, 'Test', ?, 'COUNTER', TRUE, FALSE, 0, CURRENT_TIMESTAMP)",
				username, encoder.encode("correct horse battery"));
		mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "correct horse battery"))
			.andExpect(redirectedUrl("/"));
		mvc.perform(post("/login").param("username", username).param("password", "x")).andExpect(status().isForbidden());
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "wrong"))
				.andExpect(redirectedUrl("/login?error"));
		}
		// locked now: even the right password is refused
		mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "correct horse battery"))
			.andExpect(redirectedUrl("/login?error"));
		Integer locked = jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE actor = ? AND action = 'ACCOUNT_LOCKED'",
				Integer.class, username);
		assertThat(locked).isEqualTo(1);
	}

	@Test
	void recordMoveInFindPersonRecordMoveAndSeeItEverywhere() throws Exception {
		String kana = "テスト" + (char) ('ア' + (int) (Math.random() * 40));
		String today = LocalDate.now().minusDays(1).toString();
		var staff = user("madoguchi").roles("COUNTER");
		MvcResult created = mvc.perform(post("/staff/move-in").with(csrf()).with(staff)
				.param("reason", "DOMESTIC_MOVE_IN").param("address", "千葉県東雲野市中央一丁目1番1号")
				.param("previousAddress", "東京都千代田区").param("changeDate", today).param("notifiedDate", today)
				.param("persons[0].familyName", "試験").param("persons[0].givenName", "太郎")
				.param("persons[0].familyNameKana", kana).param("persons[0].givenNameKana", "タロウ")
				.param("persons[0].birthDate", "S50.4.1").param("persons[0].gender", "MALE")
				.param("persons[0].type", "JAPANESE").param("persons[0].relationship", "世帯主")
				.param("action", "submit"))
			.andExpect(status().is3xxRedirection()).andReturn();
		String atena = created.getResponse().getRedirectedUrl().replace("/staff/residents/", "");

		mvc.perform(get("/staff/residents").param("kana", kana.replace("テスト", "てすと")).with(staff))
			.andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(atena)));

		String household = jdbc.queryForObject("SELECT household_number FROM resident_record WHERE atena_number = ? AND latest",
				String.class, atena);
		mvc.perform(post("/staff/changes/move").with(csrf()).with(staff).param("householdNumber", household)
				.param("address", "千葉県東雲野市本町二丁目3番4号").param("changeDate", today).param("notifiedDate", today))
			.andExpect(redirectedUrl("/staff/households/" + household));

		mvc.perform(get("/staff/residents/" + atena).with(staff)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("本町二丁目3番4号")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("転居")));

		mvc.perform(get("/api/v1/audit/access-log").param("subject", atena).with(user("kansa").roles("AUDITOR")))
			.andExpect(status().isOk()).andExpect(jsonPath("$[?(@.action == 'CHANGE')]").exists())
			.andExpect(jsonPath("$[?(@.action == 'READ_PERSON')]").exists());

		Long seq = jdbc.queryForObject("SELECT MIN(seq) FROM register_change WHERE atena_number = ?", Long.class, atena);
		mvc.perform(get("/api/v1/register/feed").param("after", String.valueOf(seq - 1)).param("limit", "2")
				.with(user("renkei").roles("LINKAGE")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.changes[0].record.atenaNumber").value(atena))
			.andExpect(jsonPath("$.changes[0].record.changeReason").value("DOMESTIC_MOVE_IN"));
	}

	@Test
	void badInputIsReportedPerFieldAndWritesNothing() throws Exception {
		var staff = user("madoguchi").roles("COUNTER");
		Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM resident", Integer.class);
		mvc.perform(post("/staff/move-in").with(csrf()).with(staff).param("reason", "DOMESTIC_MOVE_IN")
				.param("address", "千葉県東雲野市中央1番").param("previousAddress", "大阪府")
				.param("changeDate", LocalDate.now().toString()).param("notifiedDate", LocalDate.now().toString())
				.param("persons[0].familyName", "試験").param("persons[0].familyNameKana", "しけん")
				.param("persons[0].birthDate", "S50.13.1").param("persons[0].gender", "MALE")
				.param("persons[0].type", "JAPANESE").param("persons[0].relationship", "世帯主")
				.param("persons[0].residentCode", "12345678901").param("action", "submit"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"persons[0].birthDate-error\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("aria-invalid=\"true\"")));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resident", Integer.class)).isEqualTo(before);

		String body = """
				{"reason":"DOMESTIC_MOVE_IN","address":{"address":"千葉県東雲野市中央1番"},"previousAddress":"大阪府",
				 "changeDate":"%s","notifiedDate":"%s","persons":[{"familyName":"試験","familyNameKana":"Shiken",
				 "birthDate":"1980-02-30","gender":"MALE","type":"JAPANESE","relationship":"世帯主"}]}"""
			.formatted(LocalDate.now(), LocalDate.now());
		mvc.perform(post("/api/v1/register/move-ins").with(staff).contentType(MediaType.APPLICATION_JSON).content(body)
				.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
			.andExpect(jsonPath("$.errors[?(@.field == 'persons[0].birthDate')].code").value("error.date"));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resident", Integer.class)).isEqualTo(before);
	}

	@Test
	void apiRefusesMissingTokenAndOversizedBodies() throws Exception {
		mvc.perform(get("/api/v1/register/residents").param("kana", "ア"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")));
		byte[] big = new byte[2 * 1024 * 1024];
		mvc.perform(post("/api/v1/register/move-ins").with(user("madoguchi").roles("COUNTER"))
				.contentType(MediaType.APPLICATION_JSON).content(big))
			.andExpect(status().isPayloadTooLarge());
		mvc.perform(get("/api/v1/audit/access-log").with(user("madoguchi").roles("COUNTER")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/register/residents").param("kana", "ア".repeat(101)).with(user("madoguchi").roles("COUNTER")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kana"))
			.andExpect(jsonPath("$.errors[0].code").value("error.tooLong"));
	}

	@Test
	void eachRoleLandsWhereItWorks() throws Exception {
		mvc.perform(get("/").with(user("kansa").roles("AUDITOR"))).andExpect(redirectedUrl("/staff/audit"));
		mvc.perform(get("/").with(user("madoguchi").roles("COUNTER"))).andExpect(redirectedUrl("/staff/residents"));
		mvc.perform(get("/staff/residents").with(user("kansa").roles("AUDITOR"))).andExpect(status().isForbidden());
	}

	@Test
	void healthAndPrometheusAndOpenApiAreServed() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")));
		mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/register/feed']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/applications'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/applications/feed'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/procedures/{id}/schema'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/staff/applications/{id}/decisions'].post").exists())
			.andExpect(jsonPath("$.components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl").value("/api/oauth2/token"));
	}
}
