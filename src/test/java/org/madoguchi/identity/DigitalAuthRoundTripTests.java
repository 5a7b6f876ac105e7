package org.madoguchi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.citygen.SyntheticCity;
import org.madoguchi.identity.CookieBrowser.Page;
import org.madoguchi.identity.DigitalAuthException.Failure;
import org.madoguchi.identity.PendingAuthorization.Purpose;
import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.ResidentRecord;
import org.madoguchi.registry.ResidentRegister;
import org.madoguchi.registry.ResidentSearch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The デジタル認証アプリ route end to end over real HTTP: the portal (relying party) and the development provider
 * (Spring Authorization Server) in one running application, a cookie-keeping client following the redirects, virtual
 * cards of residents of a synthetic city, the register, the accounts and the session in the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(DigitalAuthRoundTripTests.SigningPages.class)
class DigitalAuthRoundTripTests {

	static final int PORT = freePort();

	static final String BASE = "http://localhost:" + PORT;

	static final String AUTH_PIN = "1234";

	static final String SIGN_PIN = "SIGN2026";

	/** A JPKI_LOGIN procedure: its page offers the start button only to a resident signed in with the card. */
	static final String JPKI_LOGIN_PROCEDURE = "/portal/procedures/hoiku-genkyo";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("madoguchi.public-url", () -> BASE);
		registry.add("madoguchi.identity.digital-auth.issuer", () -> BASE + "/dev/idp");
		registry.add("madoguchi.identity.digital-auth.acr-values", () -> "aal3");
	}

	@Autowired
	SyntheticCity city;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ResidentRegister register;

	@Autowired
	DevIdentity dev;

	@Autowired
	DigitalAuthProperties settings;

	@Autowired
	SignatureVerifier verifier;

	List<ResidentRecord> residents;

	@BeforeEach
	void residentsWithCards() {
		city.generate(40, ThreadLocalRandom.current().nextLong(), n -> {
		});
		residents = new ArrayList<>();
		for (String atena : jdbc.queryForList("SELECT atena_number FROM resident_record WHERE latest AND status = "
				+ "'RESIDENT' ORDER BY processed_at DESC, atena_number LIMIT 40", String.class)) {
			register.search(new ResidentSearch(atena, null, null, null, null, false, 1, 0)).stream()
				.filter(r -> r.birthDate().isCalendarDate())
				.findFirst()
				.ifPresent(residents::add);
			if (residents.size() == 3) {
				break;
			}
		}
		assertThat(residents).hasSize(3);
		residents.forEach(r -> dev.issueCard(r, SIGN_PIN, AUTH_PIN));
	}

	@Test
	void aResidentLinksTheAccountWithTheCardAndLaterSignsInWithTheCardAlone() {
		int clientSignInsBefore = clientSignIns();
		CookieBrowser browser = new CookieBrowser(BASE);
		String email = registerAndSignIn(browser);
		assertThat(browser.get(JPKI_LOGIN_PROCEDURE).body()).doesNotContain(startForm());

		// signed in with a password, not linked: the card links the account to its person and raises the session
		Page back = cardSignIn(browser, JPKI_LOGIN_PROCEDURE, atena(0), AUTH_PIN);
		assertThat(back.uri().getPath()).isEqualTo(JPKI_LOGIN_PROCEDURE);
		assertThat(back.body()).contains(startForm());
		assertThat(jdbc.queryForObject("SELECT atena_number FROM resident_account WHERE email = ?", String.class, email))
			.isEqualTo(atena(0));

		// signed out, the card alone signs in to the linked account at JPKI_LOGIN
		signOut(browser);
		assertThat(browser.get(JPKI_LOGIN_PROCEDURE).body()).doesNotContain(startForm());
		back = cardSignIn(browser, JPKI_LOGIN_PROCEDURE, atena(0), AUTH_PIN);
		assertThat(back.body()).contains(startForm());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE subject LIKE ? AND detail LIKE ?",
				Integer.class, atena(0) + "%", "%" + ResidentMatcher.PURPOSE + "%")).isPositive();
		// the provider's client and token checks are not staff sign-ins
		assertThat(clientSignIns()).isEqualTo(clientSignInsBefore);
	}

	@Test
	void withoutTheCertificateSerialInTheRegisterTheFourBasicFactsFindThePerson() throws IOException {
		// a card whose serials the register never learnt (as a card issued elsewhere): the 基本4情報 must match
		ResidentRecord person = residents.get(1);
		java.nio.file.Files.deleteIfExists(dev.cardFile(atena(1)));
		VirtualCard.issue(dev.pki(), BasicFourInfo.of(person), SIGN_PIN, AUTH_PIN, dev.cardFile(atena(1)));
		CookieBrowser browser = new CookieBrowser(BASE);
		registerAndSignIn(browser);
		Page back = cardSignIn(browser, JPKI_LOGIN_PROCEDURE, atena(1), AUTH_PIN);
		assertThat(back.body()).contains(startForm());
	}

	@Test
	void aCardWithoutAccountAndACardOfAnotherPersonAreExplained() {
		CookieBrowser stranger = new CookieBrowser(BASE);
		Page noAccount = cardSignIn(stranger, "/portal", atena(2), AUTH_PIN);
		assertThat(noAccount.status()).isEqualTo(200);
		assertThat(noAccount.body()).contains("data-failure=\"NO_ACCOUNT\"").contains("このマイナンバーカードの方のアカウントがまだありません")
			.contains("href=\"/portal/register\"");

		CookieBrowser linked = new CookieBrowser(BASE);
		registerAndSignIn(linked);
		cardSignIn(linked, "/portal", atena(0), AUTH_PIN);
		Page other = cardSignIn(linked, "/portal", atena(2), AUTH_PIN);
		assertThat(other.status()).isEqualTo(403);
		assertThat(other.body()).contains("data-failure=\"OTHER_PERSON\"");
	}

	@Test
	void aWrongPinCountsOnTheCardACancelAndAForgedOrReusedStateAreRefused() {
		CookieBrowser browser = new CookieBrowser(BASE);
		Page card = browser.follow(browser.get(DigitalAuthController.SIGN_IN_PATH + "?returnTo=/portal/applications"));
		assertThat(card.uri().getPath()).isEqualTo(DevIdentityProvider.LOGIN);
		Page wrong = browser.post(DevIdentityProvider.LOGIN,
				Map.of("_csrf", card.csrf(), "card", atena(0), "pin", "9999", "action", "authenticate"));
		assertThat(wrong.body()).contains("利用者証明用暗証番号が違います（残り 2 回）");
		assertThat(dev.card(atena(0)).orElseThrow().triesLeft(VirtualCard.Slot.AUTHENTICATION)).isEqualTo(2);

		Page cancelled = browser.follow(browser.post(DevIdentityProvider.LOGIN,
				Map.of("_csrf", wrong.csrf(), "card", atena(0), "pin", "", "action", "cancel")));
		assertThat(cancelled.body()).contains("data-failure=\"CANCELLED\"").contains("returnTo=/portal/applications");

		Page forged = browser.get(DigitalAuthClient.CALLBACK_PATH + "?state=forged&code=x");
		assertThat(forged.status()).isEqualTo(400);
		assertThat(forged.body()).contains("data-failure=\"BAD_STATE\"");

		// the callback of a good sign-in, sent a second time
		Page callback = browser.followUntil(cardPage(browser, "/portal", atena(1), AUTH_PIN),
				BASE + DigitalAuthClient.CALLBACK_PATH);
		String callbackUrl = callback.location();
		assertThat(browser.follow(browser.get(callbackUrl)).body()).contains("data-failure=\"NO_ACCOUNT\"");
		assertThat(browser.get(callbackUrl).body()).contains("data-failure=\"BAD_STATE\"");
		// the right PIN reset the counter
		assertThat(dev.card(atena(0)).orElseThrow().triesLeft(VirtualCard.Slot.AUTHENTICATION)).isEqualTo(2);
	}

	@Test
	void theProviderRefusesAWrongCodeVerifierAndAReusedCode() {
		DigitalAuthClient client = new DigitalAuthClient(settings, BASE, java.time.Clock.systemUTC());
		CookieBrowser browser = new CookieBrowser(BASE);

		PendingAuthorization flow = client.newFlow(Purpose.SIGN_IN, "/portal", null, null);
		String code = codeFor(browser, client.authorizationUrl(flow).toString(), atena(0), AUTH_PIN);
		PendingAuthorization otherVerifier = client.newFlow(Purpose.SIGN_IN, "/portal", null, null);
		PendingAuthorization wrongPkce = new PendingAuthorization(flow.state(), flow.nonce(),
				otherVerifier.codeVerifier(), flow.purpose(), flow.returnTo(), null, null, flow.startedAt());
		assertThatThrownBy(() -> client.exchange(code, wrongPkce)).isInstanceOf(DigitalAuthException.class)
			.hasMessageContaining("invalid_grant");

		PendingAuthorization second = client.newFlow(Purpose.SIGN_IN, "/portal", null, null);
		String code2 = codeFor(browser, client.authorizationUrl(second).toString(), atena(0), AUTH_PIN);
		DigitalAuthClient.Tokens tokens = client.exchange(code2, second);
		assertThat(tokens.idToken().getClaim("acr")).isEqualTo("aal3");
		Map<String, Object> claims = client.claims(tokens);
		assertThat(ResidentMatcher.basicFourInfo(claims)).contains(BasicFourInfo.of(residents.get(0)));
		assertThatThrownBy(() -> client.exchange(code2, second)).isInstanceOf(DigitalAuthException.class)
			.hasMessageContaining("invalid_grant");

		// a code is bound to its flow's nonce too: the ID token of another flow is refused
		PendingAuthorization third = client.newFlow(Purpose.SIGN_IN, "/portal", null, null);
		String code3 = codeFor(browser, client.authorizationUrl(third).toString(), atena(0), AUTH_PIN);
		PendingAuthorization otherNonce = new PendingAuthorization(third.state(), "another-nonce", third.codeVerifier(),
				third.purpose(), third.returnTo(), null, null, third.startedAt());
		assertThatThrownBy(() -> client.exchange(code3, otherNonce)).isInstanceOf(DigitalAuthException.class)
			.hasMessageContaining("nonce");
	}

	@Test
	void aSignTransactionGivesACmsTheVerifierAcceptsForExactlyThoseBytes() {
		CookieBrowser browser = new CookieBrowser(BASE);
		String text = "{\"procedure\":\"tenshutsu\",\"id\":\"" + UUID.randomUUID() + "\"}";
		byte[] content = text.getBytes(StandardCharsets.UTF_8);

		Page card = browser.follow(browser.get("/portal/identity/digital-auth/test-sign?text=" + java.net.URLEncoder
			.encode(text, StandardCharsets.UTF_8)));
		assertThat(card.uri().getPath()).isEqualTo(DevIdentityProvider.LOGIN);
		assertThat(card.body()).contains("転出届（テスト）").contains(DigitalAuthClient.hexDigest(content));
		Page back = browser.follow(browser.post(DevIdentityProvider.LOGIN,
				Map.of("_csrf", card.csrf(), "card", atena(1), "pin", SIGN_PIN, "action", "authenticate")));
		assertThat(back.uri().getPath()).isEqualTo("/portal/identity/digital-auth/test-signed");
		byte[] cms = Base64.getDecoder().decode(back.body().strip());

		SignatureReport report = verifier.verify(content, cms);
		assertThat(report.valid()).as(report.detail()).isTrue();
		assertThat(report.signer()).isEqualTo(BasicFourInfo.of(residents.get(1)));
		assertThat(verifier.verify((text + " ").getBytes(StandardCharsets.UTF_8), cms).reason())
			.isEqualTo(SignatureReport.Reason.SIGNATURE_MISMATCH);
		// handed out once
		assertThat(browser.get(back.uri().toString()).status()).isEqualTo(404);
	}

	@Autowired
	org.madoguchi.applications.Applications applications;

	@Autowired
	ElectronicSignatures signatures;

	@Test
	void aResidentSignsAnApplicationOnThePhoneAndItIsSubmitted() {
		CookieBrowser browser = new CookieBrowser(BASE);
		String email = registerAndSignIn(browser);
		java.util.UUID account = jdbc.queryForObject("SELECT id FROM resident_account WHERE email = ?",
				java.util.UUID.class, email);
		jdbc.update("UPDATE resident_account SET email_verified_at = CURRENT_TIMESTAMP WHERE id = ?", account);
		org.madoguchi.applications.Applicant me = new org.madoguchi.applications.Applicant(
				org.madoguchi.applications.Applicant.Kind.RESIDENT, account, null, null, "東雲 太郎", email, "ja",
				org.madoguchi.procedures.Assurance.ACCOUNT, null);
		java.util.UUID draft = new SignedApplicationTests.Filler(applications).juminhyo(me).id();

		Page check = browser.get("/portal/drafts/" + draft + "/check");
		assertThat(check.body()).contains("href=\"/portal/drafts/" + draft + "/sign/digital-auth\"");
		Page card = browser.follow(browser.get("/portal/drafts/" + draft + "/sign/digital-auth"));
		assertThat(card.uri().getPath()).isEqualTo(DevIdentityProvider.LOGIN);
		Page back = browser.follow(browser.post(DevIdentityProvider.LOGIN,
				Map.of("_csrf", card.csrf(), "card", atena(2), "pin", SIGN_PIN, "action", "authenticate")));

		assertThat(back.uri().getPath()).isEqualTo("/portal/applications/" + draft + "/receipt");
		assertThat(jdbc.queryForObject("SELECT atena_number FROM application WHERE id = ?", String.class, draft))
			.as("an account not linked yet takes the signer's 宛名番号").isEqualTo(atena(2));
		assertThat(signatures.accepted(draft)).hasValueSatisfying(e -> assertThat(e.signerAtena()).isEqualTo(atena(2)));
		// coming back again without a new signature does not submit anything twice
		assertThat(browser.get("/portal/drafts/" + draft + "/sign/digital-auth/done").location())
			.endsWith("/portal/applications/" + draft);
	}

	@Test
	void signingRefusesUnusableContentAndReturnPaths() {
		assertThatThrownBy(() -> new DigitalAuthApp(settings, null, null, null, java.time.Clock.systemUTC())
			.beginSigning(null, new byte[1], "t", "/portal")).isInstanceOf(DigitalAuthException.class)
			.extracting(e -> ((DigitalAuthException) e).failure()).isEqualTo(Failure.NOT_AVAILABLE);
		assertThat(DigitalAuthApp.isLocalPortalPath("/portal/drafts/1/check?x=1")).isTrue();
		for (String bad : List.of("https://evil.example/portal", "//evil.example/portal", "/portal//evil.example",
				"/portal\\evil", "/portalx", "/portal/../staff", "/staff", "/portal/\u3042", "")) {
			assertThat(DigitalAuthApp.isLocalPortalPath(bad)).as(bad).isFalse();
		}
	}

	/** Through the provider's card page to the relying party's callback and on to where it leads. */
	Page cardSignIn(CookieBrowser browser, String returnTo, String atena, String pin) {
		return browser.follow(cardPage(browser, returnTo, atena, pin));
	}

	/** Starts the sign-in and answers the card page; returns the redirect that follows. */
	Page cardPage(CookieBrowser browser, String returnTo, String atena, String pin) {
		Page card = browser.follow(browser.get(DigitalAuthController.SIGN_IN_PATH + "?returnTo=" + returnTo));
		assertThat(card.uri().getPath()).as(card.body()).isEqualTo(DevIdentityProvider.LOGIN);
		return browser.post(DevIdentityProvider.LOGIN,
				Map.of("_csrf", card.csrf(), "card", atena, "pin", pin, "action", "authenticate"));
	}

	/** The code the provider sends to the callback for this authorization URL. */
	String codeFor(CookieBrowser browser, String authorizationUrl, String atena, String pin) {
		Page card = browser.follow(browser.get(authorizationUrl));
		Page answered = browser.post(DevIdentityProvider.LOGIN,
				Map.of("_csrf", card.csrf(), "card", atena, "pin", pin, "action", "authenticate"));
		Page callback = browser.followUntil(answered, BASE + DigitalAuthClient.CALLBACK_PATH);
		return callback.locationParameter("code");
	}

	/** Registers a portal account (email not verified: a password sign-in works) and signs in; returns the email. */
	static String registerAndSignIn(CookieBrowser browser) {
		String email = "oidc" + UUID.randomUUID().toString().substring(0, 12) + "@example.jp";
		String password = "correct horse battery staple";
		Page form = browser.get("/portal/register");
		Page registered = browser.post("/portal/register", Map.ofEntries(Map.entry("_csrf", form.csrf()),
				Map.entry("email", email), Map.entry("password", password), Map.entry("passwordConfirm", password),
				Map.entry("name", "東雲 太郎"), Map.entry("kana", "シノノメ タロウ"), Map.entry("birthYear", "1985"),
				Map.entry("birthMonth", "4"), Map.entry("birthDay", "1"), Map.entry("phone", "043-123-4567"),
				Map.entry("postalCode", "2600001"), Map.entry("address", "千葉県東雲野市中央一丁目1番1号"),
				Map.entry("building", ""), Map.entry("language", "ja")));
		assertThat(registered.location()).as(registered.body()).endsWith("/portal/register?sent");
		Page login = browser.get("/portal/login");
		assertThat(login.body()).contains("id=\"digital-auth-sign-in\"")
			.contains("href=\"/portal/identity/digital-auth/sign-in?returnTo=/portal\"");
		Page signedIn = browser.post("/portal/login",
				Map.of("_csrf", login.csrf(), "username", email, "password", password));
		assertThat(signedIn.location()).doesNotContain("error");
		return email;
	}

	static void signOut(CookieBrowser browser) {
		Page portal = browser.get("/portal");
		assertThat(browser.post("/portal/logout", Map.of("_csrf", portal.csrf())).location()).contains("signedOut");
	}

	int clientSignIns() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE actor = ?", Integer.class, settings.clientId());
	}

	String atena(int i) {
		return residents.get(i).atenaNumber().value();
	}

	static String startForm() {
		return "action=\"" + JPKI_LOGIN_PROCEDURE + "/start\"";
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Stands in for the applications module: starts signing a text and shows the signature it got back. */
	@TestConfiguration
	@RestController
	static class SigningPages {

		private final DigitalAuthApp app;

		SigningPages(DigitalAuthApp app) {
			this.app = app;
		}

		@GetMapping("/portal/identity/digital-auth/test-sign")
		ResponseEntity<Void> sign(@RequestParam String text, HttpServletRequest request) {
			String url = app.beginSigning(request, text.getBytes(StandardCharsets.UTF_8), "転出届（テスト）",
					"/portal/identity/digital-auth/test-signed?text="
							+ java.net.URLEncoder.encode(text, StandardCharsets.UTF_8));
			return ResponseEntity.status(302).header("Location", url).build();
		}

		@GetMapping("/portal/identity/digital-auth/test-signed")
		ResponseEntity<String> signed(@RequestParam String text, HttpServletRequest request) {
			Optional<byte[]> signature = app.takeSignature(request, text.getBytes(StandardCharsets.UTF_8));
			return signature.map(s -> ResponseEntity.ok(Base64.getEncoder().encodeToString(s)))
				.orElseGet(() -> ResponseEntity.notFound().build());
		}
	}
}
