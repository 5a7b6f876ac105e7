package org.madoguchi.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.citygen.SyntheticCity;
import org.madoguchi.identity.TestCards;
import org.madoguchi.notification.MailOutbox;
import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.ResidentRecord;
import org.madoguchi.registry.ResidentRegister;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The issue's "done when", in a real browser (Debian's headless Chromium over WebDriver) against the
 * application on a real port, with a real SMTP server (GreenMail): a newcomer (already in the register, with a
 * virtual My Number Card of the test PKI) registers and verifies the email, applies for a 住民票の写し — signing
 * the downloaded application with the card, once wrongly — and a 粗大ごみ collection and receives receipt mails;
 * a staff member sees the verified signature and processes both — accepting the 住民票の写し issues it
 * electronically; a core system pulls the accepted applications through the API with an OAuth2 token; the resident
 * downloads the sealed copies from the portal and anyone checks one on the public verification page.
 * axe-core (WCAG 2.0–2.2 A and AA) runs on every main page, at desktop and phone widths, and must find
 * nothing.
 *
 * <p>Skipped when chromium/chromedriver are missing, unless {@code MADOGUCHI_BROWSER_TESTS=required}
 * (CI sets it, and installs them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "madoguchi.mail.transport=smtp", "spring.mail.host=127.0.0.1" })
class BrowserJourneyTest {

	static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		MAIL.start();
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
	}

	@LocalServerPort
	int port;

	@Autowired
	MailOutbox outbox;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	SyntheticCity city;

	@Autowired
	ResidentRegister register;

	@Autowired
	ApplicationContext context;

	WebDriver browser;
	String base;
	final List<String> accessibilityProblems = new ArrayList<>();
	final List<String> checkedPages = new ArrayList<>();

	@BeforeEach
	void openBrowser() {
		browser = org.madoguchi.testing.HeadlessChromium.open(1280, 1000);
		base = "http://localhost:" + port;
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@AfterAll
	static void stopMail() {
		MAIL.stop();
	}

	@Test
	void aNewcomerAppliesStaffProcessAndACoreSystemPulls() throws Exception {
		String email = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
		String password = "correct horse battery staple";

		// 0. the newcomer's move-in was recorded at the counter, and they hold a My Number Card
		ResidentRecord me = newcomerInTheRegister();
		String atena = me.atenaNumber().value();
		TestCards.Card card = TestCards.in(context).issue(atena);
		String name = me.name().family() + " " + me.name().given();
		LocalDate born = me.birthDate().toLocalDate().orElseThrow();
		String heiseiYear = String.valueOf(born.getYear() - 1988);

		// 1. the portal, and registration
		open("/portal");
		axe("portal home");
		browser.findElement(By.cssSelector("a[href='/portal/register']")).click();
		axe("registration");
		type("email", email);
		type("password", password);
		type("passwordConfirm", password);
		type("name", name);
		type("kana", me.name().familyKana() + " " + me.name().givenKana());
		type("birthDate-year", String.valueOf(born.getYear()));
		type("birthDate-month", String.valueOf(born.getMonthValue()));
		type("birthDate-day", String.valueOf(born.getDayOfMonth()));
		type("phone", "043-000-1234");
		type("postalCode", me.address().postalCode() == null ? "299-0001" : me.address().postalCode());
		type("address", me.address().text());
		submitForm("email");
		axe("registration sent");

		// 2. the verification mail, and sign-in
		String verify = link(waitForMail(email, "verify"), "/portal/verify/");
		open(verify);
		axe("email verified");
		open("/portal/login");
		axe("sign-in");
		type("username", email);
		type("password", password);
		submitForm("username");
		assertThat(browser.getCurrentUrl()).endsWith("/portal");

		// 3. 住民票の写し: search, start, a page with errors, fill in, check, sign and submit
		type("q", "じゅうみんひょう");
		submitForm("q");
		axe("search results");
		browser.findElement(By.cssSelector("a[href='/portal/procedures/juminhyo-copy']")).click();
		axe("procedure page");
		clickButton("申請をはじめる");
		// prefilled from the account profile; empty the name to see the error handling
		waitFor(By.id("f-name")).clear();
		clickButton("次へ進む");
		assertThat(waitFor(By.cssSelector(".dads-error-summary")).getText()).contains("氏名");
		assertThat(browser.findElement(By.id("f-kana")).getAttribute("value")).as("nothing typed is lost")
			.isEqualTo(me.name().fullKana());
		axe("form page with errors");
		type("f-name", name);
		new Select(waitFor(By.id("f-birthDate-era"))).selectByValue("H");
		type("f-birthDate-year", heiseiYear);
		type("f-birthDate-month", String.valueOf(born.getMonthValue()));
		type("f-birthDate-day", String.valueOf(born.getDayOfMonth()));
		clickButton("次へ進む");
		radio("f.scope", "whole");
		type("f-copies", "2");
		new Select(waitFor(By.id("f-purpose"))).selectByValue("license");
		axe("form page");
		clickButton("次へ進む");
		radio("f.deliveryMethod", "electronic");
		clickButton("次へ進む");
		waitFor(By.id("signature-file"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("申請内容の確認");
		assertThat(browser.getPageSource())
			.contains("平成" + heiseiYear + "年" + born.getMonthValue() + "月" + born.getDayOfMonth() + "日")
			.contains("600円")
			.doesNotContain("dads-error-summary");
		String draft = draftId(browser.getCurrentUrl());
		String signingContent = "/portal/drafts/" + draft + "/signing-content";
		assertThat(browser.findElements(By.cssSelector("a[href='" + signingContent + "']"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("form[action$='/submit']")))
			.as("no way to submit without a signature").isEmpty();
		axe("check your answers, with the signing step");
		// the exact bytes the browser downloads, signed with the card as the JPKI software would
		byte[] content = download(signingContent);
		assertThat(new String(content, StandardCharsets.UTF_8)).contains(draft).contains("juminhyo-copy");
		// first a signature over something else (e.g. an older download): refused, the draft stays
		uploadSignature(card.sign("{\"not\":\"this application\"}".getBytes(StandardCharsets.UTF_8)));
		clickButton("署名を送信して申請する");
		assertThat(waitFor(By.cssSelector("#signature [role=alert]")).getText()).contains("署名を受け付けられませんでした");
		assertThat(browser.findElements(By.id("receipt-number"))).isEmpty();
		axe("check your answers, signature refused");
		uploadSignature(card.sign(content));
		clickButton("署名を送信して申請する");
		String juminhyo = waitFor(By.id("receipt-number")).getText();
		assertThat(juminhyo).matches("\\d{4}-\\d{7}");
		axe("receipt");
		assertThat(waitForMail(email, juminhyo)).contains(juminhyo);

		// 4. 粗大ごみ
		open("/portal/procedures/sodai-gomi");
		clickButton("申請をはじめる");
		clickButton("次へ進む"); // name, kana and phone come from the profile
		radio("f.placeType", "door");
		clickButton("次へ進む");
		type("f-itemList", "たんす（高さ180cm）1点、自転車1台");
		type("f-tickets", "2");
		waitFor(By.cssSelector("input[name='f.excludedConfirmed']")).click();
		clickButton("次へ進む");
		LocalDate day = LocalDate.now().plusDays(10);
		new Select(waitFor(By.id("f-preferredDate-era"))).selectByValue("R");
		type("f-preferredDate-year", String.valueOf(day.getYear() - 2018));
		type("f-preferredDate-month", String.valueOf(day.getMonthValue()));
		type("f-preferredDate-day", String.valueOf(day.getDayOfMonth()));
		clickButton("次へ進む");
		clickButton("申請する");
		String sodai = waitFor(By.id("receipt-number")).getText();
		assertThat(waitForMail(email, sodai)).contains(sodai);

		open("/portal/applications");
		assertThat(browser.getPageSource()).contains(juminhyo).contains(sodai);
		axe("my applications");
		browser.findElement(By.linkText(juminhyo)).click();
		axe("application status");

		// phone width
		browser.manage().window().setSize(new Dimension(375, 800));
		open("/portal");
		axe("portal home, 375 px");
		open("/portal/procedures/juminhyo-copy");
		axe("procedure page, 375 px");
		browser.manage().window().setSize(new Dimension(1280, 1000));

		// 5. a staff member processes both
		browser.manage().deleteAllCookies();
		String staff = "shinsa-" + UUID.randomUUID().toString().substring(0, 6);
		jdbc.update("INSERT INTO staff_account (username, display_name, password_hash, roles, enabled, demo, "
				+ "failed_attempts, created_at) VALUES (?, '審査 太郎', ?, 'COUNTER,EXAMINER', TRUE, FALSE, 0, CURRENT_TIMESTAMP)",
				staff, encoder.encode("staff password 2026"));
		open("/login");
		type("username", staff);
		type("password", "staff password 2026");
		submitForm("username");
		open("/staff/applications");
		axe("staff queue");
		for (String receipt : List.of(juminhyo, sodai)) {
			open("/staff/applications");
			type("receipt", receipt);
			submitForm("receipt");
			waitFor(By.id("answers-title"));
			if (receipt.equals(juminhyo)) {
				// the signature the resident gave, verified, and the signer found in the register by the card's serial
				assertThat(browser.findElement(By.id("signature-title")).getText()).isEqualTo("電子署名");
				assertThat(browser.getPageSource())
					.contains("署名は有効、署名者 = 宛名番号 " + atena + "（照合：電子証明書のシリアル番号）")
					.contains(card.signingSerial().toString(16).toUpperCase());
			}
			else {
				assertThat(browser.findElements(By.id("signature-title"))).as("粗大ごみ needs no signature").isEmpty();
			}
			axe("staff review " + receipt);
			clickButton("担当する");
			clickButton("受理する");
			if (receipt.equals(juminhyo)) {
				// 電子交付: accepting issued the two copies and completed the application
				assertThat(waitFor(By.cssSelector(".dads-tag[data-type='COMPLETED']")).getText()).isEqualTo("完了");
			}
			else {
				assertThat(waitFor(By.cssSelector(".dads-tag[data-type='ACCEPTED']")).getText()).isEqualTo("受理");
			}
		}
		// each application: the receipt mail, then the decision mail (and for the copies, where to download them)
		outbox.sendDueNow();
		assertThat(mailsTo(email).stream().filter(m -> m.contains(juminhyo))).hasSize(3)
			.anySatisfy(m -> assertThat(m).contains("交付された証明書"));
		assertThat(mailsTo(email).stream().filter(m -> m.contains(sodai))).hasSize(2);
		open("/staff/issuance");
		axe("counter issuance and history");
		browser.findElement(By.cssSelector("a[href^='/staff/issuance/documents/']")).click();
		waitFor(By.id("open-pdf"));
		axe("issued copy (staff)");

		// 6. a core system pulls the accepted applications with an OAuth2 client-credentials token
		String clientId = "core-" + UUID.randomUUID().toString().substring(0, 8);
		String secret = "core secret " + UUID.randomUUID();
		jdbc.update("INSERT INTO api_client (client_id, name, secret_hash, scopes, roles, enabled, demo, created_at, "
				+ "created_by) VALUES (?, '基幹系', ?, 'applications:feed', 'LINKAGE', TRUE, FALSE, CURRENT_TIMESTAMP, 'test')",
				clientId, encoder.encode(secret));
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base + "/api/oauth2/token"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(token.statusCode()).isEqualTo(200);
		String accessToken = JsonMapper.builder().build().readTree(token.body()).get("access_token").asText();
		List<String> pulled = new ArrayList<>();
		for (String procedure : List.of("juminhyo-copy", "sodai-gomi")) {
			HttpResponse<String> feed = http.send(HttpRequest
				.newBuilder(URI.create(base + "/api/v1/applications/feed?procedure=" + procedure + "&limit=500"))
				.header("Authorization", "Bearer " + accessToken)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(feed.statusCode()).isEqualTo(200);
			JsonNode body = JsonMapper.builder().build().readTree(feed.body());
			body.get("items").forEach(i -> pulled.add(i.get("application").get("receiptNumber").asText()));
		}
		assertThat(pulled).contains(juminhyo, sodai);

		// 7. the resident downloads a sealed copy from the portal; anyone checks it on the verification page
		browser.manage().deleteAllCookies();
		open("/portal/login");
		type("username", email);
		type("password", password);
		submitForm("username");
		open("/portal/documents");
		axe("issued certificates");
		List<WebElement> links = browser.findElements(By.cssSelector("form[action$='/link']"));
		assertThat(links).as("two copies were asked for").hasSize(2);
		byte[] pdf = downloadIssued(links.get(0));
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		browser.manage().deleteAllCookies();
		open("/verify");
		axe("verification page");
		Path copy = Files.createTempFile("juminhyo-", ".pdf");
		copy.toFile().deleteOnExit();
		Files.write(copy, pdf);
		waitFor(By.id("file")).sendKeys(copy.toAbsolutePath().toString());
		clickButton("確認する");
		assertThat(waitFor(By.id("verdict")).getAttribute("data-outcome")).isEqualTo("VALID");
		axe("verification result");

		assertThat(accessibilityProblems).as("axe-core on " + checkedPages).isEmpty();
		assertThat(checkedPages).hasSizeGreaterThanOrEqualTo(20);
	}

	// --- helpers ---

	/**
	 * A living resident of the test city whose 基本4情報 a certificate can carry, born in Heisei 2–17 (so that the
	 * form's 和暦 is plain) and without 支援措置 or 抑止.
	 */
	ResidentRecord newcomerInTheRegister() {
		city.generate(40, ThreadLocalRandom.current().nextLong(), n -> {
		});
		String atena = jdbc.queryForObject("SELECT r.atena_number FROM resident_record r WHERE r.latest "
				+ "AND r.status = 'RESIDENT' AND r.given_name IS NOT NULL AND r.family_name_kana IS NOT NULL "
				+ "AND r.given_name_kana IS NOT NULL AND r.birth_date BETWEEN '19900101' AND '20051231' "
				// no unknown parts (不詳), and a day every month has
				+ "AND SUBSTRING(r.birth_date, 5, 2) BETWEEN '01' AND '12' AND SUBSTRING(r.birth_date, 7, 2) BETWEEN '01' AND '28' "
				+ "AND NOT EXISTS (SELECT 1 FROM support_measure s WHERE s.atena_number = r.atena_number) "
				+ "AND NOT EXISTS (SELECT 1 FROM suppression s WHERE s.target_number IN (r.atena_number, r.household_number)) "
				+ "ORDER BY r.processed_at DESC, r.atena_number FETCH FIRST 1 ROWS ONLY", String.class);
		return register.person(new AtenaNumber(atena)).record();
	}

	static String draftId(String url) {
		Matcher m = Pattern.compile("/portal/drafts/([0-9a-f-]{36})/").matcher(url);
		if (!m.find()) {
			throw new AssertionError("no draft in " + url);
		}
		return m.group(1);
	}

	/** Downloads with the browser's cookies (its session), as the browser itself would. */
	byte[] download(String path) throws Exception {
		String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookies).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
		return response.body();
	}

	/**
	 * The portal's download button posts for a short-lived link and follows it; done here with the browser's session
	 * and the form's CSRF token, so that the bytes can be checked.
	 */
	byte[] downloadIssued(WebElement linkForm) throws Exception {
		String action = linkForm.getAttribute("action");
		String csrf = linkForm.findElement(By.name("_csrf")).getAttribute("value");
		String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
		HttpResponse<String> redirect = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(action.startsWith("http") ? action : base + action))
				.header("Cookie", cookies)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(redirect.statusCode()).isEqualTo(302);
		String location = redirect.headers().firstValue("Location").orElseThrow();
		return download(location.startsWith("http") ? URI.create(location).getPath() : location);
	}

	/** Chooses the signature file in the file input, as the resident does with the file the signing software wrote. */
	void uploadSignature(byte[] der) throws Exception {
		Path file = Files.createTempFile("signature-", ".der");
		file.toFile().deleteOnExit();
		Files.write(file, der);
		waitFor(By.id("signature-file")).sendKeys(file.toAbsolutePath().toString());
	}

	void open(String path) {
		browser.get(path.startsWith("http") ? path : base + path);
	}

	void type(String id, String text) {
		WebElement e = waitFor(By.id(id));
		e.clear();
		e.sendKeys(text);
	}

	void radio(String name, String value) {
		waitFor(By.cssSelector("input[name='" + name + "'][value='" + value + "']")).click();
	}

	void submitForm(String fieldId) {
		browser.findElement(By.id(fieldId)).submit();
	}

	void clickButton(String text) {
		// the previous navigation may still be replacing the page: look again until the button is there
		for (int attempt = 0; attempt < 50; attempt++) {
			try {
				var button = browser.findElements(By.cssSelector("button[type='submit']"))
					.stream()
					.filter(b -> b.isDisplayed() && b.getText().strip().equals(text))
					.findFirst();
				if (button.isPresent()) {
					button.get().click();
					return;
				}
			}
			catch (org.openqa.selenium.StaleElementReferenceException e) {
				// try again
			}
			sleep(100);
		}
		throw new AssertionError("no button " + text + " on " + browser.getCurrentUrl());
	}

	WebElement waitFor(By by) {
		for (int attempt = 0; attempt < 100; attempt++) {
			var found = browser.findElements(by);
			if (!found.isEmpty()) {
				return found.get(0);
			}
			sleep(100);
		}
		throw new AssertionError("nothing like " + by + " on " + browser.getCurrentUrl() + ": "
				+ browser.findElements(By.cssSelector("[role=alert], [role=status], .dads-error-text"))
					.stream()
					.map(WebElement::getText)
					.toList());
	}

	static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	void axe(String page) {
		Results results = new AxeBuilder()
			.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
			.analyze(browser);
		checkedPages.add(page);
		for (Rule v : results.getViolations()) {
			accessibilityProblems.add(page + " (" + browser.getCurrentUrl() + "): " + v.getId() + " — " + v.getHelp()
					+ " at " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
		}
	}

	/** Sends what is due and waits for a mail to {@code to} whose text contains {@code contains}. */
	String waitForMail(String to, String contains) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			outbox.sendDueNow();
			for (MimeMessage m : MAIL.getReceivedMessages()) {
				if (java.util.Arrays.stream(m.getAllRecipients()).noneMatch(r -> r.toString().contains(to))) {
					continue;
				}
				String text = m.getSubject() + "\n" + GreenMailUtil.getBody(m);
				String decoded = decode(m);
				if (text.contains(contains) || decoded.contains(contains)) {
					return decoded;
				}
			}
			Thread.sleep(200);
		}
		throw new AssertionError("no mail to " + to + " containing " + contains + "; page " + browser.getCurrentUrl()
				+ "; outbox " + jdbc.queryForList("SELECT kind, status, attempts, last_error FROM notification_outbox "
						+ "WHERE recipient = ?", to) + "; received " + MAIL.getReceivedMessages().length + "; errors "
				+ browser.findElements(By.cssSelector(".dads-error-summary, .dads-error-text, [role=alert]")).stream().map(WebElement::getText).toList());
	}

	List<String> mailsTo(String to) throws Exception {
		List<String> found = new ArrayList<>();
		for (MimeMessage m : MAIL.getReceivedMessages()) {
			if (java.util.Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(to))) {
				found.add(decode(m));
			}
		}
		return found;
	}

	static String decode(MimeMessage m) throws Exception {
		Object content = m.getContent();
		return m.getSubject() + "\n" + (content instanceof String s ? s : GreenMailUtil.getBody(m));
	}

	static String link(String mail, String path) {
		Matcher matcher = Pattern.compile("https?://[^\\s]+?(" + Pattern.quote(path) + "[A-Za-z0-9_\\-]+)").matcher(mail);
		if (!matcher.find()) {
			throw new AssertionError("no link " + path + " in " + mail);
		}
		return matcher.group(1);
	}
}
