package org.madoguchi.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The knowledge-base staff pages over real request handling, security, database and search index: editing with
 * preview, optimistic locking, history and restore, overriding and reverting a standard entry, CSV export and
 * all-or-nothing import, tenant settings, and who may open what. Changes go to a new tenant per test.
 */
@SpringBootTest
@AutoConfigureMockMvc
class KnowledgeBaseWebTests {

	private static final UserRequestPostProcessor ADMIN = user("kanri").roles("ADMIN");

	private static final UserRequestPostProcessor CONTENT = user("koho").roles("CONTENT");

	@Autowired
	MockMvc mvc;

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	Tenants tenants;

	private String newCity() {
		String id = "w" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(tenants.createIfMissing(id, "南浜町", "Minamihama Town", "0123-45-6789", null, List.of())).isTrue();
		return id;
	}

	private static MockHttpServletRequestBuilder entryForm(String url, String tenant, Map<String, String> fields) {
		MockHttpServletRequestBuilder b = post(url).with(csrf()).with(ADMIN).param("tenant", tenant);
		fields.forEach(b::param);
		return b;
	}

	private static Map<String, String> fields(String id, String question, String answer, String expectedVersion) {
		Map<String, String> m = new java.util.LinkedHashMap<>();
		m.put("id", id);
		m.put("category", "WASTE");
		m.put("question", question);
		m.put("alternatives", "粗大ごみの出し方\r\n大きなごみを捨てたい\n");
		m.put("answer", answer);
		m.put("url", "https://www.town.example.jp/sodai");
		m.put("procedure", "");
		m.put("department", "環境課");
		m.put("phone", "0123-45-1111");
		m.put("status", "PUBLISHED");
		m.put("validFrom", "");
		m.put("validUntil", "");
		m.put("expectedVersion", expectedVersion);
		return m;
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void staffCreateEditSeeHistoryAndRestoreAVersion() throws Exception {
		String city = newCity();
		String prefilled = page(get("/staff/assistant/entries/new").param("tenant", city)
			.param("question", "粗大ごみはどう出しますか").param("category", "WASTE").with(ADMIN));
		assertThat(prefilled).contains("value=\"粗大ごみはどう出しますか\"").contains("<option value=\"WASTE\" selected");

		mvc.perform(entryForm("/staff/assistant/entries/new", city,
				fields("sodai", "粗大ごみはどう出しますか", "電話で申し込んでください。\n収集は月1回です。", "0")).param("action", "save"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/staff/assistant/entries/sodai?tenant=" + city))
			.andExpect(flash().attribute("notice", "保存しました（第1版）。"));
		StoredEntry v1 = knowledge.find(city, "sodai").orElseThrow();
		assertThat(v1.version()).isEqualTo(1);
		assertThat(v1.entry().alternatives()).containsExactly("粗大ごみの出し方", "大きなごみを捨てたい");
		assertThat(v1.updatedBy()).isEqualTo("kanri");

		String edit = page(get("/staff/assistant/entries/sodai").param("tenant", city).with(ADMIN));
		assertThat(edit).contains("粗大ごみの出し方\n大きなごみを捨てたい").contains("name=\"expectedVersion\" value=\"1\"")
			.contains("独自");

		mvc.perform(entryForm("/staff/assistant/entries/sodai", city,
				fields("ignored", "粗大ごみはどう出しますか", "インターネットでも申し込めます。", "1")).param("action", "save"))
			.andExpect(redirectedUrl("/staff/assistant/entries/sodai?tenant=" + city));
		assertThat(knowledge.find(city, "sodai").orElseThrow().version()).isEqualTo(2);

		// someone saved version 2 meanwhile: told so, and what was typed is still there
		String stale = page(entryForm("/staff/assistant/entries/sodai", city,
				fields("sodai", "粗大ごみはどう出しますか", "私の古い編集です。", "1")).param("action", "save"));
		assertThat(stale).contains("ほかの職員が先に更新しました").contains("私の古い編集です。");
		assertThat(knowledge.find(city, "sodai").orElseThrow().entry().answer()).isEqualTo("インターネットでも申し込めます。");

		String history = page(get("/staff/assistant/entries/sodai/history").param("tenant", city).with(ADMIN));
		assertThat(history).contains("第2版").contains("第1版").contains("kanri");
		String shown = page(get("/staff/assistant/entries/sodai/history").param("tenant", city).param("version", "1")
			.with(ADMIN));
		assertThat(shown).contains("電話で申し込んでください。").contains("この版に戻す");

		mvc.perform(post("/staff/assistant/entries/sodai/restore").with(csrf()).with(ADMIN).param("tenant", city)
			.param("version", "1").param("expectedVersion", "2"))
			.andExpect(redirectedUrl("/staff/assistant/entries/sodai?tenant=" + city))
			.andExpect(flash().attribute("notice", "第1版の内容を第3版として保存しました。"));
		StoredEntry v3 = knowledge.find(city, "sodai").orElseThrow();
		assertThat(v3.version()).isEqualTo(3);
		assertThat(v3.entry().answer()).isEqualTo("電話で申し込んでください。\n収集は月1回です。");
		assertThat(knowledge.history(city, "sodai")).extracting(StoredEntry::version).containsExactly(3, 2, 1);

		// a restore from a stale page saves nothing
		mvc.perform(post("/staff/assistant/entries/sodai/restore").with(csrf()).with(ADMIN).param("tenant", city)
			.param("version", "2").param("expectedVersion", "2"))
			.andExpect(redirectedUrl("/staff/assistant/entries/sodai/history?tenant=" + city))
			.andExpect(flash().attribute("conflict", org.hamcrest.Matchers.containsString("ほかの職員が先に更新しました")));
		assertThat(knowledge.find(city, "sodai").orElseThrow().version()).isEqualTo(3);
	}

	@Test
	void previewShowsTheAnswerAsResidentsSeeItAndWhichEntryAnswersEachWordingNow() throws Exception {
		String city = newCity();
		StoredEntry standard = knowledge.find(city, "waste-001").orElseThrow();
		Map<String, String> f = fields("sodai", standard.entry().question(), "1行目\n2行目", "0");
		f.put("procedure", "juminhyo-copy");
		String preview = page(entryForm("/staff/assistant/entries/new", city, f).param("action", "preview"));
		assertThat(preview).contains("住民に表示される回答").contains("オンラインで申請する")
			.contains("href=\"/portal/procedures/juminhyo-copy\"").contains("担当：環境課")
			.contains("href=\"tel:0123-45-1111\"").contains("href=\"https://www.town.example.jp/sodai\"")
			.contains("class=\"mg-pre-line\">1行目\n2行目</p>");
		// the question is word for word the standard entry's: that entry answers it today
		assertThat(preview).contains("完全一致で回答").contains("/staff/assistant/entries/waste-001?tenant=" + city)
			.contains("ほかのQ&amp;Aが答えています");
		assertThat(knowledge.find(city, "sodai")).isEmpty();
	}

	@Test
	void errorsAreListedPerFieldWithTheInputKeptAndEverythingTypedIsEscaped() throws Exception {
		String city = newCity();
		Map<String, String> f = fields("xss", "<script>alert(1)</script>ごみ", "", "0");
		f.put("phone", "電話してね");
		f.put("validFrom", "2026-13-40");
		String page = page(entryForm("/staff/assistant/entries/new", city, f).param("action", "save"));
		assertThat(page).contains("入力内容に 3 件の問題があります").contains("href=\"#phone\"")
			.contains("電話番号：電話番号は半角数字とハイフンで入力してください")
			.containsSubsequence("href=\"#answer\"", "href=\"#phone\"", "href=\"#validFrom\"").contains("回答：回答を2,000文字以内で入力してください")
			.contains("掲載開始日：日付は年-月-日").contains("value=\"電話してね\"")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;ごみ").doesNotContain("<script>alert(1)");
		assertThat(knowledge.find(city, "xss")).isEmpty();

		// saved content with markup is shown as text on the list, the edit page and the preview
		f = fields("xss", "<script>alert(1)</script>ごみ", "<script>alert(2)</script>回答", "0");
		mvc.perform(entryForm("/staff/assistant/entries/new", city, f).param("action", "save"))
			.andExpect(status().is3xxRedirection());
		String list = page(get("/staff/assistant/entries").param("tenant", city).param("q", "ＳＣＲＩＰＴ").with(ADMIN));
		assertThat(list).contains("1件").contains("&lt;script&gt;alert(1)&lt;/script&gt;ごみ").doesNotContain("<script>alert");
		String edit = page(get("/staff/assistant/entries/xss").param("tenant", city).with(ADMIN));
		assertThat(edit).contains("&lt;script&gt;alert(2)&lt;/script&gt;回答").doesNotContain("<script>alert");
		f.put("expectedVersion", "1");
		String preview = page(entryForm("/staff/assistant/entries/xss", city, f).param("action", "preview"));
		assertThat(preview).contains("住民に表示される回答").doesNotContain("<script>alert");

		// an id taken or reserved is refused
		String taken = page(entryForm("/staff/assistant/entries/new", city, fields("waste-001", "質問", "回答", "0"))
			.param("action", "save"));
		assertThat(taken).contains("番号「waste-001」はすでに使われています");
	}

	@Test
	void aCityOverridesAStandardEntryAndRevertsToIt() throws Exception {
		String city = newCity();
		StoredEntry standard = knowledge.find(city, "waste-001").orElseThrow();
		String page = page(get("/staff/assistant/entries/waste-001").param("tenant", city).with(ADMIN));
		assertThat(page).contains("標準Q&amp;Aを上書きします").doesNotContain("標準に戻す");

		Map<String, String> f = fields("waste-001", standard.entry().question(), "南浜町では月曜です。",
				String.valueOf(standard.version()));
		mvc.perform(entryForm("/staff/assistant/entries/waste-001", city, f).param("action", "save"))
			.andExpect(status().is3xxRedirection());
		StoredEntry override = knowledge.find(city, "waste-001").orElseThrow();
		assertThat(override.tenant()).isEqualTo(city);
		assertThat(knowledge.find(Tenant.STANDARD, "waste-001").orElseThrow().entry().answer())
			.isEqualTo(standard.entry().answer());
		String overridden = page(get("/staff/assistant/entries").param("tenant", city).param("origin", "OVERRIDE")
			.with(ADMIN));
		assertThat(overridden).contains("1件").contains("waste-001");
		page = page(get("/staff/assistant/entries/waste-001").param("tenant", city).with(ADMIN));
		assertThat(page).contains("この市で上書きしたQ&amp;Aです").contains("標準に戻す");

		// a stale revert is refused
		mvc.perform(post("/staff/assistant/entries/waste-001/revert").with(csrf()).with(ADMIN).param("tenant", city)
			.param("expectedVersion", "7"))
			.andExpect(flash().attribute("conflict", org.hamcrest.Matchers.containsString("ほかの職員が先に更新しました")));
		mvc.perform(post("/staff/assistant/entries/waste-001/revert").with(csrf()).with(ADMIN).param("tenant", city)
			.param("expectedVersion", String.valueOf(override.version())))
			.andExpect(redirectedUrl("/staff/assistant/entries/waste-001?tenant=" + city))
			.andExpect(flash().attribute("notice", "標準Q&Aに戻しました。"));
		assertThat(knowledge.find(city, "waste-001").orElseThrow().standard()).isTrue();
		String history = page(get("/staff/assistant/entries/waste-001/history").param("tenant", city).with(ADMIN));
		assertThat(history).contains("標準に戻した").contains("標準Q&amp;Aの版");

		// overriding again continues the city's numbering
		mvc.perform(entryForm("/staff/assistant/entries/waste-001", city, f).param("action", "save"))
			.andExpect(flash().attribute("notice", "保存しました（第3版）。"));
		assertThat(knowledge.versions(city, "waste-001")).extracting(StoredEntry::version).containsExactly(3, 2, 1);

		// an entry of the city's own is not an override
		mvc.perform(entryForm("/staff/assistant/entries/new", city, fields("own-1", "独自の質問", "独自の回答", "0"))
			.param("action", "save")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/staff/assistant/entries/own-1/revert").with(csrf()).with(ADMIN).param("tenant", city)
			.param("expectedVersion", "1"))
			.andExpect(flash().attribute("conflict", org.hamcrest.Matchers.containsString("標準Q&Aの上書きではない")));
		assertThat(knowledge.find(city, "own-1")).isPresent();
	}

	private byte[] export(String city) throws Exception {
		return mvc.perform(get("/staff/assistant/entries.csv").param("tenant", city).with(ADMIN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private static List<CSVRecord> records(byte[] csv) throws Exception {
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFid,category,status,question,alternatives,answer,url,procedure,department,"
				+ "phone,valid_from,valid_until,origin,version\r\n");
		return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(text.substring(1))).getRecords();
	}

	private static byte[] csv(List<CSVRecord> records, java.util.function.UnaryOperator<List<String>> change)
			throws Exception {
		StringBuilder out = new StringBuilder("\uFEFF");
		CSVPrinter p = CSVFormat.RFC4180.builder().setHeader(KnowledgeBaseCsv.COLUMNS.toArray(String[]::new)).get()
			.print(out);
		for (CSVRecord r : records) {
			p.printRecord(change.apply(new ArrayList<>(r.toList())));
		}
		p.flush();
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private org.springframework.test.web.servlet.ResultActions upload(String city, byte[] bytes) throws Exception {
		return mvc.perform(multipart("/staff/assistant/entries/import")
			.file(new MockMultipartFile("file", "entries.csv", "text/csv", bytes))
			.param("tenant", city)
			.with(csrf())
			.with(ADMIN));
	}

	@Test
	void csvRoundTripImportsOnlyChangesAllOrNothing() throws Exception {
		String city = newCity();
		// an answer a spreadsheet would run as a formula
		mvc.perform(entryForm("/staff/assistant/entries/new", city, fields("formula", "数式の質問", "=HYPERLINK(\"x\")", "0"))
			.param("action", "save")).andExpect(status().is3xxRedirection());
		List<CSVRecord> records = records(export(city));
		int total = knowledge.entries(city).size();
		assertThat(records).hasSize(total);
		CSVRecord formula = records.stream().filter(r -> r.get("id").equals("formula")).findFirst().orElseThrow();
		assertThat(formula.get("answer")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(formula.get("origin")).isEqualTo("OWN");
		assertThat(formula.get("alternatives")).isEqualTo("粗大ごみの出し方\n大きなごみを捨てたい");

		// the file as exported changes nothing
		upload(city, csv(records, r -> r)).andExpect(flash().attribute("notice",
				"取り込みました：追加 0件、更新 0件、変更なし " + total + "件。"));
		assertThat(knowledge.find(city, "formula").orElseThrow().version()).isEqualTo(1);
		assertThat(knowledge.find(city, "waste-001").orElseThrow().standard()).isTrue();

		// one changed row (CRLF inside the cell, as spreadsheets write it) and one new row
		byte[] changed = csv(records, r -> {
			if (r.get(0).equals("waste-002")) {
				r.set(5, "南浜町の回答です。\r\n2行目");
			}
			return r;
		});
		String added = "\r\nnew-1,TAX,公開,新しい質問,,新しい回答,,,税務課,0123-45-2222,2026-04-01,,,\r\n";
		byte[] withNew = (new String(changed, StandardCharsets.UTF_8).stripTrailing() + added).getBytes(StandardCharsets.UTF_8);
		upload(city, withNew).andExpect(flash().attribute("notice",
				"取り込みました：追加 1件、更新 1件、変更なし " + (total - 1) + "件。"));
		StoredEntry override = knowledge.find(city, "waste-002").orElseThrow();
		assertThat(override.tenant()).isEqualTo(city);
		assertThat(override.entry().answer()).isEqualTo("南浜町の回答です。\n2行目");
		assertThat(knowledge.find(city, "new-1").orElseThrow().validFrom()).hasToString("2026-04-01");

		// a bad row: nothing is saved, and the problem names its row and field
		byte[] bad = csv(records(export(city)), r -> {
			if (r.get(0).equals("formula")) {
				r.set(5, "変えた回答");
			}
			if (r.get(0).equals("waste-003")) {
				r.set(9, "でんわ");
			}
			return r;
		});
		List<CSVRecord> now = records(export(city));
		int badLine = 2 + now.stream().map(r -> r.get("id")).toList().indexOf("waste-003");
		String problems = upload(city, bad).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(problems).contains("何も保存していません").contains("行 " + badLine + "・電話番号：電話番号は半角数字");
		assertThat(knowledge.find(city, "formula").orElseThrow().entry().answer()).isEqualTo("=HYPERLINK(\"x\")");
	}

	@Test
	void csvImportRefusesWhatItCannotTakeClearly() throws Exception {
		String city = newCity();
		byte[] big = new byte[(int) KnowledgeBaseCsv.MAX_BYTES + 1];
		java.util.Arrays.fill(big, (byte) 'a');
		assertThat(upload(city, big).andReturn().getResponse().getContentAsString())
			.contains("ファイルが大きすぎます（5 MB まで）");

		StringBuilder many = new StringBuilder("id,category,status,question,answer,department,phone\n");
		for (int i = 0; i <= KnowledgeBaseCsv.MAX_ROWS; i++) {
			many.append("m-").append(i).append(",TAX,DRAFT,質問").append(i).append(",回答,税務課,0123-45-0000\n");
		}
		assertThat(upload(city, many.toString().getBytes(StandardCharsets.UTF_8)).andReturn().getResponse()
			.getContentAsString()).contains("行が多すぎます（5,000行まで）").contains("何も保存していません");
		assertThat(knowledge.find(city, "m-1")).isEmpty();

		assertThat(upload(city, "id,category,colour\nx,TAX,red\n".getBytes(StandardCharsets.UTF_8)).andReturn()
			.getResponse().getContentAsString()).contains("「colour」という列は使えません").contains("必須の列「answer」がありません");
		assertThat(upload(city, "\uFEFFid,category,status,question,answer,department,phone\r\n".getBytes(StandardCharsets.UTF_8)).andReturn()
			.getResponse().getContentAsString()).contains("データの行がありません");
		assertThat(upload(city, "id,category,status,question,answer,department,phone\nx,TAX,DRAFT,質問,回答,課,0123-45-0000\n"
			.getBytes(java.nio.charset.Charset.forName("Shift_JIS"))).andReturn().getResponse().getContentAsString())
			.contains("文字コードが UTF-8 ではありません");
	}

	@Test
	void faqEditorsWorkOnTheirCityOnlyAndNeverOnSettings() throws Exception {
		String city = newCity();
		assertThat(page(get("/staff/assistant/entries").param("category", "WASTE").with(CONTENT))).contains("対象：東雲野市").contains("waste-001")
			.doesNotContain("id=\"tenant-choice\"");
		mvc.perform(get("/staff/assistant/entries").param("tenant", city).with(CONTENT)).andExpect(status().isForbidden());
		mvc.perform(get("/staff/assistant/entries").param("tenant", "standard").with(CONTENT))
			.andExpect(status().isForbidden());
		mvc.perform(get("/staff/assistant/entries/waste-001").param("tenant", city).with(CONTENT))
			.andExpect(status().isForbidden());
		mvc.perform(get("/staff/assistant/entries.csv").param("tenant", city).with(CONTENT))
			.andExpect(status().isForbidden());
		mvc.perform(get("/staff/assistant/settings").with(CONTENT)).andExpect(status().isForbidden());
		mvc.perform(post("/staff/assistant/settings").with(csrf()).with(CONTENT).param("nameJa", "乗っ取り"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/staff/assistant/entries").with(user("c").roles("COUNTER"))).andExpect(status().isForbidden());
		// without the CSRF token nothing is saved
		mvc.perform(post("/staff/assistant/entries/new").with(ADMIN).param("tenant", city).param("id", "x"))
			.andExpect(status().isForbidden());
		// administrators choose the tenant, the standard set included
		assertThat(page(get("/staff/assistant/entries").param("tenant", "standard").with(ADMIN)))
			.contains("id=\"tenant-choice\"").contains("標準Q&amp;A（全自治体共通）");
		assertThat(page(get("/staff/assistant/entries/waste-001").param("tenant", city).param("lang", "en").with(ADMIN)))
			.contains("This overrides a standard Q&amp;A").contains("Preview").doesNotContain("??");
	}

	@Test
	void administratorsChangeACitysSettingsAndAddCities() throws Exception {
		String city = newCity();
		assertThat(page(get("/staff/assistant/settings").param("tenant", city).with(ADMIN))).contains("value=\"南浜町\"");
		String bad = page(post("/staff/assistant/settings").with(csrf()).with(ADMIN).param("tenant", city)
			.param("nameJa", "南浜町").param("nameEn", "Minamihama").param("contactPhone", "0123-45-6789")
			.param("contactUrl", "").param("allowedOrigins", "https://ok.example.jp\njavascript:alert(1)"));
		assertThat(bad).contains("href=\"#allowedOrigins\"").contains("サイトのオリジンとして正しくありません")
			.contains("https://ok.example.jp\njavascript:alert(1)</textarea>");
		mvc.perform(post("/staff/assistant/settings").with(csrf()).with(ADMIN).param("tenant", city)
			.param("nameJa", "新南浜町").param("nameEn", "New Minamihama").param("contactPhone", "0123-45-0000")
			.param("contactUrl", "https://www.town.example.jp/contact")
			.param("allowedOrigins", "https://www.town.example.jp/\nhttps://WWW.TOWN.EXAMPLE.JP"))
			.andExpect(redirectedUrl("/staff/assistant/settings?tenant=" + city));
		Tenant t = tenants.find(city).orElseThrow();
		assertThat(t.nameJa()).isEqualTo("新南浜町");
		assertThat(t.allowedOrigins()).containsExactly("https://www.town.example.jp");

		String id = "n" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/staff/assistant/settings/tenants").with(csrf()).with(ADMIN).param("tenant", city)
			.param("id", id).param("nameJa", "北浜村").param("nameEn", "Kitahama").param("contactPhone", "0123-00-0000"))
			.andExpect(redirectedUrl("/staff/assistant/settings?tenant=" + id));
		assertThat(tenants.find(id)).isPresent();
		String again = page(post("/staff/assistant/settings/tenants").with(csrf()).with(ADMIN).param("tenant", city)
			.param("id", id).param("nameJa", "北浜村").param("nameEn", "Kitahama").param("contactPhone", "0123-00-0000"));
		assertThat(again).contains("自治体ID「" + id + "」はすでにあります").contains("href=\"#new-id\"");
	}
}
