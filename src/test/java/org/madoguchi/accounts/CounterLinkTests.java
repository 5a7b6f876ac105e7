package org.madoguchi.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.madoguchi.accounts.AccountTestSupport.PASSWORD;
import static org.madoguchi.accounts.AccountTestSupport.form;
import static org.madoguchi.accounts.AccountTestSupport.newEmail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.madoguchi.registry.AtenaNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The counter links a resident's account to the register after checking an identity document. */
@SpringBootTest
@AutoConfigureMockMvc
class CounterLinkTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AccountService service;

	@Autowired
	AccountRepository accounts;

	@Autowired
	ResidentAccounts residentAccounts;

	final RequestPostProcessor counter = user("madoguchi").roles("COUNTER");

	@Test
	void linkNeedsTheIdentityCheckAndAKnownLivingPersonAndIsLogged() throws Exception {
		String email = newEmail();
		service.register(form(email, PASSWORD));
		UUID id = accounts.findByEmail(email).orElseThrow().id();
		String atena = moveIn();

		mvc.perform(get("/staff/accounts").param("email", email.toUpperCase()).with(counter))
			.andExpect(redirectedUrl("/staff/accounts/" + id));
		mvc.perform(get("/staff/accounts").param("email", newEmail()).with(counter)).andExpect(status().isOk())
			.andExpect(content().string(containsString("このメールアドレスのアカウントはありません")));
		mvc.perform(get("/staff/accounts/" + id).with(counter)).andExpect(status().isOk())
			.andExpect(content().string(containsString(email)))
			.andExpect(content().string(containsString("id=\"identityChecked\"")));

		// without the identity check box: refused, nothing stored
		mvc.perform(post("/staff/accounts/" + id + "/link").with(csrf()).with(counter).param("atenaNumber", atena)
				.param("documentType", "DRIVERS_LICENSE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"identityChecked-error\"")))
			.andExpect(content().string(containsString("href=\"#identityChecked\"")));
		assertThat(residentAccounts.find(id).orElseThrow().atenaNumber()).isNull();

		// no document type, malformed number
		mvc.perform(post("/staff/accounts/" + id + "/link").with(csrf()).with(counter).param("atenaNumber", "1234567890")
				.param("identityChecked", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"documentType-error\"")))
			.andExpect(content().string(containsString("id=\"atenaNumber-error\"")));

		// a well-formed number nobody has
		String unknown = AtenaNumber.ofSerial(987_654_321L).value();
		mvc.perform(post("/staff/accounts/" + id + "/link").with(csrf()).with(counter).param("atenaNumber", unknown)
				.param("identityChecked", "true").param("documentType", "PASSPORT"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("この宛名番号の住民記録はありません")));
		assertThat(residentAccounts.find(id).orElseThrow().atenaNumber()).isNull();

		mvc.perform(post("/staff/accounts/" + id + "/link").with(csrf()).with(counter).param("atenaNumber", atena)
				.param("identityChecked", "true").param("documentType", "DRIVERS_LICENSE"))
			.andExpect(redirectedUrl("/staff/accounts/" + id));
		assertThat(residentAccounts.find(id).orElseThrow().atenaNumber()).isEqualTo(atena);
		StoredAccount linked = accounts.find(id).orElseThrow();
		assertThat(linked.linkMethod()).isEqualTo("COUNTER");
		assertThat(linked.linkDocument()).isEqualTo("DRIVERS_LICENSE");
		assertThat(linked.linkedBy()).isEqualTo("madoguchi");
		assertThat(linked.linkedAt()).isNotNull();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE action = 'CHANGE' AND subject = ? "
				+ "AND detail LIKE ?", Integer.class, atena, "resident account linked: account:" + id + "%")).isEqualTo(1);
		mvc.perform(get("/staff/accounts/" + id).with(counter)).andExpect(status().isOk())
			.andExpect(content().string(containsString("/staff/residents/" + atena)));

		// a second account cannot take the same person
		String other = newEmail();
		service.register(form(other, PASSWORD));
		UUID otherId = accounts.findByEmail(other).orElseThrow().id();
		mvc.perform(post("/staff/accounts/" + otherId + "/link").with(csrf()).with(counter).param("atenaNumber", atena)
				.param("identityChecked", "true").param("documentType", "MY_NUMBER_CARD"))
			.andExpect(status().isOk()).andExpect(content().string(containsString(email)));
		assertThat(residentAccounts.find(otherId).orElseThrow().atenaNumber()).isNull();

		mvc.perform(post("/staff/accounts/" + id + "/unlink").with(csrf()).with(counter))
			.andExpect(redirectedUrl("/staff/accounts/" + id));
		assertThat(residentAccounts.find(id).orElseThrow().atenaNumber()).isNull();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE action = 'CHANGE' AND subject = ? "
				+ "AND detail LIKE 'resident account unlinked%'", Integer.class, atena)).isEqualTo(1);
	}

	@Test
	void onlyCounterExaminerAndAdminReachTheAccountPages() throws Exception {
		mvc.perform(get("/staff/accounts").with(user("kansa").roles("AUDITOR"))).andExpect(status().isForbidden());
		mvc.perform(get("/staff/accounts").with(user("shinsa").roles("EXAMINER"))).andExpect(status().isOk());
		mvc.perform(get("/staff/accounts")).andExpect(status().is3xxRedirection());
	}

	/** Records a 転入 at the counter and returns the new person's 宛名番号. */
	private String moveIn() throws Exception {
		String day = LocalDate.now().minusDays(1).toString();
		String kana = "リンク" + (char) ('ア' + (int) (Math.random() * 40));
		var created = mvc.perform(post("/staff/move-in").with(csrf()).with(counter)
				.param("reason", "DOMESTIC_MOVE_IN").param("address", "千葉県東雲野市中央一丁目" + System.nanoTime() % 1000 + "番1号")
				.param("previousAddress", "東京都千代田区").param("changeDate", day).param("notifiedDate", day)
				.param("persons[0].familyName", "紐付").param("persons[0].givenName", "花子")
				.param("persons[0].familyNameKana", kana).param("persons[0].givenNameKana", "ハナコ")
				.param("persons[0].birthDate", "H2.12.31").param("persons[0].gender", "FEMALE")
				.param("persons[0].type", "JAPANESE").param("persons[0].relationship", "世帯主")
				.param("action", "submit"))
			.andExpect(status().is3xxRedirection()).andReturn();
		return created.getResponse().getRedirectedUrl().replace("/staff/residents/", "");
	}
}
