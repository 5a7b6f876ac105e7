package org.madoguchi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madoguchi.citygen.SyntheticCity;
import org.madoguchi.registry.ResidentRecord;
import org.madoguchi.registry.ResidentRegister;
import org.madoguchi.testing.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The card sign-in page in a real browser without JavaScript help: the challenge is read off the page, the answer
 * file uploaded through the file control, and the refusals shown; axe-core (WCAG 2.0–2.2 A and AA) finds nothing
 * on the page, its refusal and its error state, at desktop and phone widths. Skipped without chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CardSignInBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	DevIdentity dev;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SyntheticCity city;

	@Autowired
	ResidentRegister register;

	ChromeDriver browser;

	final List<String> accessibilityProblems = new ArrayList<>();

	@BeforeEach
	void open() {
		browser = HeadlessChromium.open(1280, 1000);
	}

	@AfterEach
	void quit() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void theResidentAnswersTheChallengeWithAFileAndReadsWhyItWasRefused(@TempDir Path dir) throws Exception {
		ResidentRecord person = TestResidents.withoutCard(jdbc, city, register);
		VirtualCard card = dev.issueCard(person, CardSignInWebTests.SIGN_PIN, CardSignInWebTests.AUTH_PIN);

		browser.get("http://localhost:" + port + "/portal/login");
		browser.findElement(By.linkText("マイナンバーカードでログインする")).click();
		assertThat(browser.getCurrentUrl()).endsWith(CardSignInController.PATH);
		axe("card sign-in");
		String challenge = browser.findElement(By.id("challenge")).getText();
		assertThat(browser.findElement(By.id("dev-command")).getText()).contains("--challenge " + challenge);

		Path answer = Files.write(dir.resolve("response.der"),
				card.authenticate(HexFormat.of().parseHex(challenge), CardSignInWebTests.AUTH_PIN));
		browser.findElement(By.id("responseFile")).sendKeys(answer.toString());
		browser.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
		assertThat(shown("refusal").getText()).contains("この方のアカウントがまだありません");
		assertThat(browser.findElement(By.id("challenge")).getText()).as("a new code").isNotEqualTo(challenge);
		axe("card sign-in refused");

		browser.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
		assertThat(shown("responseFile-error").getText())
			.contains("応答ファイルを選ぶか、応答を貼り付けてください");
		axe("card sign-in, field error");

		browser.manage().window().setSize(new Dimension(375, 800));
		browser.get("http://localhost:" + port + CardSignInController.PATH);
		axe("card sign-in, 375 px");

		assertThat(accessibilityProblems).isEmpty();
	}

	/** The element of the page the last submit leads to (the click may return before that page is there). */
	WebElement shown(String id) {
		return new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
	}

	void axe(String page) {
		Results results = new AxeBuilder()
			.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
			.analyze(browser);
		for (Rule v : results.getViolations()) {
			accessibilityProblems.add(page + ": " + v.getId() + " — " + v.getHelp() + " at "
					+ v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
		}
	}
}
