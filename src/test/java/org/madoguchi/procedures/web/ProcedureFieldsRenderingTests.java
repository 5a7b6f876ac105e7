package org.madoguchi.procedures.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.madoguchi.procedures.AnswerFormatter;
import org.madoguchi.procedures.Answers;
import org.madoguchi.procedures.AttachmentView;
import org.madoguchi.procedures.EveryFieldDefinition;
import org.madoguchi.procedures.HouseholdMember;
import org.madoguchi.procedures.ProcedureDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Renders one page holding every field type through the real template engine (test page
 * {@code templates/procedures-test/page.html}) and checks the markup contract of the helper brief:
 * names, ids, labels, hints and errors wired by aria-describedby, 和暦 dates, escaping.
 */
@SpringBootTest
class ProcedureFieldsRenderingTests {

	/** FOR TESTS ONLY: the admin controller needs a catalog and publisher in the context. */
	@TestConfiguration
	static class TestProcedureStore {

		@Bean
		@Primary
		InMemoryProcedures inMemoryProcedures() {
			return new InMemoryProcedures();
		}
	}

	@Autowired
	SpringTemplateEngine engine;

	@Autowired
	ApplicationContext context;

	@Autowired
	AnswerFormatter formatter;

	final ProcedureDefinition definition = EveryFieldDefinition.parse();

	static final List<HouseholdMember> MEMBERS = List.of(new HouseholdMember("000000000011", "東雲 太郎", "1975-04-01"),
			new HouseholdMember("000000000029", "東雲 花子", "2019-05-01"));

	static Answers answers() {
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("fullName", "東雲 \"太郎\"");
		a.put("birthDate", "1975-04-01");
		a.put("purpose", "work");
		a.put("scope", "some");
		a.put("members", List.of(Map.of("atenaNumber", "000000000029", "name", "東雲 花子", "birthDate", "2019-05-01")));
		a.put("items", List.of("myNumber"));
		a.put("agree", List.of("yes"));
		a.put("address", Map.of("postalCode", "279-0001", "address", "千葉県東雲野市中央一丁目1番1号"));
		a.put("account", Map.of("bankCode", "0001", "accountType", "SAVINGS", "accountNumber", "1234567"));
		a.put("document", List.of("att-1"));
		return Answers.of(a);
	}

	String render(Locale locale, Answers answers, Map<String, List<String>> raw, Map<String, String> errors) {
		Context ctx = new Context(locale);
		ctx.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(context, null));
		ctx.setVariable("page", definition.pages().get(0));
		ctx.setVariable("answers", answers);
		ctx.setVariable("raw", raw);
		ctx.setVariable("errors", errors);
		ctx.setVariable("members", MEMBERS);
		ctx.setVariable("attachments",
				Map.of("document", List.of(new AttachmentView("att-1", "menkyo<1>.pdf", 1_572_864, "PDF"))));
		ctx.setVariable("sections", formatter.sections(definition, answers, locale));
		return engine.process("procedures-test/page", ctx);
	}

	/** The start tag of the element with this id. */
	static String tag(String html, String id) {
		Matcher m = Pattern.compile("<[a-z]+\\s[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
		assertThat(m.find()).as("element #" + id).isTrue();
		String found = m.group();
		assertThat(m.find()).as("only one element #" + id).isFalse();
		return found;
	}

	/** The text of the element with this id (up to its closing tag). */
	static String text(String html, String id) {
		Matcher m = Pattern.compile("\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</(p|label|legend)>", Pattern.DOTALL)
			.matcher(html);
		assertThat(m.find()).as("element #" + id).isTrue();
		return m.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
	}

	@Test
	void everyFieldTypeRendersWithTheAgreedNamesIdsAndAccessibleDescriptions() {
		String html = render(Locale.JAPANESE, answers(), Map.of("f.copies", List.of("二通")),
				Map.of("fullName", "氏名を入力してください", "birthDate", "日付が正しくありません"));

		// TEXT: label, required marker, hint with length, error, described-by both, autocomplete, escaped value
		assertThat(tag(html, "f-fullName")).contains("name=\"f.fullName\"").contains("type=\"text\"")
			.contains("autocomplete=\"name\"").contains("aria-describedby=\"f-fullName-hint f-fullName-error\"")
			.contains("aria-invalid=\"true\"").contains("aria-required=\"true\"")
			.contains("value=\"東雲 &quot;太郎&quot;\"");
		assertThat(html).containsPattern("<label class=\"dads-label\" for=\"f-fullName\">\\s*<span>氏名&lt;script&gt;alert\\(1\\)&lt;/script&gt;</span>\\s*<span class=\"dads-label__required\">※必須</span>");
		assertThat(html).doesNotContain("<script>");
		assertThat(text(html, "f-fullName-hint")).isEqualTo("住民票のとおりに書いてください 50文字以内で入力してください。");
		assertThat(text(html, "f-fullName-error")).isEqualTo("氏名を入力してください");

		// KATAKANA, TEXTAREA: hint with limits only, not invalid
		assertThat(tag(html, "f-kana")).contains("name=\"f.kana\"").contains("aria-describedby=\"f-kana-hint\"")
			.contains("aria-invalid=\"false\"").doesNotContain("aria-required");
		assertThat(text(html, "f-kana-hint")).isEqualTo("全角カタカナで、40文字以内で入力してください。");
		assertThat(tag(html, "f-note")).startsWith("<textarea").contains("name=\"f.note\"");
		assertThat(text(html, "f-note-hint")).isEqualTo("2,000文字以内で入力してください。");

		// NUMBER: numeric keypad, raw text kept when it failed conversion
		assertThat(tag(html, "f-copies")).contains("inputmode=\"numeric\"").contains("value=\"二通\"")
			.contains("name=\"f.copies\"");
		assertThat(text(html, "f-copies-hint")).isEqualTo("1から10までの数字を入力してください。");

		// DATE: fieldset with legend, era select preselected from the ISO answer (1975-04-01 = 昭和50年)
		assertThat(tag(html, "f-birthDate")).startsWith("<fieldset")
			.contains("aria-describedby=\"f-birthDate-hint f-birthDate-error\"");
		assertThat(html).containsPattern("<fieldset[^>]*id=\"f-birthDate\"[^>]*>\\s*<legend class=\"dads-legend\">\\s*<span>生年月日</span>");
		assertThat(tag(html, "f-birthDate-era")).startsWith("<select").contains("name=\"f.birthDate.era\"")
			.contains("aria-invalid=\"true\"");
		assertThat(html).containsPattern("<option value=\"S\" selected=\"selected\">昭和</option>")
			.doesNotContainPattern("<option value=\"R\" selected");
		assertThat(tag(html, "f-birthDate-year")).contains("name=\"f.birthDate.year\"").contains("value=\"50\"")
			.contains("inputmode=\"numeric\"");
		assertThat(tag(html, "f-birthDate-month")).contains("value=\"4\"").contains("autocomplete=\"bday-month\"");
		assertThat(tag(html, "f-birthDate-day")).contains("value=\"1\"").contains("autocomplete=\"bday-day\"");
		assertThat(html).contains("<label class=\"dads-date-group__label\" for=\"f-birthDate-year\">年</label>");

		// SELECT and RADIO
		assertThat(tag(html, "f-purpose")).startsWith("<select").contains("name=\"f.purpose\"");
		assertThat(html).contains("<option value=\"work\" selected=\"selected\">勤務先へ提出</option>");
		assertThat(tag(html, "f-scope")).contains("type=\"radio\"").contains("value=\"whole\"").doesNotContain("checked");
		assertThat(tag(html, "f-scope-2")).contains("value=\"some\"").contains("checked=\"checked\"")
			.contains("name=\"f.scope\"");

		// HOUSEHOLD_MEMBER: shown because its condition is on this page, with the note; members by 宛名番号
		assertThat(text(html, "f-members-hint")).isEqualTo("「記載する人」が「世帯の一部」のときに回答してください。 5人まで選べます。");
		assertThat(tag(html, "f-members")).contains("type=\"checkbox\"").contains("name=\"f.members\"")
			.contains("value=\"000000000011\"").doesNotContain("checked");
		assertThat(tag(html, "f-members-2")).contains("value=\"000000000029\"").contains("checked=\"checked\"");
		assertThat(html).contains("東雲 花子（令和元年5月1日生まれ）");

		// CHECKBOX with options, and a single yes/no box labelled by the field
		assertThat(tag(html, "f-items")).contains("value=\"honseki\"").doesNotContain("checked");
		assertThat(tag(html, "f-items-2")).contains("value=\"myNumber\"").contains("checked=\"checked\"");
		assertThat(tag(html, "f-agree")).contains("name=\"f.agree\"").contains("value=\"yes\"")
			.contains("checked=\"checked\"");

		// ADDRESS parts
		assertThat(tag(html, "f-address")).startsWith("<fieldset");
		assertThat(tag(html, "f-address-postalCode")).contains("name=\"f.address.postalCode\"")
			.contains("value=\"279-0001\"").contains("autocomplete=\"postal-code\"").contains("inputmode=\"numeric\"");
		assertThat(tag(html, "f-address-address")).contains("autocomplete=\"street-address\"")
			.contains("value=\"千葉県東雲野市中央一丁目1番1号\"");
		assertThat(tag(html, "f-address-building")).contains("name=\"f.address.building\"").contains("value=\"\"");

		// PHONE, EMAIL
		assertThat(tag(html, "f-phone")).contains("type=\"tel\"").contains("autocomplete=\"tel\"")
			.contains("inputmode=\"tel\"");
		assertThat(tag(html, "f-email")).contains("type=\"email\"").contains("autocomplete=\"email\"");

		// BANK_ACCOUNT parts
		assertThat(tag(html, "f-account")).startsWith("<fieldset");
		assertThat(tag(html, "f-account-bankCode")).contains("name=\"f.account.bankCode\"").contains("value=\"0001\"")
			.contains("inputmode=\"numeric\"");
		assertThat(tag(html, "f-account-accountNumber")).contains("value=\"1234567\"");
		assertThat(tag(html, "f-account-holderKana")).contains("name=\"f.account.holderKana\"");
		assertThat(html).contains("<option value=\"SAVINGS\" selected=\"selected\">貯蓄</option>");

		// FILE: input with accept, limits in the hint, the uploaded file with its remove button
		assertThat(tag(html, "f-document")).contains("type=\"file\"").contains("name=\"file.document\"")
			.contains("accept=\".pdf,application/pdf,.png,image/png\"").contains("aria-describedby=\"f-document-hint\"")
			.doesNotContain("disabled");
		assertThat(text(html, "f-document-hint")).contains("PDF・PNGのファイル、5 MBまで。").contains("2件まで")
			.contains("原本");
		assertThat(html).contains("menkyo&lt;1&gt;.pdf").contains("1.5 MB");
		assertThat(html).containsPattern("<button[^>]*name=\"removeAttachment\"[^>]*value=\"att-1\"[^>]*formnovalidate");

		// the answer summary fragment escapes too
		assertThat(html).contains("<dt>氏名&lt;script&gt;alert(1)&lt;/script&gt;</dt>").contains("<dd>昭和50年4月1日</dd>");
	}

	@Test
	void emptyAnswersGiveEmptyInputsAndEnglishUsesTheWesternYear() {
		String empty = render(Locale.JAPANESE, Answers.empty(), Map.of(), Map.of());
		assertThat(tag(empty, "f-fullName")).contains("value=\"\"").contains("aria-describedby=\"f-fullName-hint\"")
			.contains("aria-invalid=\"false\"");
		assertThat(empty).contains("<option value=\"\">元号を選択</option>").doesNotContain("selected=\"selected\"");
		assertThat(empty).doesNotContain("f-fullName-error").doesNotContain("removeAttachment=");

		String en = render(Locale.ENGLISH, answers(), Map.of(), Map.of());
		assertThat(en).contains("<option value=\"W\" selected=\"selected\">Western year</option>");
		assertThat(tag(en, "f-birthDate-year")).contains("value=\"1975\"");
		assertThat(en).contains("<span>Date of birth</span>").contains("<span class=\"dads-label__required\">Required</span>")
			.contains("Answer this only when “Who it lists” is “Some members”.");
	}

	@Test
	void aFieldHiddenByAnAnswerOnAnEarlierPageIsNotRendered() {
		Context ctx = new Context(Locale.JAPANESE);
		ctx.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(context, null));
		ctx.setVariable("page", definition.page("third").orElseThrow());
		ctx.setVariable("answers", Answers.empty());
		String hidden = engine.process("procedures-test/page", ctx);
		assertThat(hidden).doesNotContain("f-copyNote");
		ctx.setVariable("answers", Answers.empty().with("copies", "2"));
		assertThat(engine.process("procedures-test/page", ctx)).contains("id=\"f-copyNote\"");
	}
}
