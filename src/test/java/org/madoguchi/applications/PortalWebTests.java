package org.madoguchi.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The resident portal over HTTP: the catalog, a form page with errors (nothing typed is lost), someone else's
 * draft, a visitor without an account, and a form sent after the sign-in expired.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PortalWebTests {

	static final String PASSWORD = "correct horse battery staple";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder encoder;

	/** Keeps the SESSION and visitor cookies between requests, as a browser does. */
	final class Browser {

		final java.util.Map<String, Cookie> cookies = new java.util.HashMap<>();

		ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
			cookies.values().forEach(request::cookie);
			ResultActions result = mvc.perform(request);
			for (Cookie c : result.andReturn().getResponse().getCookies()) {
				if (c.getMaxAge() == 0) {
					cookies.remove(c.getName());
				}
				else {
					cookies.put(c.getName(), c);
				}
			}
			return result;
		}
	}

	String resident() {
		String email = "r-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
		jdbc.update("INSERT INTO resident_account (id, email, email_key, password_hash, name, kana, birth_date, phone, "
				+ "postal_code, address, building, language, email_verified_at, failed_attempts, demo, created_at, "
				+ "updated_at) VALUES (?, ?, ?, ?, '東雲 花子', 'シノノメ　ハナコ', DATE '1985-04-01', '043-123-4567', '299-0001', "
				+ "'千葉県東雲野市本町一丁目2番3号', NULL, 'ja', CURRENT_TIMESTAMP, 0, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
				UUID.randomUUID(), email, email, encoder.encode(PASSWORD));
		return email;
	}

	Browser signedIn(String email) throws Exception {
		Browser b = new Browser();
		b.perform(post("/portal/login").with(csrf()).param("username", email).param("password", PASSWORD));
		return b;
	}

	static String location(ResultActions r) {
		return r.andReturn().getResponse().getRedirectedUrl();
	}

	@Test
	void theCatalogIsFoundByReadingCategoryAndLifeEvent() throws Exception {
		mvc.perform(get("/portal/procedures").param("q", "そだいごみ"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/portal/procedures/sodai-gomi")));
		String care = mvc.perform(get("/portal/procedures").param("event", "CARE"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(care).contains("/portal/procedures/kaigo-nintei").doesNotContain("/portal/procedures/sodai-gomi");
		mvc.perform(get("/portal/procedures/juminhyo-copy"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/portal/login")));
		mvc.perform(get("/portal/procedures/no-such-thing")).andExpect(status().isNotFound());
	}

	@Test
	void aPageWithErrorsKeepsWhatWasTypedAndSomeoneElsesDraftIsNotFound() throws Exception {
		Browser me = signedIn(resident());
		// 住民票の写し is signed with the My Number Card at the end; an account is enough to start filling it in
		String procedure = me.perform(get("/portal/procedures/juminhyo-copy")).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(procedure).contains("最後にマイナンバーカード（署名用電子証明書）で電子署名して申請します")
			.contains("action=\"/portal/procedures/juminhyo-copy/start\"");
		String page = location(me.perform(post("/portal/procedures/juminhyo-copy/start").with(csrf())));
		assertThat(page).matches("/portal/drafts/[0-9a-f-]{36}/pages/applicant");
		String html = me.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).as("prefilled from the account").contains("value=\"東雲 花子\"");

		MockHttpServletResponse bad = me.perform(post(page).with(csrf())
			.param("action", "next")
			.param("f.name", "")
			.param("f.kana", "しののめ はなこ")
			.param("f.birthDate.era", "H")
			.param("f.birthDate.year", "32")
			.param("f.birthDate.month", "1")
			.param("f.birthDate.day", "1")
			.param("f.phone", "043-123-4567")
			.param("f.address.postalCode", "2990001")
			.param("f.address.address", "千葉県東雲野市本町一丁目2番3号")).andExpect(status().isOk()).andReturn().getResponse();
		String body = bad.getContentAsString();
		assertThat(body).contains("dads-error-summary").contains("href=\"#f-name\"").contains("href=\"#f-birthDate\"");
		assertThat(body).as("the impossible 平成32年 is shown as typed").contains("value=\"32\"");
		assertThat(body).contains("aria-invalid=\"true\"");

		Browser other = signedIn(resident());
		other.perform(get(page)).andExpect(status().isNotFound());
		other.perform(post(page).with(csrf()).param("action", "save").param("f.name", "x")).andExpect(status().isNotFound());
	}

	@Test
	void aVisitorWithoutAnAccountAnswersTheSurveyAndOnlyTheirBrowserSeesIt() throws Exception {
		Browser visitor = new Browser();
		String page = location(visitor.perform(post("/portal/procedures/shimin-anketo/start").with(csrf())));
		assertThat(page).startsWith("/portal/drafts/");
		assertThat(visitor.cookies).containsKey("mdg_visitor");
		visitor.perform(get(page)).andExpect(status().isOk());
		Browser stranger = new Browser();
		stranger.perform(get(page)).andExpect(status().is3xxRedirection()); // no key: sign in first
		Cookie forged = new Cookie("mdg_visitor", "A".repeat(32));
		stranger.cookies.put("mdg_visitor", forged);
		stranger.perform(get(page)).andExpect(status().isNotFound());
	}

	@Test
	void aFormSentAfterTheSignInExpiredComesBackAfterSigningInAgain() throws Exception {
		String email = resident();
		Browser me = signedIn(email);
		String page = location(me.perform(post("/portal/procedures/juminhyo-copy/start").with(csrf())));
		String draftId = page.split("/")[3];

		// the session is gone (expired): the browser still sends the old form, with a token nobody knows
		Browser expired = new Browser();
		expired.cookies.put("SESSION", new Cookie("SESSION", "expired-session-id"));
		String login = location(expired.perform(post(page).param("_csrf", "stale-token")
			.param("action", "next")
			.param("f.name", "東雲 花子")
			.param("f.kana", "シノノメ ハナコ")
			.param("f.phone", "090-9999-0000")));
		assertThat(login).startsWith("/portal/login?rescue=");
		String token = login.substring(login.indexOf('=') + 1);
		String loginPage = expired.perform(get(login)).andReturn().getResponse().getContentAsString();
		assertThat(loginPage).contains("name=\"rescue\"").contains(token);

		MvcResult signIn = expired.perform(post("/portal/login").with(csrf())
			.param("username", email)
			.param("password", PASSWORD)
			.param("rescue", token)).andReturn();
		assertThat(signIn.getResponse().getRedirectedUrl()).isEqualTo(page + "?rescue=" + token);
		String restored = expired.perform(get(page + "?rescue=" + token)).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(restored).contains("value=\"090-9999-0000\"").contains("復元しました");
		assertThat(jdbc.queryForObject("SELECT answers FROM application WHERE id = ?", String.class,
				UUID.fromString(draftId))).contains("090-9999-0000");
		// one use only, and only in the browser that sent the form
		Browser elsewhere = signedIn(email);
		elsewhere.perform(get(page + "?rescue=" + token)).andExpect(status().isOk());
		// a POST from a browser without any session is refused outright, nothing kept
		Browser nobody = new Browser();
		nobody.perform(post(page).param("_csrf", "x").param("f.name", "y")).andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM portal_form_rescue WHERE path = ?", Integer.class, page))
			.isZero();
	}
}
