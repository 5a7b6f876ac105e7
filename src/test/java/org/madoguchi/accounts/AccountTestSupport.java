package org.madoguchi.accounts;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Test data for the account tests: random addresses so that tests can share one database. */
final class AccountTestSupport {

	static final String PASSWORD = "correct horse battery staple";

	private AccountTestSupport() {
	}

	static String newEmail() {
		return "t" + UUID.randomUUID().toString().substring(0, 12) + "@example.jp";
	}

	/** A complete, valid registration form post. */
	static MockHttpServletRequestBuilder registration(String email, String password) {
		return post("/portal/register").with(csrf()).param("email", email).param("password", password)
			.param("passwordConfirm", password).param("name", "東雲 太郎").param("kana", "しののめ たろう")
			.param("birthYear", "1985").param("birthMonth", "4").param("birthDay", "1").param("phone", "043-123-4567")
			.param("postalCode", "2600001").param("address", "千葉県東雲野市中央一丁目1番1号").param("building", "")
			.param("language", "ja");
	}

	static RegistrationForm form(String email, String password) {
		RegistrationForm f = new RegistrationForm();
		f.setEmail(email);
		f.setPassword(password);
		f.setPasswordConfirm(password);
		f.setName("東雲 花子");
		f.setKana("シノノメ ハナコ");
		f.setBirthYear("1990");
		f.setBirthMonth("12");
		f.setBirthDay("31");
		f.setPhone("09012345678");
		f.setPostalCode("260-0002");
		f.setAddress("千葉県東雲野市本町二丁目3番4号");
		f.setLanguage("en");
		return f;
	}

	/** Signs in at the portal in a fresh browser; returns the result. */
	static MvcResult portalLogin(MockMvc mvc, String email, String password) throws Exception {
		return portalLogin(new Browser(mvc), email, password);
	}

	/** Signs in at the portal in this browser; returns the result. */
	static MvcResult portalLogin(Browser browser, String email, String password) throws Exception {
		return browser.perform(post("/portal/login").with(csrf()).param("username", email).param("password", password))
			.andReturn();
	}

	/**
	 * Keeps cookies between requests, as a browser does: the session (Spring Session's, found by its cookie, so
	 * MockMvc's own session object would not carry it), the kept form's {@code mdg_rescue}, the visitor key.
	 */
	static final class Browser {

		private final MockMvc mvc;
		private final Map<String, Cookie> cookies = new HashMap<>();
		private final String address;

		Browser(MockMvc mvc) {
			this(mvc, "127.0.0.1");
		}

		/** A browser on a device with this IP address (what the rate limits count by). */
		Browser(MockMvc mvc, String address) {
			this.mvc = mvc;
			this.address = address;
		}

		ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
			cookies.values().forEach(request::cookie);
			request.with(r -> {
				r.setRemoteAddr(address);
				return r;
			});
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

		String address() {
			return address;
		}

		/** The id of the browser's HTTP session (the cookie holds it in Base64). */
		String sessionId() {
			return new String(Base64.getDecoder().decode(cookies.get("SESSION").getValue()), StandardCharsets.US_ASCII);
		}
	}
}
