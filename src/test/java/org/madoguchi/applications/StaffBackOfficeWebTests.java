package org.madoguchi.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.madoguchi.procedures.Assurance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The back office over HTTP: queue, review page per role, actions with stale versions, CSV for 管理者; the
 * applications come from an API client, on the test certificate (ACCOUNT assurance, a fee per copy).
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaffBackOfficeWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiIntake intake;

	Application submitted() {
		Applicant client = new Applicant(Applicant.Kind.CLIENT, null, null, "bo-" + UUID.randomUUID(), null, null, "ja",
				Assurance.ACCOUNT, null);
		Map<String, Object> answers = Map.of("name", "東雲 一郎", "kana", "シノノメ イチロウ", "birthDate", "1980-02-29",
				"address", Map.of("postalCode", "299-0001", "address", "千葉県東雲野市本町一丁目2番3号", "building", ""),
				"phone", "043-123-4567", "scope", "whole", "copies", "1", "purpose", "pension", "deliveryMethod", "counter");
		return intake.create(client, "k", "{}", new ApiIntake.Request("test-certificate", null, "ja", "東雲 一郎", null,
				answers, true)).application();
	}

	@Test
	void examinersWorkTheQueueAndApproversDoNotSeeTheRegister() throws Exception {
		Application a = submitted();
		String queue = mvc.perform(get("/staff/applications").param("procedure", "test-certificate")
			.param("status", "NOT-A-STATUS")
			.param("after", "garbage")
			.with(user("ex1").roles("EXAMINER"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(queue).contains("処理待ちの件数");
		mvc.perform(get("/staff/applications").param("receipt", a.receiptNumber()).with(user("ex1").roles("EXAMINER")))
			.andExpect(status().is3xxRedirection());

		String asExaminer = mvc.perform(get("/staff/applications/" + a.id()).with(user("ex1").roles("EXAMINER")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(asExaminer).contains("住民記録との照合");
		String asApprover = mvc.perform(get("/staff/applications/" + a.id()).with(user("ap1").roles("APPROVER")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(asApprover).doesNotContain("住民記録との照合");

		// a stale row version: told, nothing changed
		String stale = mvc.perform(post("/staff/applications/" + a.id() + "/actions").with(csrf())
			.with(user("ex1").roles("EXAMINER"))
			.param("action", "claim")
			.param("rowVersion", String.valueOf(a.rowVersion() + 5))).andReturn().getResponse().getContentAsString();
		assertThat(stale).contains("ほかの職員が変更しました");
		// the approver cannot take the first (審査) step
		mvc.perform(post("/staff/applications/" + a.id() + "/actions").with(csrf())
			.with(user("ap1").roles("APPROVER"))
			.param("action", "claim")
			.param("rowVersion", String.valueOf(a.rowVersion()))).andExpect(status().isForbidden());
		// residents are not staff
		mvc.perform(get("/staff/applications").with(user("r").roles("RESIDENT"))).andExpect(status().isForbidden());
	}

	@Test
	void administratorsDownloadAProceduresApplicationsAsCsv() throws Exception {
		Application a = submitted();
		mvc.perform(get("/staff/applications/export").param("procedure", "test-certificate").with(user("c1").roles("COUNTER")))
			.andExpect(status().isForbidden());
		byte[] csv = mvc.perform(get("/staff/applications/export").param("procedure", "test-certificate")
			.with(user("admin1").roles("ADMIN"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFreceipt_number,status");
		assertThat(text).contains(a.receiptNumber());
	}
}
