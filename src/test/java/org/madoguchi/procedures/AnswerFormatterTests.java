package org.madoguchi.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** How answers read on the check-your-answers page, the staff screen, CSV and email. */
class AnswerFormatterTests {

	static final Locale JA = Locale.JAPANESE;
	static final Locale EN = Locale.ENGLISH;

	final AnswerFormatter formatter = new AnswerFormatter(messages());
	final ProcedureDefinition definition = EveryFieldDefinition.parse();

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource m = new ResourceBundleMessageSource();
		m.setBasenames("messages", "messages/procedures-ui");
		m.setDefaultEncoding("UTF-8");
		m.setFallbackToSystemLocale(false);
		m.setAlwaysUseMessageFormat(true);
		return m;
	}

	static Answers full() {
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("fullName", "東雲 太郎");
		a.put("note", "一行目\n二行目");
		a.put("copies", "2");
		a.put("birthDate", "2026-11-26");
		a.put("purpose", "work");
		a.put("scope", "some");
		a.put("members", List.of(Map.of("atenaNumber", "000000000011", "name", "東雲 太郎", "birthDate", "1975-04-01"),
				Map.of("atenaNumber", "000000000029", "name", "東雲 花子", "birthDate", "2019-05-01")));
		a.put("items", List.of("honseki", "myNumber"));
		a.put("agree", List.of("yes"));
		a.put("address", Map.of("postalCode", "2790001", "address", "千葉県東雲野市中央一丁目1番1号", "building", "東雲ハイツ101"));
		a.put("account", Map.of("bankCode", "0001", "bankName", "東雲銀行", "branchCode", "123", "branchName", "中央支店",
				"accountType", "ORDINARY", "accountNumber", "1234567", "holderKana", "シノノメ タロウ"));
		a.put("document", List.of("att-1", "att-2"));
		a.put("otherPurpose", "stale answer of a hidden page");
		return Answers.of(a);
	}

	static String value(List<AnswerSection> sections, String fieldId) {
		return sections.stream()
			.flatMap(s -> s.lines().stream())
			.filter(l -> l.fieldId().equals(fieldId))
			.map(AnswerLine::displayValue)
			.findFirst()
			.orElse(null);
	}

	@Test
	void datesAreShownInTheJapaneseEraInJapaneseAndSpelledOutInEnglish() {
		assertThat(value(formatter.sections(definition, full(), JA), "birthDate")).isEqualTo("令和8年11月26日");
		assertThat(value(formatter.sections(definition, full(), EN), "birthDate")).isEqualTo("26 November 2026");
		assertThat(JapaneseDates.format(LocalDate.of(2019, 5, 1), JA)).isEqualTo("令和元年5月1日");
		assertThat(JapaneseDates.format(LocalDate.of(2019, 4, 30), JA)).isEqualTo("平成31年4月30日");
		assertThat(JapaneseDates.format(LocalDate.of(1989, 1, 7), JA)).isEqualTo("昭和64年1月7日");
		assertThat(JapaneseDates.format("1980-00-00", JA)).as("不詳 parts are kept as they are").isEqualTo("1980-00-00");
	}

	@Test
	void choicesAddressMembersAndFilesReadAsPeopleWriteThem() {
		Map<String, AttachmentView> files = Map.of("att-1", new AttachmentView("att-1", "menkyo.pdf", 1000, "PDF"));
		List<AnswerSection> s = formatter.sections(definition, full(), files, false, JA);
		assertThat(value(s, "purpose")).isEqualTo("勤務先へ提出");
		assertThat(value(s, "scope")).isEqualTo("世帯の一部");
		assertThat(value(s, "items")).isEqualTo("本籍、個人番号");
		assertThat(value(s, "agree")).isEqualTo("はい");
		assertThat(value(s, "address")).isEqualTo("〒279-0001 千葉県東雲野市中央一丁目1番1号 東雲ハイツ101");
		assertThat(value(s, "members")).isEqualTo("東雲 太郎、東雲 花子");
		assertThat(value(s, "document")).as("unknown ids stay visible").isEqualTo("menkyo.pdf、att-2");
		assertThat(value(s, "kana")).isEqualTo("未回答");
		AnswerLine note = s.get(0).lines().stream().filter(l -> l.fieldId().equals("note")).findFirst().orElseThrow();
		assertThat(note.multiline()).isTrue();
		assertThat(note.displayValue()).isEqualTo("一行目\n二行目");
	}

	@Test
	void bankAccountNumbersAreMaskedToTheLastThreeDigitsWhenAsked() {
		String masked = value(formatter.sections(definition, full(), Map.of(), true, JA), "account");
		assertThat(masked).contains("口座番号：****567").doesNotContain("1234567");
		assertThat(masked).contains("金融機関：東雲銀行（0001）").contains("支店：中央支店（123）").contains("種別：普通")
			.contains("口座名義（カナ）：シノノメ タロウ");
		String plain = value(formatter.sections(definition, full(), Map.of(), false, JA), "account");
		assertThat(plain).contains("口座番号：1234567");
		assertThat(AnswerFormatter.mask("12")).isEqualTo("**");
	}

	@Test
	void hiddenPagesAndFieldsAreLeftOutEvenWithStaleAnswers() {
		List<AnswerSection> s = formatter.sections(definition, full(), JA);
		assertThat(s).extracting(AnswerSection::pageId).containsExactly("first", "third");
		assertThat(value(s, "otherPurpose")).isNull();
		assertThat(value(s, "copyNote")).as("visible because copies is answered").isEqualTo("未回答");

		Answers whole = full().with("scope", "whole").without(List.of("copies"));
		List<AnswerSection> w = formatter.sections(definition, whole, JA);
		assertThat(value(w, "members")).as("members are only asked for part of the household").isNull();
		assertThat(w).extracting(AnswerSection::pageId).containsExactly("first");

		Answers other = full().with("purpose", "other");
		assertThat(value(formatter.sections(definition, other, JA), "otherPurpose"))
			.isEqualTo("stale answer of a hidden page");
	}

	@Test
	void englishUsesEnglishLabelsAndWords() {
		Answers a = full().without(List.of("agree", "kana"));
		List<AnswerSection> s = formatter.sections(definition, a, Map.of(), true, EN);
		assertThat(s.get(0).title()).isEqualTo("First page");
		AnswerLine scope = s.get(0).lines().stream().filter(l -> l.fieldId().equals("scope")).findFirst().orElseThrow();
		assertThat(scope.label()).isEqualTo("Who it lists");
		assertThat(scope.displayValue()).isEqualTo("Some members");
		assertThat(value(s, "items")).isEqualTo("Registered domicile, My Number");
		assertThat(value(s, "kana")).isEqualTo("Not answered");
		assertThat(value(s, "agree")).as("an unticked yes/no box means no").isEqualTo("No");
		assertThat(value(s, "account")).contains("Account number: ****567").contains("Account type: Ordinary");
	}

	@Test
	void datePartsForTheFormComeFromTheIsoAnswer() {
		assertThat(JapaneseDates.parts("1975-04-01", JA)).isEqualTo(new JapaneseDates.Parts("S", "50", "4", "1"));
		assertThat(JapaneseDates.parts("2019-05-01", JA)).isEqualTo(new JapaneseDates.Parts("R", "1", "5", "1"));
		assertThat(JapaneseDates.parts("1975-04-01", EN)).isEqualTo(new JapaneseDates.Parts("W", "1975", "4", "1"));
		assertThat(JapaneseDates.parts("not a date", JA)).isEqualTo(new JapaneseDates.Parts("", "", "", ""));
		assertThat(JapaneseDates.toDate("S", 50, 4, 1)).isEqualTo(LocalDate.of(1975, 4, 1));
		assertThat(JapaneseDates.toDate("r", 1, 5, 1)).isEqualTo(LocalDate.of(2019, 5, 1));
		assertThat(JapaneseDates.toDate("W", 2026, 2, 28)).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThatThrownBy(() -> JapaneseDates.toDate("H", 31, 5, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> JapaneseDates.toDate("R", 1, 4, 30)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> JapaneseDates.toDate("R", 8, 2, 30)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> JapaneseDates.toDate("X", 8, 2, 1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void formHelpersTellLimitsAndKeepWhatWasTyped() {
		FieldDefinition copies = definition.field("copies").orElseThrow();
		FieldDefinition birth = definition.field("birthDate").orElseThrow();
		FieldDefinition document = definition.field("document").orElseThrow();
		assertThat(formatter.limitsText(copies, JA)).isEqualTo("1から10までの数字を入力してください。");
		assertThat(formatter.limitsText(document, JA)).contains("PDF・PNG").contains("5 MB").contains("2件")
			.contains("原本");
		assertThat(formatter.accept(document)).isEqualTo(".pdf,application/pdf,.png,image/png");
		Map<String, List<String>> raw = Map.of("f.copies", List.of("二"), "f.birthDate.year", List.of("abc"));
		assertThat(formatter.inputValue(copies, null, full(), raw, JA)).isEqualTo("二");
		assertThat(formatter.inputValue(birth, "year", full(), raw, JA)).isEqualTo("abc");
		assertThat(formatter.inputValue(birth, "era", full(), raw, JA)).as("a part not sent is empty").isEmpty();
		assertThat(formatter.inputValue(birth, "era", full(), Map.of(), JA)).isEqualTo("R");
		PageDefinition third = definition.page("third").orElseThrow();
		FieldDefinition copyNote = definition.field("copyNote").orElseThrow();
		assertThat(formatter.shownOnPage(third, copyNote, full())).isTrue();
		assertThat(formatter.shownOnPage(third, copyNote, Answers.empty())).isFalse();
		PageDefinition first = definition.page("first").orElseThrow();
		FieldDefinition members = definition.field("members").orElseThrow();
		assertThat(formatter.shownOnPage(first, members, Answers.empty())).as("its condition is on the same page").isTrue();
		assertThat(formatter.conditionNote(first, members, JA))
			.isEqualTo("「記載する人」が「世帯の一部」のときに回答してください。");
	}
}
