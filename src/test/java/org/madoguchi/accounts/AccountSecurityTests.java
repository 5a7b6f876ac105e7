package org.madoguchi.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.madoguchi.accounts.AccountTestSupport.PASSWORD;
import static org.madoguchi.accounts.AccountTestSupport.form;
import static org.madoguchi.accounts.AccountTestSupport.newEmail;
import static org.madoguchi.accounts.AccountTestSupport.registration;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.AccountTestSupport.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Account security over real HTTP handling and the real database: the password rules at registration,
 * hashes made before NFKC, the per-address limits shared through the database, the second factor from set-up
 * to sign-in and off again, and a form sent after the idle timeout that comes back after signing in with a code.
 * Small limits of its own (every test uses addresses of its own, so tests and runs do not share counters).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "madoguchi.accounts.rate-limits.sign-in.requests=8",
		"madoguchi.accounts.rate-limits.sign-in.window=PT15M", "madoguchi.accounts.rate-limits.registration.requests=2",
		"madoguchi.accounts.rate-limits.registration.window=PT1H", "madoguchi.accounts.rate-limits.mail.requests=2",
		"madoguchi.accounts.rate-limits.mail.window=PT1H" })
@AutoConfigureMockMvc
class AccountSecurityTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");
	private static final Pattern RECOVERY = Pattern.compile("<li class=\"mg-code\">([0-9a-z]{5}-[0-9a-z]{5})</li>");

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AccountService service;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	RateLimits rateLimits;

	@Autowired
	JdbcIndexedSessionRepository sessions;

	// ---------------------------------------------------------------- passwords

	@Test
	void registrationRefusesAGuessablePasswordSayingWhyAndOffersToShowIt() throws Exception {
		browser().perform(get("/portal/register")).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-reveal=\"パスワードを表示する\"")))
			.andExpect(content().string(containsString("15文字以上128文字以内")));
		String email = newEmail();
		browser().perform(registration(email, "Sakura2024-sakura!")).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"password-error\"")))
			.andExpect(content().string(containsString("よく使われる言葉（「sakura」など）")));
		browser().perform(registration(email, "qwertyuiop1234567").param("lang", "en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("keyboard, kana, alphabet or number runs")));
		// the name typed in the same form (東雲 太郎, しののめ たろう) in romaji
		browser().perform(registration(email, "Shinonome.Taro.1985")).andExpect(status().isOk())
			.andExpect(content().string(containsString("メールアドレスや氏名")));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resident_account WHERE email_key = ?", Integer.class, email))
			.isZero();
		browser().perform(registration(email, "tram line 42 goes west at dawn")).andExpect(redirectedUrl("/portal/register?sent"));
		assertThat(jdbc.queryForObject("SELECT password_nfkc FROM resident_account WHERE email_key = ?", Boolean.class,
				email)).isTrue();
	}

	@Test
	void aHashMadeBeforeNfkcStillSignsInAndIsRemadeFromTheNfkcForm() throws Exception {
		String email = newEmail();
		service.register(form(email, PASSWORD));
		String typedFullWidth = "ｔｒａｍ ｌｉｎｅ ４２ ｇｏｅｓ ｗｅｓｔ";
		jdbc.update("UPDATE resident_account SET password_hash = ?, password_nfkc = FALSE WHERE email_key = ?",
				encoder.encode(typedFullWidth), email);
		// the old hash knows only the form typed then
		assertThat(signIn(browser(), email, "tram line 42 goes west")).isEqualTo("/portal/login?error");
		assertThat(signIn(browser(), email, typedFullWidth)).isEqualTo("/portal");
		assertThat(jdbc.queryForObject("SELECT password_nfkc FROM resident_account WHERE email_key = ?", Boolean.class,
				email)).isTrue();
		// remade from NFKC: either width signs in now
		assertThat(signIn(browser(), email, "tram line 42 goes west")).isEqualTo("/portal");
		assertThat(signIn(browser(), email, typedFullWidth)).isEqualTo("/portal");
	}

	// ---------------------------------------------------------------- rate limits

	@Test
	void signInsFromOneAddressAreLimitedWith429AndATimeToTryAgain() throws Exception {
		Browser device = browser();
		for (int i = 0; i < 8; i++) {
			assertThat(signIn(device, newEmail(), "wrong password " + i)).isEqualTo("/portal/login?error");
		}
		// the page is rendered by a forward (which MockMvc does not follow; see theRefusalPageOverRealHttp)
		MvcResult limited = device.perform(post("/portal/login").with(csrf()).param("username", newEmail())
				.param("password", "x")).andExpect(status().isTooManyRequests())
			.andExpect(forwardedUrl(RateLimitFilter.PAGE))
			.andReturn();
		long retryAfter = Long.parseLong(limited.getResponse().getHeader("Retry-After"));
		assertThat(retryAfter).isBetween(1L, Duration.ofMinutes(15).toSeconds());
		// the code page counts against the same limit; a JSON client gets problem+json
		device.perform(post("/portal/login/code").with(csrf()).param("code", "123456")
				.header("Accept", "application/json").param("lang", "en"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(content().string(containsString("\"status\":429")));
		// another device is not affected; the count is in the database, for every node
		assertThat(signIn(browser(), newEmail(), "wrong password")).isEqualTo("/portal/login?error");
		assertThat(jdbc.queryForObject("SELECT SUM(hits) FROM rate_limit_counter WHERE limit_key = ?", Integer.class,
				"sign-in:" + device.address())).isEqualTo(10);
	}

	@Test
	void theRefusalPageOverRealHttpSaysWhenToTryAgain() throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
		URI base = URI.create("http://127.0.0.1:" + port);
		String loginPage = http.send(HttpRequest.newBuilder(base.resolve("/portal/login?lang=en")).build(),
				BodyHandlers.ofString()).body();
		String form = "username=" + newEmail() + "&password=x&_csrf=" + match(CSRF, loginPage);
		HttpResponse<String> answer = null;
		// 127.0.0.1 is shared with the other test classes' sign-ins in this window: at most 9 more are needed
		for (int i = 0; i < 9 && (answer == null || answer.statusCode() != 429); i++) {
			answer = http.send(HttpRequest.newBuilder(base.resolve("/portal/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)).build(), BodyHandlers.ofString());
		}
		assertThat(answer.statusCode()).isEqualTo(429);
		assertThat(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
		assertThat(answer.body()).contains("lang=\"en\"").contains("Please try again later")
			.containsPattern("wait about \\d+ minutes \\(until about \\d\\d:\\d\\d\\)");
		// the page on its own, in Japanese
		mvc.perform(get(RateLimitFilter.PAGE).requestAttr(RateLimitFilter.RETRY_AT, Instant.now().plusSeconds(600)))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("しばらくしてからお試しください")))
			.andExpect(content().string(containsString("10分ほど")));
	}

	@Test
	void registrationsAndMailRequestsAreLimitedPerAddress() throws Exception {
		Browser device = browser();
		for (int i = 0; i < 2; i++) {
			device.perform(registration(newEmail(), "tram line 42 goes west at dawn"))
				.andExpect(redirectedUrl("/portal/register?sent"));
		}
		String refused = newEmail();
		device.perform(registration(refused, "tram line 42 goes west at dawn")).andExpect(status().isTooManyRequests());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resident_account WHERE email_key = ?", Integer.class, refused))
			.isZero();

		Browser other = browser();
		for (int i = 0; i < 2; i++) {
			other.perform(post("/portal/password/forgot").with(csrf()).param("email", newEmail()))
				.andExpect(redirectedUrl("/portal/password/forgot?sent"));
		}
		other.perform(post("/portal/password/forgot").with(csrf()).param("email", newEmail()))
			.andExpect(status().isTooManyRequests());
		// registering is a separate count
		other.perform(registration(newEmail(), "tram line 42 goes west at dawn"))
			.andExpect(redirectedUrl("/portal/register?sent"));
	}

	@Test
	void endedWindowsAreDeleted() {
		String key = "sign-in:test-" + UUID.randomUUID();
		long now = Instant.now().getEpochSecond();
		jdbc.update("INSERT INTO rate_limit_counter (limit_key, window_start, hits) VALUES (?, ?, 3)", key, now - 7200);
		jdbc.update("INSERT INTO rate_limit_counter (limit_key, window_start, hits) VALUES (?, ?, 3)", key, now - 60);
		assertThat(rateLimits.deleteEnded()).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.queryForList("SELECT window_start FROM rate_limit_counter WHERE limit_key = ?", Long.class, key))
			.containsExactly(now - 60);
	}

	// ---------------------------------------------------------------- second factor

	@Test
	void totpFromSetUpToSignInWithCodeOrRecoveryCodeAndOffAgain() throws Exception {
		String email = newEmail();
		service.register(form(email, PASSWORD));
		Browser me = browser();
		assertThat(signIn(me, email, PASSWORD)).isEqualTo("/portal");
		me.perform(get("/portal/account")).andExpect(content().string(containsString("/portal/account/totp")));
		Enrolled totp = enrol(me, email);
		assertThat(totp.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
		me.perform(get("/portal/account/totp")).andExpect(content().string(containsString("使っていない予備コード：10 個")));

		// the password alone does not sign in: the code page follows, and no portal page opens meanwhile
		Browser next = browser();
		assertThat(signIn(next, email, PASSWORD)).isEqualTo("/portal/login/code");
		next.perform(get("/portal/account")).andExpect(redirectedUrl("/portal/login"));
		next.perform(get("/portal/login/code")).andExpect(status().isOk())
			.andExpect(content().string(containsString("autocomplete=\"one-time-code\"")));
		// the step used when setting up cannot sign in again; a wrong code neither
		assertThat(code(next, Totp.code(totp.secret(), totp.confirmedStep(), 6))).isEqualTo("/portal/login/code?error");
		assertThat(code(next, totp.wrongCode())).isEqualTo("/portal/login/code?error");
		// and the page asked for before signing in comes next
		assertThat(code(next, Totp.code(totp.secret(), totp.confirmedStep() + 1, 6)))
			.isEqualTo("http://localhost/portal/account?continue");
		next.perform(get("/portal/account")).andExpect(status().isOk());

		// one code, one sign-in
		Browser third = browser();
		assertThat(signIn(third, email, PASSWORD)).isEqualTo("/portal/login/code");
		assertThat(code(third, Totp.code(totp.secret(), totp.confirmedStep() + 1, 6))).isEqualTo("/portal/login/code?error");
		// a recovery code works once (typed in upper case with a space)
		String recovery = totp.recoveryCodes().get(3);
		assertThat(code(third, recovery.toUpperCase().replace("-", " "))).isEqualTo("/portal");
		Browser fourth = browser();
		signIn(fourth, email, PASSWORD);
		assertThat(code(fourth, recovery)).isEqualTo("/portal/login/code?error");

		// wrong codes count towards the account's lockout; five in a row (the used recovery code was the first) start
		// over, and the account is locked
		for (int i = 0; i < 3; i++) {
			assertThat(code(fourth, totp.wrongCode())).isEqualTo("/portal/login/code?error");
		}
		assertThat(code(fourth, totp.wrongCode())).isEqualTo("/portal/login?again");
		assertThat(jdbc.queryForObject("SELECT locked_until FROM resident_account WHERE email_key = ?",
				java.sql.Timestamp.class, email).toInstant()).isAfter(Instant.now());
		jdbc.update("UPDATE resident_account SET locked_until = NULL WHERE email_key = ?", email);

		// off again: password and a code (here a recovery code), else nothing changes
		me.perform(post("/portal/account/totp/disable").with(csrf()).param("currentPassword", "wrong")
				.param("code", totp.recoveryCodes().get(0))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"currentPassword-error\"")));
		me.perform(post("/portal/account/totp/disable").with(csrf()).param("currentPassword", PASSWORD)
				.param("code", "123")).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"code-error\"")));
		me.perform(post("/portal/account/totp/disable").with(csrf()).param("currentPassword", PASSWORD)
				.param("code", totp.recoveryCodes().get(0))).andExpect(redirectedUrl("/portal/account"));
		assertThat(signIn(browser(), email, PASSWORD)).isEqualTo("/portal");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resident_recovery_code c JOIN resident_account a "
				+ "ON a.id = c.account_id WHERE a.email_key = ?", Integer.class, email)).isZero();
	}

	@Test
	void theSecretIsStoredEncryptedAndSetUpNeedsTheAppsCode() throws Exception {
		String email = newEmail();
		service.register(form(email, PASSWORD));
		Browser me = browser();
		signIn(me, email, PASSWORD);
		me.perform(post("/portal/account/totp/start").with(csrf())).andExpect(redirectedUrl("/portal/account/totp"));
		String page = me.perform(get("/portal/account/totp")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("src=\"data:image/svg+xml;base64,").contains("otpauth://totp/")
			.contains("issuer=%E6%9D%B1%E9%9B%B2%E9%87%8E%E5%B8%82") // 東雲野市…, URL-encoded
			.contains("digits=6&amp;period=30");
		byte[] secret = decodeBase32(match(SECRET, page));
		byte[] stored = jdbc.queryForObject("SELECT t.secret FROM resident_totp t JOIN resident_account a "
				+ "ON a.id = t.account_id WHERE a.email_key = ?", byte[].class, email);
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain(new String(secret, java.nio.charset.StandardCharsets.ISO_8859_1));
		me.perform(post("/portal/account/totp/confirm").with(csrf()).param("code", "12345x")).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"code-error\"")))
			.andExpect(content().string(containsString("otpauth://totp/")));
		// not on yet: the password alone still signs in
		assertThat(signIn(browser(), email, PASSWORD)).isEqualTo("/portal");
		// 全角 digits are fine
		String code = Totp.code(secret, Totp.step(Instant.now()), 6);
		me.perform(post("/portal/account/totp/confirm").with(csrf()).param("code", toFullWidth(code)))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"recovery-codes\"")));
		assertThat(signIn(browser(), email, PASSWORD)).isEqualTo("/portal/login/code");
	}

	// ---------------------------------------------------------------- idle timeout keeps the form

	@Test
	void aDraftPageSentAfterTheIdleTimeoutComesBackAfterSigningInAgainWithTheCode() throws Exception {
		String email = newEmail();
		service.register(form(email, PASSWORD));
		jdbc.update("UPDATE resident_account SET email_verified_at = CURRENT_TIMESTAMP WHERE email_key = ?", email);
		Browser setup = browser();
		signIn(setup, email, PASSWORD);
		Enrolled totp = enrol(setup, email);

		Browser me = browser();
		assertThat(signIn(me, email, PASSWORD)).isEqualTo("/portal/login/code");
		assertThat(code(me, totp.recoveryCodes().get(0))).isEqualTo("/portal");
		String page = me.perform(post("/portal/procedures/juminhyo-copy/start").with(csrf())).andReturn().getResponse()
			.getRedirectedUrl();
		assertThat(page).matches("/portal/drafts/[0-9a-f-]{36}/pages/\\w+");
		String html = me.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		// the page says how long the sign-in lasts (the shorter of the resident's 30 minutes and the session's)
		assertThat(html).contains("操作しないまま30分たつと").contains("id=\"session-warning\"")
			.contains("data-seconds=\"1800\"").contains("data-warn=\"120\"");
		String token = match(CSRF, html);

		// 31 minutes without a request: the resident's sign-in has ended (the HTTP session itself lives on)
		setLastSeen(me, System.currentTimeMillis() - Duration.ofMinutes(31).toMillis());

		String login = me.perform(post(page).param("_csrf", token).param("action", "next").param("f.name", "東雲 花子")
				.param("f.kana", "シノノメ ハナコ").param("f.phone", "090-9999-0000")).andReturn().getResponse()
			.getRedirectedUrl();
		assertThat(login).startsWith("/portal/login?rescue=");
		String rescue = login.substring(login.indexOf('=') + 1);
		me.perform(get("/portal/account")).andExpect(redirectedUrl("/portal/login"));
		String loginPage = me.perform(get(login)).andReturn().getResponse().getContentAsString();
		assertThat(loginPage).contains("name=\"rescue\"").contains(rescue);

		// password, then the code page (which carries the kept form's token on), then back on the draft page
		String codePage = me.perform(post("/portal/login").param("_csrf", match(CSRF, loginPage)).param("username", email)
				.param("password", PASSWORD).param("rescue", rescue)).andReturn().getResponse().getRedirectedUrl();
		assertThat(codePage).isEqualTo("/portal/login/code?rescue=" + rescue);
		String codeForm = me.perform(get(codePage)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(codeForm).contains("name=\"rescue\"").contains(rescue);
		// a wrong code first keeps the token too
		assertThat(me.perform(post("/portal/login/code").param("_csrf", match(CSRF, codeForm)).param("code", "000000x")
				.param("rescue", rescue)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/portal/login/code?error&rescue=" + rescue);
		assertThat(me.perform(post("/portal/login/code").param("_csrf", match(CSRF, codeForm))
				.param("code", totp.recoveryCodes().get(1)).param("rescue", rescue)).andReturn().getResponse()
			.getRedirectedUrl()).isEqualTo(page + "?rescue=" + rescue);
		String restored = me.perform(get(page + "?rescue=" + rescue)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(restored).contains("value=\"090-9999-0000\"").contains("復元しました");
	}

	@Test
	void theKeepAliveRequestKeepsTheSignInAndAnIdleOneEndsIt() throws Exception {
		String email = newEmail();
		service.register(form(email, PASSWORD));
		Browser me = browser();
		signIn(me, email, PASSWORD);
		me.perform(get("/portal/account/session").header("X-Requested-With", "XMLHttpRequest"))
			.andExpect(status().isNoContent());
		long lastSeen = session(me).getAttribute(ResidentIdleTimeout.LAST_SEEN);
		assertThat(lastSeen).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
		setLastSeen(me, lastSeen - Duration.ofMinutes(29).toMillis());
		me.perform(get("/portal/account/session")).andExpect(status().isNoContent());
		assertThat((Long) session(me).getAttribute(ResidentIdleTimeout.LAST_SEEN)).isGreaterThanOrEqualTo(lastSeen);
		setLastSeen(me, lastSeen - Duration.ofMinutes(31).toMillis());
		me.perform(get("/portal/account/session").header("X-Requested-With", "XMLHttpRequest"))
			.andExpect(status().is3xxRedirection());
		me.perform(get("/portal/account")).andExpect(redirectedUrl("/portal/login"));
	}

	// ---------------------------------------------------------------- helpers

	private Session session(Browser b) {
		return sessions.findById(b.sessionId());
	}

	/** Moves the resident's last request back in time, in the session table as another node would see it. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void setLastSeen(Browser b, long epochMillis) {
		SessionRepository repository = sessions;
		Session session = (Session) repository.findById(b.sessionId());
		session.setAttribute(ResidentIdleTimeout.LAST_SEEN, epochMillis);
		repository.save(session);
	}

	/** A TOTP set up through the pages: the secret read from the page, the step confirmed, the recovery codes. */
	record Enrolled(byte[] secret, long confirmedStep, List<String> recoveryCodes) {

		/** Six digits that are none of the codes around now. */
		String wrongCode() {
			long now = Totp.step(Instant.now());
			for (int d = 0;; d++) {
				String candidate = String.valueOf(d).repeat(6);
				boolean current = false;
				for (long s = now - 2; s <= now + 2; s++) {
					current |= Totp.code(secret, s, 6).equals(candidate);
				}
				if (!current) {
					return candidate;
				}
			}
		}
	}

	private Enrolled enrol(Browser me, String email) throws Exception {
		me.perform(post("/portal/account/totp/start").with(csrf())).andExpect(redirectedUrl("/portal/account/totp"));
		String page = me.perform(get("/portal/account/totp")).andReturn().getResponse().getContentAsString();
		byte[] secret = decodeBase32(match(SECRET, page));
		long step = Totp.step(Instant.now());
		String codes = me.perform(post("/portal/account/totp/confirm").with(csrf())
				.param("code", Totp.code(secret, step, 6))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		List<String> recovery = new ArrayList<>();
		Matcher m = RECOVERY.matcher(codes);
		while (m.find()) {
			recovery.add(m.group(1));
		}
		Long confirmed = jdbc.queryForObject("SELECT last_used_step FROM resident_totp t JOIN resident_account a "
				+ "ON a.id = t.account_id WHERE a.email_key = ?", Long.class, email);
		return new Enrolled(secret, confirmed, recovery);
	}

	private Browser browser() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		return new Browser(mvc, "2001:db8:" + Integer.toHexString(r.nextInt(0x10000)) + ":" + Integer.toHexString(
				r.nextInt(0x10000)) + "::" + Integer.toHexString(r.nextInt(1, 0x10000)));
	}

	private static String signIn(Browser b, String email, String password) throws Exception {
		return b.perform(post("/portal/login").with(csrf()).param("username", email).param("password", password))
			.andReturn().getResponse().getRedirectedUrl();
	}

	private static String code(Browser b, String code) throws Exception {
		return b.perform(post("/portal/login/code").with(csrf()).param("code", code)).andReturn().getResponse()
			.getRedirectedUrl();
	}

	private static String match(Pattern p, String text) {
		Matcher m = p.matcher(text);
		assertThat(m.find()).as("%s in the page", p).isTrue();
		return m.group(1);
	}

	private static String toFullWidth(String digits) {
		StringBuilder b = new StringBuilder();
		digits.chars().forEach(c -> b.append((char) (c - '0' + '０')));
		return b.toString();
	}

	/** RFC 4648 base32, as an authenticator app reads the key. */
	static byte[] decodeBase32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}
}
