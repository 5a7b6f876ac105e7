package org.madoguchi.testing;

import java.io.File;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for the browser tests, in Japanese. Where it is not installed the test is skipped,
 * unless {@code MADOGUCHI_BROWSER_TESTS=required} (CI, which installs it) makes that a failure.
 */
public final class HeadlessChromium {

	public static final String CHROMIUM = "/usr/bin/chromium";

	public static final String DRIVER = "/usr/bin/chromedriver";

	private HeadlessChromium() {
	}

	/** A new browser with a window of {@code width} × {@code height}; the caller quits it. */
	public static ChromeDriver open(int width, int height) {
		boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
		if (!present && "required".equals(System.getenv("MADOGUCHI_BROWSER_TESTS"))) {
			throw new IllegalStateException("chromium and chromedriver are required (apt-get install chromium chromium-driver)");
		}
		Assumptions.assumeTrue(present, "chromium/chromedriver not installed");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=" + width + "," + height, "--lang=ja");
		options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "ja"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
			.usingAnyFreePort()
			.build();
		ChromeDriver browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return browser;
	}
}
