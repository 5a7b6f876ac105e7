package org.madoguchi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.madoguchi.citygen.SyntheticCity;
import org.madoguchi.registry.ResidentRecord;
import org.madoguchi.registry.ResidentRegister;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The card sign-in end to end over HTTP with the real database and session store: a resident of a synthetic city
 * gets a virtual My Number Card from {@link DevIdentity} (serials recorded in the register), answers the page's
 * challenge with {@link VirtualCard#authenticate}, and is signed in at JPKI_LOGIN — shown by a procedure that needs
 * it opening. Replays, the signing key, another person's card, a card not in the register, an unknown CA, an expired
 * or revoked certificate, an expired challenge and bad uploads are refused with their message while the form stays
 * usable.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CardSignInWebTests {

	static final String AUTH_PIN = TestCards.AUTHENTICATION_PIN;

	static final String SIGN_PIN = TestCards.SIGNING_PIN;

	/** A procedure that needs a My Number Card sign-in (assurance JPKI_LOGIN). */
	static final String CARD_PROCEDURE = "hoiku-genkyo";

	static final Pattern CHALLENGE = Pattern.compile("<code id=\"challenge\"[^>]*>([0-9a-f]{64})</code>");

	@Autowired
	MockMvc mvc;

	@Autowired
	DevIdentity dev;

	@Autowired
	ConfiguredCrlSource crls;

	@Autowired
	SyntheticCity city;

	@Autowired
	ResidentRegister register;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SessionRepository<? extends Session> sessions;

	@Test
	void aLinkedResidentSignsInWithTheCardAndMayThenStartAProcedureThatNeedsIt() throws Exception {
		ResidentRecord person = residentWithoutCard();
		VirtualCard card = dev.issueCard(person, SIGN_PIN, AUTH_PIN);
		String email = registerAccount(new Browser(mvc));
		linkAtTheCounter(email, person.atenaNumber().value());

		Browser browser = new Browser(mvc);
		browser.perform(post("/portal/procedures/" + CARD_PROCEDURE + "/start").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).startsWith("/portal/login"));

		String page = browser.page(get(CardSignInController.PATH).param("returnTo", "/portal/procedures/" + CARD_PROCEDURE));
		byte[] challenge = challengeOn(page);
		assertThat(page).contains("bin/madoguchi virtual-card auth --card " + dev.cardsDirectory().toAbsolutePath())
			.contains("--challenge " + HexFormat.of().formatHex(challenge) + " --out response.der")
			.contains("enctype=\"multipart/form-data\"")
			.contains("name=\"_csrf\"");
		byte[] response = card.authenticate(challenge, AUTH_PIN);

		browser.perform(answerFile(response).param("returnTo", "/portal/procedures/" + CARD_PROCEDURE))
			.andExpect(status().isFound())
			.andExpect(r -> assertThat(r.getResponse().getRedirectedUrl())
				.isEqualTo("/portal/procedures/" + CARD_PROCEDURE));

		// the same answer again, in this session (its challenge is used up) and in another browser (other challenge)
		assertThat(browser.page(answerFile(response))).contains("確認コードが見つかりません");
		Browser thief = new Browser(mvc);
		thief.page(get(CardSignInController.PATH));
		assertThat(thief.page(answerFile(response))).contains("この画面で表示した確認コードに対するものではありません");
		assertThat(thief.page(get(CardSignInController.PATH))).doesNotContain("マイナンバーカードで本人確認をしてログインしています");

		// signed in at JPKI_LOGIN: the page says so, and the procedure that needs it starts
		assertThat(browser.page(get(CardSignInController.PATH))).contains("マイナンバーカードで本人確認をしてログインしています");
		browser.perform(post("/portal/procedures/" + CARD_PROCEDURE + "/start").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).startsWith("/portal/drafts/"));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE action = 'READ_PERSON' AND subject = ? "
				+ "AND detail = ?", Integer.class, person.atenaNumber().value(), CardSignInController.PURPOSE))
			.isEqualTo(1);

		// another person's card in this signed-in browser
		VirtualCard otherCard = dev.issueCard(residentWithoutCard(), SIGN_PIN, AUTH_PIN);
		byte[] next = challengeOn(browser.page(get(CardSignInController.PATH)));
		assertThat(browser.page(answerFile(otherCard.authenticate(next, AUTH_PIN))))
			.contains("このカードは、いまログインしているアカウントの方のものではありません");
	}

	@Test
	void aCardTheCityCannotTrustOrPlaceIsRefusedWithItsReason() throws Exception {
		Browser browser = new Browser(mvc);
		TestPki pki = dev.pki();
		// from the trusted test CA, but never recorded in the register (no J-LIS issuance data)
		byte[] challenge = challengeOn(browser.page(get(CardSignInController.PATH)));
		String unknown = browser.page(answerFile(TestSigner.sign(challenge, pki.issueAuthentication())));
		assertThat(unknown).contains("このカードをお持ちの方の住民記録が見つかりません");

		challenge = challengeOn(unknown);
		String untrusted = browser.page(answerFile(TestSigner.sign(challenge, TestPki.create().issueAuthentication())));
		assertThat(untrusted).contains("発行元を確認できない証明書です");

		challenge = challengeOn(untrusted);
		Instant now = Instant.now();
		TestPki.Credential expired = OddCertificates.issue(pki, TestPki.Authority.AUTHENTICATION,
				OddCertificates.Shape.jpkiAuthentication()
					.withValidity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1))));
		assertThat(browser.page(answerFile(TestSigner.sign(challenge, expired))))
			.contains("利用者証明用電子証明書の有効期限が切れています");
	}

	@Test
	void aCardWithoutAnAccountIsExplainedAndLinksOnceTheResidentSignsIn() throws Exception {
		ResidentRecord person = residentWithoutCard();
		VirtualCard card = dev.issueCard(person, SIGN_PIN, AUTH_PIN);

		Browser browser = new Browser(mvc);
		byte[] challenge = challengeOn(browser.page(get(CardSignInController.PATH)));
		String refused = browser.page(answerText(pem(card.authenticate(challenge, AUTH_PIN))));
		assertThat(refused).contains("この方のアカウントがまだありません").contains("href=\"/portal/register\"");
		byte[] next = challengeOn(refused);
		assertThat(next).as("a new challenge for the next try").isNotEqualTo(challenge);

		String email = registerAccount(browser);
		browser.perform(post("/portal/login").with(csrf()).param("username", email).param("password", PASSWORD))
			.andExpect(status().is3xxRedirection());
		byte[] fresh = challengeOn(browser.page(get(CardSignInController.PATH)));
		browser.perform(answerText(Base64.getEncoder().encodeToString(card.authenticate(fresh, AUTH_PIN)))
			.param("returnTo", "https://evil.example/portal"))
			.andExpect(status().isFound())
			.andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/portal"));
		assertThat(jdbc.queryForObject("SELECT atena_number FROM resident_account WHERE email = ?", String.class, email))
			.isEqualTo(person.atenaNumber().value());
		assertThat(browser.page(get(CardSignInController.PATH))).contains("マイナンバーカードで本人確認をしてログインしています");
	}

	@Test
	void theSigningKeyAndARevokedCardAreRefused() throws Exception {
		ResidentRecord person = residentWithoutCard();
		VirtualCard card = dev.issueCard(person, SIGN_PIN, AUTH_PIN);
		Browser browser = new Browser(mvc);

		byte[] challenge = challengeOn(browser.page(get(CardSignInController.PATH)));
		String wrongKey = browser.page(answerFile(card.sign(challenge, SIGN_PIN)));
		assertThat(wrongKey).contains("署名用電子証明書（英数字6〜16文字のパスワード）で作られた応答です")
			.contains("role=\"alert\"");

		TestPki pki = dev.pki();
		pki.revoke(card.certificate(VirtualCard.Slot.AUTHENTICATION));
		TestPkiDirectory.writeCrls(dev.pkiDirectory(), pki);
		crls.refresh(); // as the scheduled refresh would, within madoguchi.identity.refresh-interval

		byte[] next = challengeOn(wrongKey);
		assertThat(browser.page(answerFile(card.authenticate(next, AUTH_PIN))))
			.contains("この利用者証明用電子証明書は失効しています");
	}

	@Test
	void anExpiredChallengeAndBadAnswersAreRefusedAndTheFormStaysUsable() throws Exception {
		Browser browser = new Browser(mvc);
		String page = browser.page(get(CardSignInController.PATH));
		challengeOn(page);
		expireTheChallenge(browser);
		String expired = browser.page(answerText("AAAA"));
		assertThat(expired).contains("確認コードの有効期限（5分）が切れました");
		challengeOn(expired);

		String missing = browser.page(multipart(CardSignInController.PATH).with(csrf()));
		assertThat(missing).contains("id=\"responseFile-error\"").contains("応答ファイルを選ぶか、応答を貼り付けてください")
			.contains("href=\"#responseFile\"");
		String both = browser.page(answerFile(new byte[] { 0x30 }).param("responseText", "MA=="));
		assertThat(both).contains("id=\"responseText-error\"").contains("どちらか一方だけ");
		assertThat(browser.page(answerText("not base64 at all!"))).contains("Base64 として読めません");
		assertThat(browser.page(answerFile(new byte[SignatureVerifier.MAX_SIGNATURE_BYTES + 1])))
			.contains("応答ファイルが大きすぎます（上限 64 KB）");
		assertThat(browser.page(answerText("MIIBAAYJ"))).contains("応答を読み取れませんでした");
		// a plain form post (no multipart) with pasted Base64 is read too
		assertThat(browser.page(post(CardSignInController.PATH).with(csrf()).param("responseText", "MIIBAAYJ")))
			.contains("応答を読み取れませんでした");
		challengeOn(browser.page(get(CardSignInController.PATH)));

		// English
		assertThat(browser.page(get(CardSignInController.PATH).param("lang", "en")))
			.contains("Sign in with your My Number Card").contains("A new code is made each time this page opens");

		// CSRF: an answer without the token is refused
		browser.perform(multipart(CardSignInController.PATH).param("responseText", "MA==")).andExpect(status().isForbidden());
	}

	@Test
	void theSignInPageOffersTheCard() throws Exception {
		assertThat(new Browser(mvc).page(get("/portal/login"))).contains("href=\"/portal/card/sign-in\"")
			.contains("マイナンバーカードでログインする");
		// sent to sign in by a procedure: the card brings the resident back to it
		assertThat(new Browser(mvc).page(get("/portal/login").param("procedure", CARD_PROCEDURE)))
			.contains("href=\"/portal/card/sign-in?returnTo=/portal/procedures/" + CARD_PROCEDURE + "\"");
	}

	// ------------------------------------------------------------------------------------------------ helpers

	static final String PASSWORD = "correct horse battery staple";

	private ResidentRecord residentWithoutCard() {
		return TestResidents.withoutCard(jdbc, city, register);
	}

	private static String registerAccount(Browser browser) throws Exception {
		String email = "card" + UUID.randomUUID().toString().substring(0, 12) + "@example.jp";
		browser.perform(post("/portal/register").with(csrf()).param("email", email).param("password", PASSWORD)
			.param("passwordConfirm", PASSWORD).param("name", "東雲 太郎").param("kana", "しののめ たろう")
			.param("birthYear", "1985").param("birthMonth", "4").param("birthDay", "1").param("phone", "043-123-4567")
			.param("postalCode", "2600001").param("address", "千葉県東雲野市中央一丁目1番1号").param("building", "")
			.param("language", "ja")).andExpect(status().is3xxRedirection());
		return email;
	}

	/** The counter links the account to the person after checking an identity document (accounts module). */
	private void linkAtTheCounter(String email, String atena) throws Exception {
		var counter = user("madoguchi").roles("COUNTER");
		String accountPage = mvc.perform(get("/staff/accounts").param("email", email).with(counter))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(accountPage + "/link").with(csrf()).with(counter).param("atenaNumber", atena)
			.param("identityChecked", "true").param("documentType", "MY_NUMBER_CARD"))
			.andExpect(status().is3xxRedirection());
	}

	private static byte[] challengeOn(String page) {
		Matcher m = CHALLENGE.matcher(page);
		assertThat(m.find()).as("a challenge on the page").isTrue();
		return HexFormat.of().parseHex(m.group(1));
	}

	private static MockMultipartHttpServletRequestBuilder answerFile(byte[] response) {
		MockMultipartHttpServletRequestBuilder request = multipart(CardSignInController.PATH);
		request.file(new MockMultipartFile("responseFile", "response.der", "application/pkcs7-signature", response));
		request.with(csrf());
		return request;
	}

	private static MockMultipartHttpServletRequestBuilder answerText(String base64) {
		MockMultipartHttpServletRequestBuilder request = multipart(CardSignInController.PATH);
		request.param("responseText", base64).with(csrf());
		return request;
	}

	private static String pem(byte[] der) {
		return "-----BEGIN PKCS7-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(der) + "\n-----END PKCS7-----\n";
	}

	/** Puts an expired challenge into the browser's stored session, as five minutes of waiting would. */
	private void expireTheChallenge(Browser browser) {
		expire(sessions, browser.sessionId());
	}

	private static <S extends Session> void expire(SessionRepository<S> sessions, String id) {
		S session = sessions.findById(id);
		CardChallenge held = session.getAttribute(CardChallenge.ATTRIBUTE);
		session.setAttribute(CardChallenge.ATTRIBUTE, new CardChallenge(held.bytes(), Instant.now().minusSeconds(1)));
		sessions.save(session);
	}

	/** Keeps the SESSION cookie between requests, as a browser does (Spring Session finds the session by it). */
	static final class Browser {

		private final MockMvc mvc;

		private Cookie session;

		Browser(MockMvc mvc) {
			this.mvc = mvc;
		}

		ResultActions perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
			if (session != null) {
				request.cookie(session);
			}
			ResultActions result = mvc.perform(request);
			Cookie set = result.andReturn().getResponse().getCookie("SESSION");
			if (set != null) {
				session = set.getMaxAge() == 0 ? null : set;
			}
			return result;
		}

		/** The page answered with 200, as text. */
		String page(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
			MvcResult result = perform(request).andExpect(status().isOk()).andReturn();
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}

		String sessionId() {
			return new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
		}
	}
}
