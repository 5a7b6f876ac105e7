package org.madoguchi.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
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
import org.madoguchi.notification.MailOutbox;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The issue's "done when", in a real browser (Debian's headless Chromium over WebDriver) against the
 * application on a real port, with a real SMTP server (GreenMail): a newcomer registers and verifies the
 * email, applies for a 住民票の写し and a 粗大ごみ collection and receives receipt mails; a staff member
 * processes both; a core system pulls the accepted applications through the API with an OAuth2 token.
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

		// 1. the portal, and registration
		open("/portal");
		axe("portal home");
		browser.findElement(By.cssSelector("a[href='/portal/register']")).click();
		axe("registration");
		type("email", email);
		type("password", password);
		type("passwordConfirm", password);
		type("name", "東雲 新");
		type("kana", "シノノメ アラタ");
		type("birthDate-year", "1990");
		type("birthDate-month", "5");
		type("birthDate-day", "20");
		type("phone", "043-000-1234");
		type("postalCode", "299-0001");
		type("address", "千葉県東雲野市本町一丁目2番3号");
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

		// 3. 住民票の写し: search, start, a page with errors, fill in, check, submit
		type("q", "じゅうみんひょう");
		submitForm("q");
		axe("search results");
		browser.findElement(By.cssSelector("a[href='/portal/procedures/juminhyo-copy']")).click();
		axe("procedure page");
		clickButton("申請をはじめる");
		// prefilled from the account profile; empty the name to see the error handling
		browser.findElement(By.id("f-name")).clear();
		clickButton("次へ進む");
		assertThat(waitFor(By.cssSelector(".dads-error-summary")).getText()).contains("氏名");
		assertThat(browser.findElement(By.id("f-kana")).getAttribute("value")).as("nothing typed is lost")
			.isEqualTo("シノノメ　アラタ");
		axe("form page with errors");
		type("f-name", "東雲 新");
		new Select(waitFor(By.id("f-birthDate-era"))).selectByValue("H");
		type("f-birthDate-year", "2");
		type("f-birthDate-month", "5");
		type("f-birthDate-day", "20");
		clickButton("次へ進む");
		radio("f.scope", "whole");
		type("f-copies", "2");
		new Select(waitFor(By.id("f-purpose"))).selectByValue("license");
		axe("form page");
		clickButton("次へ進む");
		radio("f.deliveryMethod", "counter");
		clickButton("次へ進む");
		waitFor(By.cssSelector("form[action$='/submit']"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("申請内容の確認");
		assertThat(browser.getPageSource()).contains("平成2年5月20日").contains("600円").doesNotContain("dads-error-summary");
		axe("check your answers");
		clickButton("申請する");
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
			axe("staff review " + receipt);
			clickButton("担当する");
			clickButton("受理する");
			assertThat(waitFor(By.cssSelector(".dads-tag[data-type='ACCEPTED']")).getText()).isEqualTo("受理");
		}
		// each application: the receipt mail, then the decision mail
		outbox.sendDueNow();
		for (String receipt : List.of(juminhyo, sodai)) {
			assertThat(mailsTo(email).stream().filter(m -> m.contains(receipt))).hasSize(2);
		}

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

		assertThat(accessibilityProblems).as("axe-core on " + checkedPages).isEmpty();
		assertThat(checkedPages).hasSizeGreaterThanOrEqualTo(15);
	}

	// --- helpers ---

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
