package org.madoguchi.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The widget in a real browser (Debian's headless Chromium): on the platform's own portal, used with the keyboard
 * only and checked by axe-core; and on a plain page of another site (another origin, served by the JDK's HTTP
 * server), where it answers only when the city lists that site's origin.
 *
 * <p>Skipped when chromium/chromedriver are missing, unless {@code MADOGUCHI_BROWSER_TESTS=required} (CI).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WidgetBrowserTest {

	static WebDriver browser;

	static HttpServer citySite;

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@BeforeAll
	static void openBrowser() throws IOException {
		browser = org.madoguchi.testing.HeadlessChromium.open(1280, 900);

		// a city's own site on another port: the page holds nothing but the script tag (its src is per request)
		citySite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		citySite.createContext("/", exchange -> {
			String query = exchange.getRequestURI().getQuery();
			String[] p = query == null ? new String[0] : query.split("&");
			String platform = p.length > 0 ? p[0].substring(p[0].indexOf('=') + 1) : "";
			String tenant = p.length > 1 ? p[1].substring(p[1].indexOf('=') + 1) : "";
			byte[] page = ("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>北山町</title></head>"
					+ "<body><main><h1>北山町のページ</h1></main><script src=\"" + platform + "/assistant/widget.js\" "
					+ "data-tenant=\"" + tenant + "\" data-lang=\"ja\" defer></script></body></html>")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
			exchange.close();
		});
		citySite.start();
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
		if (citySite != null) {
			citySite.stop(0);
		}
	}

	@Test
	void onThePortalTheWidgetWorksWithTheKeyboardAndPassesAxe() {
		browser.get("http://localhost:" + port + "/portal");
		waitUntil("the widget", "return !!document.querySelector('madoguchi-assistant')");

		// Tab to the floating button, Enter opens the panel with the focus in the question field
		for (int i = 0; i < 150 && !"launcher".equals(focused()); i++) {
			new Actions(browser).sendKeys(Keys.TAB).perform();
		}
		assertThat(focused()).as("Tab reaches the widget's button").isEqualTo("launcher");
		assertThat(js("return root().querySelector('.launcher').textContent")).isEqualTo("質問する");
		new Actions(browser).sendKeys(Keys.ENTER).perform();
		assertThat(js("return root().querySelector('.panel').hidden")).isEqualTo(false);
		assertThat(js("return root().querySelector('.launcher').getAttribute('aria-expanded')")).isEqualTo("true");
		assertThat(focused()).isEqualTo("mdg-q");

		new Actions(browser).sendKeys("住民票の写しを取りたいです。").sendKeys(Keys.ENTER).perform();
		waitUntil("an answer", "return !!root().querySelector('.log .answer')");
		String answer = (String) js("return root().querySelector('.log .answer').textContent");
		assertThat(answer).contains("住民票の写しは").contains("市民課").contains("043-201-1211");
		assertThat(js("return root().querySelector('.answer .cta').href"))
			.isEqualTo("http://localhost:" + port + "/portal/procedures/juminhyo-copy");
		assertThat(js("return root().querySelector('.answer a[href^=\"tel:\"]').getAttribute('href')"))
			.isEqualTo("tel:0432011211");
		assertThat(js("return root().querySelector('.log').getAttribute('aria-live')")).isEqualTo("polite");

		Results axe = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
			.analyze(browser);
		assertThat(axe.getViolations().stream()
			.filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
			.map(v -> v.getId() + " at " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList()))
			.as("axe-core with the panel open")
			.isEmpty();

		// Esc closes the panel and gives the focus back to the button
		new Actions(browser).sendKeys(Keys.ESCAPE).perform();
		assertThat(js("return root().querySelector('.panel').hidden")).isEqualTo(true);
		assertThat(focused()).isEqualTo("launcher");

		// open again: the conversation is still there; rate the answer
		new Actions(browser).sendKeys(Keys.ENTER).perform();
		assertThat(focused()).isEqualTo("mdg-q");
		js("root().querySelector('.answer .rate button').click(); return null");
		waitUntil("the thanks", "return root().querySelector('.log').textContent.includes('ご回答ありがとうございます')");
	}

	@Test
	void onAnotherSiteTheWidgetAnswersOnlyWhenTheCityAllowsThatOrigin() {
		String city = "t" + UUID.randomUUID().toString().substring(0, 8);
		String site = "http://127.0.0.1:" + citySite.getAddress().getPort();
		tenants.createIfMissing(city, "北山町", "Kitayama Town", "0123-45-6789", null, List.of(site));
		String platform = "http://localhost:" + port;

		browser.get(site + "/?platform=" + platform + "&tenant=" + city);
		ask();
		waitUntil("an answer", "return !!root().querySelector('.log .answer, .log .error')");
		assertThat(js("return root().querySelector('.log .error')")).as("no error").isNull();
		assertThat((String) js("return root().querySelector('.log .answer').textContent")).contains("市民課");
		// links to the platform are absolute on another site
		assertThat(js("return root().querySelector('.answer .cta').href"))
			.isEqualTo(platform + "/portal/procedures/juminhyo-copy");

		// the same page at an origin the city does not list: the browser refuses, the widget says so
		browser.get("http://localhost:" + citySite.getAddress().getPort() + "/?platform=" + platform + "&tenant=" + city);
		ask();
		waitUntil("an error", "return !!root().querySelector('.log .answer, .log .error')");
		assertThat(js("return root().querySelector('.log .answer')")).isNull();
		assertThat((String) js("return root().querySelector('.log .error').textContent")).contains("接続できませんでした");
	}

	@Test
	void theNoScriptPageHasNoAccessibilityViolations() {
		String base = "http://localhost:" + port + "/assistant?q=";
		List<String> problems = new java.util.ArrayList<>();
		for (org.openqa.selenium.Dimension size : List.of(new org.openqa.selenium.Dimension(1280, 900),
				new org.openqa.selenium.Dimension(375, 800))) {
			browser.manage().window().setSize(size);
			for (String q : List.of("住民票の写しを取りたいです。", "住民票", "xyzzy")) {
				browser.get(base + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8));
				new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
					.analyze(browser)
					.getViolations()
					.forEach(v -> problems.add(q + " at " + size.getWidth() + " px: " + v.getId() + " "
							+ v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList()));
			}
		}
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
		assertThat(problems).as("axe-core on /assistant").isEmpty();
	}

	/** Opens the panel with a click and asks the question about 住民票. */
	private void ask() {
		waitUntil("the widget", "return !!document.querySelector('madoguchi-assistant')");
		js("root().querySelector('.launcher').click(); return null");
		assertThat(focused()).isEqualTo("mdg-q");
		new Actions(browser).sendKeys("住民票の写しを取りたいです。").sendKeys(Keys.ENTER).perform();
	}

	/** The id or class of the focused element inside the widget, or the tag name outside it. */
	private String focused() {
		return (String) js("const a = document.activeElement;"
				+ "if (!a || a.tagName !== 'MADOGUCHI-ASSISTANT') return a ? a.tagName : '';"
				+ "const f = a.shadowRoot.activeElement; return f ? (f.id || f.className) : '';");
	}

	private Object js(String script) {
		return ((JavascriptExecutor) browser)
			.executeScript("const root = () => document.querySelector('madoguchi-assistant').shadowRoot;" + script);
	}

	private void waitUntil(String what, String condition) {
		for (int attempt = 0; attempt < 300; attempt++) {
			try {
				if (Boolean.TRUE.equals(js(condition))) {
					return;
				}
			}
			catch (org.openqa.selenium.JavascriptException notYet) {
				// the widget is not there yet
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		throw new AssertionError("no " + what + " on " + browser.getCurrentUrl() + ": "
				+ js("const h = document.querySelector('madoguchi-assistant');"
						+ "return h ? h.shadowRoot.querySelector('.log').textContent : 'no widget'"));
	}
}
