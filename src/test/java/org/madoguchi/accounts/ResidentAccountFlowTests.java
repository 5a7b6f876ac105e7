package org.madoguchi.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.madoguchi.accounts.AccountTestSupport.PASSWORD;
import static org.madoguchi.accounts.AccountTestSupport.form;
import static org.madoguchi.accounts.AccountTestSupport.newEmail;
import static org.madoguchi.accounts.AccountTestSupport.portalLogin;
import static org.madoguchi.accounts.AccountTestSupport.registration;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.AccountTestSupport.Browser;
import org.madoguchi.procedures.Assurance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The resident's side over real HTTP handling and the real database: registration with the
 * verification mail's event, verification, sign-in and lockout, separation from the staff sign-in,
 * password reset, profile and password changes.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ResidentAccountFlowTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	ResidentAccounts residentAccounts;

	@Autowired
	AccountService service;

	@Autowired
	PasswordEncoder encoder;

	@Value("${madoguchi.public-url}")
	String publicUrl;

	// ---------------------------------------------------------------- registration and verification

	@Test
	void registerThenVerifyThroughTheMailedLinkGivesAccountAssurance() throws Exception {
		String email = newEmail();
		mvc.perform(get("/portal/register")).andExpect(status().isOk())
			.andExpect(content().string(containsString("autocomplete=\"email\"")))
			.andExpect(content().string(containsString("id=\"birthDate-year\"")));
		mvc.perform(registration(email, PASSWORD)).andExpect(redirectedUrl("/portal/register?sent"));
		mvc.perform(get("/portal/register").param("sent", "")).andExpect(status().isOk())
			.andExpect(content().string(containsString("メールを確認してください")));

		ResidentAccountRegistered registered = registeredEvent(email);
		assertThat(registered.name()).isEqualTo("東雲 太郎");
		assertThat(registered.language()).isEqualTo("ja");
		assertThat(registered.verificationUrl()).startsWith(publicUrl + "/portal/verify/");
		String token = registered.verificationUrl().substring(registered.verificationUrl().lastIndexOf('/') + 1);
		// only the hash of the token is stored
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resident_account_token WHERE token_hash = ?", Integer.class,
				OneTimeTokens.hash(token))).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resident_account_token WHERE token_hash = ?", Integer.class,
				token)).isZero();

		ResidentAccount before = residentAccounts.find(registered.accountId()).orElseThrow();
		assertThat(before.email()).isEqualTo(email);
		assertThat(before.kana()).isEqualTo("シノノメ\u3000タロウ");
		assertThat(before.postalCode()).isEqualTo("260-0001");
		assertThat(before.birthDate()).isEqualTo(LocalDate.of(1985, 4, 1));
		assertThat(before.emailVerified()).isFalse();
		assertThat(before.assurance()).isEqualTo(Assurance.NONE);

		// signing in works before verification; the portal shows the banner with the resend button
		Browser browser = new Browser(mvc);
		assertThat(portalLogin(browser, email, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/portal");
		browser.perform(get("/portal/account")).andExpect(status().isOk())
			.andExpect(content().string(containsString("/portal/account/verification")))
			.andExpect(content().string(containsString("東雲 太郎")));

		mvc.perform(get(URI.create(registered.verificationUrl()).getPath())).andExpect(status().isOk())
			.andExpect(content().string(containsString("メールアドレスを確認しました")));
		ResidentAccount after = residentAccounts.find(registered.accountId()).orElseThrow();
		assertThat(after.emailVerified()).isTrue();
		assertThat(after.assurance()).isEqualTo(Assurance.ACCOUNT);
		// the banner is gone at once in the signed-in session
		browser.perform(get("/portal/account")).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/portal/account/verification"))));

		// the link works once
		mvc.perform(get("/portal/verify/" + token)).andExpect(status().isGone());
	}

	@Test
	void anExpiredOrUnknownVerificationLinkIsRefused() throws Exception {
		String email = newEmail();
		mvc.perform(registration(email, PASSWORD)).andExpect(redirectedUrl("/portal/register?sent"));
		ResidentAccountRegistered registered = registeredEvent(email);
		String token = registered.verificationUrl().substring(registered.verificationUrl().lastIndexOf('/') + 1);
		jdbc.update("UPDATE resident_account_token SET expires_at = ? WHERE token_hash = ?",
				Timestamp.from(Instant.now().minusSeconds(1)), OneTimeTokens.hash(token));
		mvc.perform(get("/portal/verify/" + token)).andExpect(status().isGone())
			.andExpect(content().string(containsString("このリンクは使えません")));
		assertThat(residentAccounts.find(registered.accountId()).orElseThrow().assurance()).isEqualTo(Assurance.NONE);
		mvc.perform(get("/portal/verify/" + OneTimeTokens.generate())).andExpect(status().isGone());
		mvc.perform(get("/portal/verify/not-a-token")).andExpect(status().isGone());
	}

	@Test
	void anAddressThatHasAnAccountGetsTheSameAnswerAndNoMail() throws Exception {
		String email = newEmail();
		mvc.perform(registration(email, PASSWORD)).andExpect(redirectedUrl("/portal/register?sent"));
		assertThat(events.stream(ResidentAccountRegistered.class).filter(e -> e.email().equals(email))).hasSize(1);

		mvc.perform(registration(email.toUpperCase(), "another long password")).andExpect(redirectedUrl("/portal/register?sent"));
		assertThat(events.stream(ResidentAccountRegistered.class)
			.filter(e -> e.email().equalsIgnoreCase(email))).hasSize(1);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resident_account WHERE email_key = ?", Integer.class, email))
			.isEqualTo(1);
		// and the first password still signs in
		assertThat(portalLogin(mvc, email.toUpperCase(), PASSWORD).getResponse().getRedirectedUrl())
			.isEqualTo("/portal");
	}

	@Test
	void badInputIsShownNextToEachFieldAndSummarisedAndNothingIsStored() throws Exception {
		String email = newEmail();
		mvc.perform(post("/portal/register").with(csrf()).param("email", "not-an-address").param("password", "short")
				.param("passwordConfirm", "different").param("name", "").param("kana", "Taro").param("birthYear", "1985")
				.param("birthMonth", "2").param("birthDay", "30").param("phone", "12").param("postalCode", "26-1")
				.param("address", "x".repeat(201)).param("language", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"dads-error-summary\"")))
			.andExpect(content().string(containsString("href=\"#birthDate\"")))
			.andExpect(content().string(containsString("id=\"email-error\"")))
			.andExpect(content().string(containsString("id=\"password-error\"")))
			.andExpect(content().string(containsString("id=\"passwordConfirm-error\"")))
			.andExpect(content().string(containsString("id=\"name-error\"")))
			.andExpect(content().string(containsString("id=\"kana-error\"")))
			.andExpect(content().string(containsString("id=\"birthDate-error\"")))
			.andExpect(content().string(containsString("id=\"phone-error\"")))
			.andExpect(content().string(containsString("id=\"postalCode-error\"")))
			.andExpect(content().string(containsString("id=\"address-error\"")))
			.andExpect(content().string(containsString("id=\"language-error\"")))
			.andExpect(content().string(containsString("aria-describedby=\"email-hint email-error\"")))
			.andExpect(content().string(containsString("15 文字以上")))
			// the typed password is not sent back
			.andExpect(content().string(not(containsString("value=\"short\""))));

		// the password may not be the address; English messages with ?lang=en
		mvc.perform(registration(email, email.toUpperCase()).param("lang", "en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("The password cannot be your email address.")));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resident_account WHERE email_key = ?", Integer.class, email))
			.isZero();
		assertThat(events.stream(ResidentAccountRegistered.class)).isEmpty();
	}

	// ---------------------------------------------------------------- sign-in

	@Test
	void signInLocksAfterFiveFailuresAndResumesTheRequestedPage() throws Exception {
		String email = newEmail();
		service.register(form(email, PASSWORD));

		// an unauthenticated page view is saved and resumed after sign-in; a post is sent to sign-in
		Browser browser = new Browser(mvc);
		browser.perform(get("/portal/account")).andExpect(redirectedUrl("/portal/login"));
		mvc.perform(post("/portal/account/profile").with(csrf())).andExpect(redirectedUrl("/portal/login"));
		MvcResult in = portalLogin(browser, email, PASSWORD);
		assertThat(in.getResponse().getRedirectedUrl()).contains("/portal/account");
		browser.perform(get("/portal/account")).andExpect(status().isOk());
		browser.perform(post("/portal/logout").with(csrf())).andExpect(redirectedUrl("/portal?signedOut"));
		browser.perform(get("/portal/account")).andExpect(redirectedUrl("/portal/login"));

		// without the CSRF token the sign-in form is refused
		mvc.perform(post("/portal/login").param("username", email).param("password", PASSWORD))
			.andExpect(status().isForbidden());
		for (int i = 0; i < 5; i++) {
			assertThat(portalLogin(mvc, email, "wrong password " + i).getResponse().getRedirectedUrl())
				.isEqualTo("/portal/login?error");
		}
		// locked now: even the right password is refused, with the same answer
		assertThat(portalLogin(mvc, email, PASSWORD).getResponse().getRedirectedUrl())
			.isEqualTo("/portal/login?error");
		Timestamp lockedUntil = jdbc.queryForObject("SELECT locked_until FROM resident_account WHERE email_key = ?",
				Timestamp.class, email);
		assertThat(lockedUntil.toInstant()).isAfter(Instant.now().plusSeconds(14 * 60));
		mvc.perform(get("/portal/login").param("error", "")).andExpect(status().isOk())
			.andExpect(content().string(containsString("ログインできませんでした")));

		// once the lock has run out, the right password works again
		jdbc.update("UPDATE resident_account SET locked_until = ? WHERE email_key = ?",
				Timestamp.from(Instant.now().minusSeconds(1)), email);
		assertThat(portalLogin(mvc, email, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/portal");
	}

	@Test
	void staffAndResidentsSignInOnlyAtTheirOwnPage() throws Exception {
		String staff = "t" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.update("INSERT INTO staff_account (username, display_name, password_hash, roles, enabled, demo, "
				+ "failed_attempts, created_at) VALUES (?, 'Test', ?, 'COUNTER', TRUE, FALSE, 0, CURRENT_TIMESTAMP)", staff,
				encoder.encode(PASSWORD));
		String email = newEmail();
		service.register(form(email, PASSWORD));

		assertThat(portalLogin(mvc, staff, PASSWORD).getResponse().getRedirectedUrl())
			.isEqualTo("/portal/login?error");
		mvc.perform(post("/login").with(csrf()).param("username", email).param("password", PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		// the staff sign-in itself still works
		mvc.perform(post("/login").with(csrf()).param("username", staff).param("password", PASSWORD))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void aResidentSessionCannotReachStaffPagesAndBothSignInsLiveSideBySide() throws Exception {
		String staff = "t" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.update("INSERT INTO staff_account (username, display_name, password_hash, roles, enabled, demo, "
				+ "failed_attempts, created_at) VALUES (?, 'Test', ?, 'COUNTER', TRUE, FALSE, 0, CURRENT_TIMESTAMP)", staff,
				encoder.encode(PASSWORD));
		String email = newEmail();
		service.register(form(email, PASSWORD));

		Browser browser = new Browser(mvc);
		assertThat(portalLogin(browser, email, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/portal");
		browser.perform(get("/staff/residents")).andExpect(redirectedUrl("/login"));
		browser.perform(get("/staff/accounts")).andExpect(redirectedUrl("/login"));
		browser.perform(get("/portal/account")).andExpect(status().isOk());

		// a staff sign-in in the same browser keeps the resident signed in, and the other way round
		// (the staff chain resumes the staff page asked for above: its saved request is its own)
		browser.perform(post("/login").with(csrf()).param("username", staff).param("password", PASSWORD))
			.andExpect(redirectedUrl("http://localhost/staff/accounts?continue"));
		browser.perform(get("/staff/residents")).andExpect(status().isOk());
		browser.perform(get("/portal/account")).andExpect(status().isOk());
		browser.perform(post("/portal/logout").with(csrf())).andExpect(redirectedUrl("/portal?signedOut"));
		browser.perform(get("/portal/account")).andExpect(redirectedUrl("/portal/login"));
		browser.perform(get("/staff/residents")).andExpect(status().isOk());
	}

	@Test
	void currentReadsTheResidentFromTheSecurityContext() {
		String email = newEmail();
		service.register(form(email, PASSWORD));
		UUID id = registeredEvent(email).accountId();
		try {
			SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
					new ResidentPrincipal(id, email), null, List.of()));
			assertThat(residentAccounts.current()).map(ResidentAccount::id).contains(id);
			SecurityContextHolder.getContext().setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated("madoguchi", null, List.of()));
			assertThat(residentAccounts.current()).isEmpty();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		assertThat(residentAccounts.current()).isEmpty();
	}

	// ---------------------------------------------------------------- verification mail again

	@Test
	void theVerificationMailIsSentAgainAtMostOnceAMinute() throws Exception {
		String email = newEmail();
		service.register(form(email, PASSWORD));
		String firstUrl = registeredEvent(email).verificationUrl();
		Browser browser = new Browser(mvc);
		portalLogin(browser, email, PASSWORD);

		browser.perform(post("/portal/account/verification").with(csrf()).param("back", "/portal/account"))
			.andExpect(redirectedUrl("/portal/account")).andExpect(flash().attribute("verificationNotice", "tooSoon"));
		assertThat(events.stream(ResidentAccountRegistered.class).filter(e -> e.email().equals(email))).hasSize(1);

		jdbc.update("UPDATE resident_account SET verification_sent_at = ? WHERE email_key = ?",
				Timestamp.from(Instant.now().minusSeconds(61)), email);
		browser.perform(post("/portal/account/verification").with(csrf()).param("back", "https://evil.example/"))
			.andExpect(redirectedUrl("/portal/account")).andExpect(flash().attribute("verificationNotice", "sent"));
		List<ResidentAccountRegistered> sent = events.stream(ResidentAccountRegistered.class)
			.filter(e -> e.email().equals(email)).toList();
		assertThat(sent).hasSize(2);
		// the new link replaces the old one
		mvc.perform(get(URI.create(firstUrl).getPath())).andExpect(status().isGone());
		mvc.perform(get(URI.create(sent.get(1).verificationUrl()).getPath())).andExpect(status().isOk());
		browser.perform(post("/portal/account/verification").with(csrf()))
			.andExpect(flash().attribute("verificationNotice", "verified"));
	}

	// ---------------------------------------------------------------- password reset

	@Test
	void passwordResetThroughTheMailedLinkWorksOnceAndOnlyForAnHour() throws Exception {
		String email = newEmail();
		service.register(form(email, PASSWORD));
		// lock the account: a reset ends the lockout
		jdbc.update("UPDATE resident_account SET locked_until = ? WHERE email_key = ?",
				Timestamp.from(Instant.now().plusSeconds(600)), email);

		mvc.perform(get("/portal/password/forgot")).andExpect(status().isOk());
		String unknown = newEmail();
		mvc.perform(post("/portal/password/forgot").with(csrf()).param("email", unknown))
			.andExpect(redirectedUrl("/portal/password/forgot?sent"));
		mvc.perform(post("/portal/password/forgot").with(csrf()).param("email", email.toUpperCase()))
			.andExpect(redirectedUrl("/portal/password/forgot?sent"));
		mvc.perform(post("/portal/password/forgot").with(csrf()).param("email", "nonsense"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"email-error\"")));
		assertThat(events.stream(PasswordResetRequested.class).filter(e -> e.email().equals(unknown))).isEmpty();
		List<PasswordResetRequested> resets = events.stream(PasswordResetRequested.class)
			.filter(e -> e.email().equals(email)).toList();
		assertThat(resets).hasSize(1);
		PasswordResetRequested reset = resets.get(0);
		assertThat(reset.resetUrl()).startsWith(publicUrl + "/portal/password/reset/");
		assertThat(reset.language()).isEqualTo("en");
		String path = URI.create(reset.resetUrl()).getPath();

		mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString("autocomplete=\"new-password\"")));
		// a bad new password does not use up the link
		mvc.perform(post(path).with(csrf()).param("password", "new password one").param("passwordConfirm", "new password two"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"passwordConfirm-error\"")));
		String newPassword = "a brand new passphrase";
		mvc.perform(post(path).with(csrf()).param("password", newPassword).param("passwordConfirm", newPassword))
			.andExpect(redirectedUrl("/portal/login?reset"));
		mvc.perform(get(path)).andExpect(status().isGone());
		mvc.perform(post(path).with(csrf()).param("password", "yet another passphrase")
				.param("passwordConfirm", "yet another passphrase"))
			.andExpect(status().isGone());

		assertThat(portalLogin(mvc, email, PASSWORD).getResponse().getRedirectedUrl())
			.isEqualTo("/portal/login?error");
		assertThat(portalLogin(mvc, email, newPassword).getResponse().getRedirectedUrl()).isEqualTo("/portal");
		// the link proved the mailbox
		assertThat(residentAccounts.find(reset.accountId()).orElseThrow().emailVerified()).isTrue();

		// a second request within a minute sends nothing; after that a new link, which expires after an hour
		service.requestPasswordReset(email);
		assertThat(events.stream(PasswordResetRequested.class).filter(e -> e.email().equals(email))).hasSize(1);
		jdbc.update("UPDATE resident_account SET reset_sent_at = ? WHERE email_key = ?",
				Timestamp.from(Instant.now().minusSeconds(61)), email);
		service.requestPasswordReset(email);
		PasswordResetRequested second = events.stream(PasswordResetRequested.class).filter(e -> e.email().equals(email))
			.toList().get(1);
		String secondToken = second.resetUrl().substring(second.resetUrl().lastIndexOf('/') + 1);
		Timestamp expires = jdbc.queryForObject("SELECT expires_at FROM resident_account_token WHERE token_hash = ?",
				Timestamp.class, OneTimeTokens.hash(secondToken));
		assertThat(expires.toInstant()).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
		jdbc.update("UPDATE resident_account_token SET expires_at = ? WHERE token_hash = ?",
				Timestamp.from(Instant.now().minusSeconds(1)), OneTimeTokens.hash(secondToken));
		mvc.perform(get(URI.create(second.resetUrl()).getPath())).andExpect(status().isGone());
	}

	// ---------------------------------------------------------------- own account

	@Test
	void theResidentEditsTheProfileAndChangesThePassword() throws Exception {
		String email = newEmail();
		service.register(form(email, PASSWORD));
		Browser browser = new Browser(mvc);
		portalLogin(browser, email, PASSWORD);

		browser.perform(get("/portal/account/profile")).andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"千葉県東雲野市本町二丁目3番4号\"")));
		browser.perform(post("/portal/account/profile").with(csrf()).param("name", "東雲 花子")
				.param("kana", "ｼﾉﾉﾒ ﾊﾅｺ").param("birthYear", "１９９０").param("birthMonth", "12").param("birthDay", "31")
				.param("phone", "０９０ー１２３４ー５６７８").param("postalCode", "260-0003").param("address", "千葉県東雲野市港町1番")
				.param("building", "港ハイツ202").param("language", "ja"))
			.andExpect(redirectedUrl("/portal/account"));
		ResidentAccount changed = residentAccounts.find(registeredEvent(email).accountId()).orElseThrow();
		assertThat(changed.kana()).isEqualTo("シノノメ\u3000ハナコ");
		assertThat(changed.phone()).isEqualTo("090-1234-5678");
		assertThat(changed.address()).isEqualTo("千葉県東雲野市港町1番");
		assertThat(changed.building()).isEqualTo("港ハイツ202");
		assertThat(changed.language()).isEqualTo("ja");
		assertThat(changed.email()).isEqualTo(email);

		browser.perform(post("/portal/account/profile").with(csrf()).param("name", "東雲 花子")
				.param("kana", "シノノメ").param("birthYear", "2999").param("birthMonth", "1").param("birthDay", "1")
				.param("phone", "09012345678").param("postalCode", "260-0003").param("address", "港町")
				.param("language", "ja"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"birthDate-error\"")));

		browser.perform(post("/portal/account/password").with(csrf()).param("currentPassword", "wrong")
				.param("password", "the next passphrase").param("passwordConfirm", "the next passphrase"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"currentPassword-error\"")));
		browser.perform(post("/portal/account/password").with(csrf()).param("currentPassword", PASSWORD)
				.param("password", "the next passphrase").param("passwordConfirm", "the next passphrase"))
			.andExpect(redirectedUrl("/portal/account"));
		assertThat(portalLogin(mvc, email, "the next passphrase").getResponse().getRedirectedUrl())
			.isEqualTo("/portal");
	}

	@Test
	void portalPagesRenderInEnglishWithLangEn() throws Exception {
		mvc.perform(get("/portal/login").param("lang", "en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("lang=\"en\"")))
			.andExpect(content().string(containsString("Forgot your password?")));
		mvc.perform(get("/portal/register").param("lang", "en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Create an account")));
	}

	private ResidentAccountRegistered registeredEvent(String email) {
		return events.stream(ResidentAccountRegistered.class).filter(e -> e.email().equals(email)).findFirst()
			.orElseThrow(() -> new AssertionError("no ResidentAccountRegistered for " + email));
	}
}
