package org.madoguchi.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The assistant's own page, without JavaScript: a resident asks with a GET form, picks and rates with POST
 * forms (CSRF), and every text from the assistant or the resident is escaped.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AssistantPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	QuestionLog questionLog;

	@Autowired
	Tenants tenants;

	@Autowired
	KnowledgeBase knowledge;

	private String page(String url) throws Exception {
		return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private String ask(String tenant, String q) throws Exception {
		return mvc.perform(get("/assistant").param("tenant", tenant).param("q", q))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	private String ask(String q) throws Exception {
		return ask("shinonomeno", q);
	}

	private static String first(String html, String regex) {
		Matcher m = Pattern.compile(regex).matcher(html);
		assertThat(m.find()).as(regex + " in the page").isTrue();
		return m.group(1);
	}

	@Test
	void theFormAloneOffersTheTopicsAndTheCityContact() throws Exception {
		String html = mvc.perform(get("/assistant"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("X-Robots-Tag"))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("東雲野市 窓口アシスタント")
			.contains("<form class=\"dads-search-form\" method=\"get\" action=\"/assistant\"")
			.contains("<label class=\"dads-label\" for=\"q\">ご質問</label>")
			.contains("href=\"/assistant/topics/WASTE?tenant=shinonomeno\"")
			.contains("href=\"tel:0432011000\"")
			.doesNotContain("id=\"reply-title\"");
		// the portal's header links here and loads the widget for this city
		assertThat(html).contains("<a class=\"dads-header__nav-link is-current\" href=\"/assistant\" aria-current=\"page\"")
			.contains("src=\"/assistant/widget.js\"")
			.contains("data-tenant=\"shinonomeno\"");
		assertThat(page("/portal")).contains("href=\"/assistant\"").contains("src=\"/assistant/widget.js\"");
	}

	@Test
	void anAnswerHasDeskPhoneOfficialPageProcedureButtonAndRatingFormsAndIsLoggedAsPage() throws Exception {
		String html = mvc.perform(get("/assistant").param("q", "住民票の写しを取りたいです。"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Robots-Tag", "noindex"))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("data-kind=\"ANSWER\"")
			.contains("住民票の写しは、市民課の窓口")
			.contains("<dd>市民課</dd>")
			.contains("<a class=\"dads-link\" href=\"tel:0432011211\">043-201-1211</a>")
			.contains("href=\"https://www.city.shinonome.example.jp/kurashi/shomei/juminhyo.html\"")
			.contains("href=\"/portal/procedures/juminhyo-copy\">オンラインで申請する</a>")
			.contains("役に立ちましたか？")
			.contains("name=\"_csrf\"");
		String turn = first(html, "name=\"turn\" value=\"([0-9a-f-]{36})\"");
		questionLog.flush();
		assertThat(jdbc.queryForObject("SELECT channel FROM assistant_turn WHERE id = ?", String.class, turn))
			.isEqualTo("PAGE");
	}

	@Test
	void candidatesArePickedWithAPostAndTheAnswerGetsItsOwnAddress() throws Exception {
		String html = ask("住民票");
		assertThat(html).contains("data-kind=\"CANDIDATES\"").contains("action=\"/assistant/pick\"");
		String turn = first(html, "name=\"turn\" value=\"([0-9a-f-]{36})\"");
		String entry = first(html, "name=\"entry\" value=\"([a-z0-9-]+)\"");

		// no CSRF token, no pick
		mvc.perform(post("/assistant/pick").param("tenant", "shinonomeno").param("turn", turn).param("entry", entry))
			.andExpect(status().isForbidden());

		String location = mvc.perform(post("/assistant/pick").with(csrf())
			.param("tenant", "shinonomeno")
			.param("turn", turn)
			.param("entry", entry))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/assistant/answers/" + entry + "?tenant=shinonomeno&turn=*"))
			.andReturn().getResponse().getRedirectedUrl();
		String pickTurn = location.substring(location.indexOf("turn=") + 5);
		questionLog.flush();
		assertThat(jdbc.queryForMap("SELECT channel, picked_from, entry_id FROM assistant_turn WHERE id = ?", pickTurn))
			.containsEntry("CHANNEL", "PAGE").containsEntry("PICKED_FROM", turn).containsEntry("ENTRY_ID", entry);

		String answer = page(location);
		assertThat(answer).contains("data-kind=\"ANSWER\"")
			.contains("name=\"turn\" value=\"" + pickTurn + "\"")
			.contains("action=\"/assistant/feedback\"");
		// a made-up turn in the address gives no rating forms
		assertThat(page("/assistant/answers/" + entry + "?tenant=shinonomeno&turn=not-a-turn"))
			.doesNotContain("action=\"/assistant/feedback\"");
		mvc.perform(get("/assistant/answers/no-such-entry")).andExpect(status().isNotFound());
	}

	@Test
	void ratingIsAPostWithCsrfAndASecondVoteIsRefused() throws Exception {
		String turn = first(ask("住民票の写しを取りたいです。"), "name=\"turn\" value=\"([0-9a-f-]{36})\"");
		mvc.perform(post("/assistant/feedback").param("tenant", "shinonomeno").param("turn", turn).param("helpful", "true"))
			.andExpect(status().isForbidden());
		String thanks = mvc.perform(post("/assistant/feedback").with(csrf())
			.param("tenant", "shinonomeno")
			.param("turn", turn)
			.param("helpful", "true"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(thanks).contains("data-kind=\"FEEDBACK\"").contains("ご回答ありがとうございます");
		questionLog.flush();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM assistant_turn WHERE id = ?", Integer.class, turn))
			.isEqualTo(1);

		String again = mvc.perform(post("/assistant/feedback").with(csrf())
			.param("tenant", "shinonomeno")
			.param("turn", turn)
			.param("helpful", "false"))
			.andExpect(status().isConflict())
			.andReturn().getResponse().getContentAsString();
		assertThat(again).contains("role=\"alert\"").contains("この回答はすでに評価されています。");

		// "not helpful" on another answer: an apology, the topics and whom to call
		String other = first(ask("住民票の写しを取りたいです。"), "name=\"turn\" value=\"([0-9a-f-]{36})\"");
		String sorry = mvc.perform(post("/assistant/feedback").with(csrf())
			.param("tenant", "shinonomeno")
			.param("turn", other)
			.param("helpful", "false"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(sorry).contains("お役に立てず申し訳ありません").contains("/assistant/topics/WASTE").contains("tel:0432011000");

		mvc.perform(post("/assistant/feedback").with(csrf())
			.param("tenant", "shinonomeno")
			.param("turn", UUID.randomUUID().toString())
			.param("helpful", "true"))
			.andExpect(status().isNotFound());
	}

	@Test
	void noAnswerApologisesAndOffersTheTopicMenuWhoseListsPickWithoutATurn() throws Exception {
		String none = ask("xyzzy");
		assertThat(none).contains("data-kind=\"NONE\"")
			.contains("申し訳ありません")
			.contains("href=\"/assistant/topics/WASTE?tenant=shinonomeno\"")
			.contains("東雲野市の総合案内（電話 043-201-1000）")
			.contains("<a class=\"dads-link\" href=\"tel:0432011000\">043-201-1000</a>");

		String topic = page("/assistant/topics/WASTE?tenant=shinonomeno");
		assertThat(topic).contains("data-kind=\"CATEGORY\"").contains("action=\"/assistant/pick\"")
			.doesNotContain("name=\"turn\"");
		String entry = first(topic, "name=\"entry\" value=\"([a-z0-9-]+)\"");
		mvc.perform(post("/assistant/pick").with(csrf()).param("tenant", "shinonomeno").param("entry", entry))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/assistant/answers/" + entry + "?tenant=shinonomeno&turn=*"));

		mvc.perform(get("/assistant/topics/NOPE")).andExpect(status().isNotFound());
		mvc.perform(get("/assistant").param("tenant", "nowhere").param("q", "住民票")).andExpect(status().isNotFound());
		mvc.perform(get("/assistant").param("tenant", Tenant.STANDARD)).andExpect(status().isNotFound());
	}

	@Test
	void greetingsAndEmptyQuestionsAreAnsweredAndEnglishIsEnglish() throws Exception {
		assertThat(ask("こんにちは"))
			.contains("data-kind=\"SMALLTALK\"").contains("東雲野市の窓口アシスタントです");
		assertThat(ask("")).contains("data-kind=\"INVALID\"").contains("ご質問を入力してください");
		assertThat(ask("a".repeat(501))).contains("data-kind=\"INVALID\"").contains("500文字まで");

		String en = page("/assistant?lang=en&q=xyzzy");
		assertThat(en).contains("<html lang=\"en\"")
			.contains("Shinonome City Assistant")
			.contains("Sorry")
			.contains("Browse by topic");
	}

	@Test
	void theQuestionIsEchoedEscapedAndAnswerLinksAreOnlyHttp() throws Exception {
		String html = ask("<script>alert(1)</script>\"><img src=x onerror=alert(2)>");
		assertThat(html).doesNotContain("<script>alert(1)").doesNotContain("<img src=x")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");

		// a city's own answer with a web address, a javascript: "address" and markup
		String city = "t" + UUID.randomUUID().toString().substring(0, 8);
		tenants.createIfMissing(city, "北山町", "Kitayama Town", "0123-45-6789", "https://www.town.kitayama.example.jp/form",
				List.of());
		knowledge.save(city, new KnowledgeBase.Draft("kitayama-bus", "LIVING", "町営バスの時刻表はどこで見られますか",
				List.of(), "時刻表はhttps://www.town.kitayama.example.jp/bus.html?line=1をご覧ください。\n"
						+ "javascript:alert(3) <b>太字</b>",
				"https://www.town.kitayama.example.jp/bus", null, "企画課", "0123-45-0001", EntryStatus.PUBLISHED, null,
				null), 0, "test");
		String answer = ask(city, "町営バスの時刻表はどこで見られますか");
		assertThat(answer).contains("北山町 窓口アシスタント")
			.contains("時刻表は<a class=\"dads-link\" href=\"https://www.town.kitayama.example.jp/bus.html?line=1\">"
					+ "https://www.town.kitayama.example.jp/bus.html?line=1</a>をご覧ください。<br>javascript:alert(3) "
					+ "&lt;b&gt;太字&lt;/b&gt;")
			.doesNotContain("href=\"javascript:")
			.contains("href=\"tel:0123450001\"")
			.contains("name=\"tenant\" value=\"" + city + "\"")
			.doesNotContain("オンラインで申請する</a>");
		assertThat(ask(city, "xyzzy"))
			.contains("href=\"https://www.town.kitayama.example.jp/form\"");
	}
}
