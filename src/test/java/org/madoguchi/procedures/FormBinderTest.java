package org.madoguchi.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.procedures.TestProcedures.HOUSEHOLD;
import static org.madoguchi.procedures.TestProcedures.en;
import static org.madoguchi.procedures.TestProcedures.ja;
import static org.madoguchi.procedures.TestProcedures.params;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.madoguchi.platform.FieldError;

/** What residents type, turned into stored answers; what cannot be turned is kept as typed. */
class FormBinderTest {

	final ProcedureDefinition all = TestProcedures.allTypes();

	FormBinder.BindResult bind(String page, Map<String, String[]> params) {
		return FormBinder.bind(all, page, params, Answers.empty(), HOUSEHOLD);
	}

	@Test
	void textFieldsAreTrimmedAndConverted() {
		FormBinder.BindResult r = bind("basics", params(
				"f.fullName", "　山田　太郎 ",
				"f.code", " AB123 ",
				"f.note", "一行目\r\n二行目\r\n",
				"f.kana", "やまだ　ﾀﾛｳ",
				"f.copies", "０３",
				"f.phone", "０３ー１２３４－５６７８",
				"f.email", "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ ",
				"f.emailAgain", ""));
		assertThat(r.errors()).isEmpty();
		assertThat(r.rawInput()).isEmpty();
		assertThat(r.answers().asMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
				"fullName", "山田　太郎",
				"code", "AB123",
				"note", "一行目\n二行目",
				"kana", "ヤマダ　タロウ",
				"copies", "3",
				"phone", "03-1234-5678",
				"email", "taro@example.jp"));
	}

	@Test
	void halfWidthKatakanaWithVoicedMarksBecomesFullWidth() {
		FormBinder.BindResult r = bind("basics", params("f.kana", "ﾔﾏﾀﾞ  ﾊﾟｰｸ"));
		assertThat(r.answers().get("kana")).isEqualTo("ヤマダ　パーク");
	}

	@Test
	void aNumberWithLettersIsAConversionErrorAndKeepsWhatWasTyped() {
		FormBinder.BindResult r = bind("basics", params("f.copies", "３通"));
		assertThat(r.answers().has("copies")).isFalse();
		assertThat(r.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
				org.assertj.core.groups.Tuple.tuple("copies", "procedures.error.number"));
		assertThat(r.failed("copies")).isTrue();
		assertThat(r.raw("f.copies")).isEqualTo("３通");
		assertThat(ja(r.errors().get(0))).isEqualTo("通数は数字で入力してください。");
		assertThat(en(r.errors().get(0))).isEqualTo("Copies must be a whole number, in digits.");
	}

	@Test
	void thisPageIsReplacedOtherPagesAreKeptAndFilesAreNeverBound() {
		Answers previous = Answers.of(Map.of("fullName", "前の値", "note", "消える", "birth", "1980-04-01",
				"proof", List.of("att-1")));
		FormBinder.BindResult r = FormBinder.bind(all, "basics", params("f.fullName", "新しい値", "f.note", " "), previous,
				HOUSEHOLD);
		assertThat(r.answers().asMap()).containsOnlyKeys("fullName", "birth", "proof");
		assertThat(r.answers().get("fullName")).isEqualTo("新しい値");

		FormBinder.BindResult money = FormBinder.bind(all, "money", params("f.proof", "att-999", "file.proof", "x"),
				previous, HOUSEHOLD);
		assertThat(money.answers().get("proof")).isEqualTo(List.of("att-1"));
	}

	@Test
	void choicesAndCheckboxesInOptionOrder() {
		FormBinder.BindResult r = bind("choices", params("f.kind", " b ", "f.sub", "y", "f.items", "r", "f.items", "p",
				"f.items", "r", "f.items", "", "f.detail", "詳しく", "f.agree", "yes"));
		assertThat(r.errors()).isEmpty();
		assertThat(r.answers().asMap()).containsExactlyInAnyOrderEntriesOf(Map.of("kind", "b", "sub", "y",
				"items", List.of("p", "r"), "detail", "詳しく", "agree", List.of("yes")));
	}

	@Test
	void inputToAFieldTheSamePageHidesIsDropped() {
		// without JavaScript the page shows every field; the choice made decides what counts
		FormBinder.BindResult r = bind("choices", params("f.kind", "a", "f.sub", "x", "f.items", "p", "f.detail", "不要"));
		assertThat(r.answers().asMap()).containsOnlyKeys("kind", "items");
		assertThat(r.errors()).isEmpty();
	}

	@Test
	void changingAnEarlierAnswerDropsLaterAnswersItHides() {
		Answers previous = Answers.of(Map.of("kind", "b", "sub", "x", "reason", "理由", "fullName", "山田"));
		FormBinder.BindResult r = FormBinder.bind(all, "choices", params("f.kind", "a"), previous, HOUSEHOLD);
		assertThat(r.answers().asMap()).containsOnlyKeys("kind", "fullName");
	}

	@Test
	void addressPartsWithPostalCodeFormatted() {
		FormBinder.BindResult r = bind("money", params("f.address.postalCode", "〒１２３４５６７", "f.address.address",
				" 千葉県東雲野市本町1-2-3 ", "f.address.building", ""));
		assertThat(r.answers().get("address")).isEqualTo(Map.of("postalCode", "123-4567", "address", "千葉県東雲野市本町1-2-3"));
		assertThat(bind("money", params("f.address.postalCode", "123ー4567")).answers().get("address"))
			.isEqualTo(Map.of("postalCode", "123-4567"));
		assertThat(bind("money", params("f.address.postalCode", "12-34")).answers().get("address"))
			.isEqualTo(Map.of("postalCode", "12-34"));
		assertThat(bind("money", params("f.address.postalCode", " ", "f.address.address", "")).answers().has("address"))
			.isFalse();
	}

	@Test
	void bankAccountPartsAreNormalised() {
		FormBinder.BindResult r = bind("money", params("f.account.bankCode", "０００５", "f.account.bankName", " 東雲野銀行 ",
				"f.account.branchCode", "１２３", "f.account.branchName", "本店", "f.account.accountType", "ordinary",
				"f.account.accountNumber", "１２３４５", "f.account.holderKana", "ﾔﾏﾀﾞ ﾀﾛｳ"));
		assertThat(r.answers().get("account")).isEqualTo(Map.of("bankCode", "0005", "bankName", "東雲野銀行",
				"branchCode", "123", "branchName", "本店", "accountType", "ORDINARY", "accountNumber", "0012345",
				"holderKana", "ヤマダ　タロウ"));
	}

	@Test
	void householdMembersAreLookedUpAndAnUnknownNumberIsRefusedAsTampering() {
		FormBinder.BindResult r = bind("money", params("f.members", "100000000029", "f.members", "100000000011"));
		assertThat(r.errors()).isEmpty();
		assertThat(r.answers().get("members")).isEqualTo(List.of(
				Map.of("atenaNumber", "100000000029", "name", "山田　花子", "birthDate", "1982-09-15"),
				Map.of("atenaNumber", "100000000011", "name", "山田　太郎", "birthDate", "1980-04-01")));

		FormBinder.BindResult tampered = bind("money", params("f.members", "100000000011", "f.members", "999999999999"));
		assertThat(tampered.errors()).extracting(FieldError::code).containsExactly("procedures.error.householdMember");
		assertThat(tampered.answers().list("members")).containsExactly("100000000011");
		// the forged number is not shown back
		assertThat(tampered.rawInput()).isEmpty();
		assertThat(ja(tampered.errors().get(0))).isEqualTo("対象者は世帯の方の中から選んでください。");
	}

	@ParameterizedTest(name = "{0} {1}年{2}月{3}日 → {4}")
	@CsvSource({
			"R, 元, 5, 1, 2019-05-01",
			"R, 1, 5, 1, 2019-05-01",
			"R, ７, １２, ３１, 2025-12-31",
			"令和, 2, 2, 29, 2020-02-29",
			"H, 31, 4, 30, 2019-04-30",
			"H, 1, 1, 8, 1989-01-08",
			"H, 4, 2, 29, 1992-02-29",
			"S, 64, 1, 7, 1989-01-07",
			"S, 1, 12, 25, 1926-12-25",
			"T, 15, 12, 24, 1926-12-24",
			"M, 45, 7, 29, 1912-07-29",
			"W, 2024, 2, 29, 2024-02-29",
			"w, ２０００, ０１, ０１, 2000-01-01",
			"'', 1999, 12, 31, 1999-12-31" })
	void warekiAndWesternDatesBecomeIsoDates(String era, String year, String month, String day, String iso) {
		FormBinder.BindResult r = bind("dates", params("f.birth.era", era, "f.birth.year", year, "f.birth.month", month,
				"f.birth.day", day));
		assertThat(r.errors()).isEmpty();
		assertThat(r.answers().get("birth")).isEqualTo(iso);
	}

	@ParameterizedTest(name = "{0} {1}年{2}月{3}日 → {4}")
	@CsvSource({
			"H, 32, 1, 1, procedures.error.eraYear",
			"S, 65, 1, 1, procedures.error.eraYear",
			"T, 16, 1, 1, procedures.error.eraYear",
			"H, 31, 5, 1, procedures.error.eraDate",
			"S, 64, 1, 8, procedures.error.eraDate",
			"H, 1, 1, 7, procedures.error.eraDate",
			"R, 1, 4, 30, procedures.error.eraStart",
			"H, 5, 2, 29, procedures.error.date",
			"R, 6, 13, 1, procedures.error.date",
			"R, 6, 4, 31, procedures.error.date",
			"R, 0, 4, 1, procedures.error.date",
			"W, 元, 4, 1, procedures.error.date",
			"W, 99, 4, 1, procedures.error.date",
			"X, 6, 4, 1, procedures.error.date",
			"R, 六, 4, 1, procedures.error.date",
			"R, 6, '', 1, procedures.error.dateIncomplete" })
	void impossibleDatesAreRefusedAndKeptAsTyped(String era, String year, String month, String day, String code) {
		FormBinder.BindResult r = bind("dates", params("f.birth.era", era, "f.birth.year", year, "f.birth.month", month,
				"f.birth.day", day));
		assertThat(r.answers().has("birth")).isFalse();
		assertThat(r.errors()).extracting(FieldError::field, FieldError::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("birth", code));
		assertThat(r.raw("f.birth.year")).isEqualTo(year.isEmpty() ? null : year);
		assertThat(r.raw("f.birth.era")).isEqualTo(era.isEmpty() ? null : era);
		assertThat(r.rawValues("f.birth.month")).isEqualTo(month.isEmpty() ? List.of("") : List.of(month));
	}

	@Test
	void eraMessagesNameTheEraAndItsLimits() {
		FieldError year = bind("dates", params("f.birth.era", "H", "f.birth.year", "32", "f.birth.month", "1",
				"f.birth.day", "1")).errors().get(0);
		assertThat(ja(year)).isEqualTo("生年月日：平成は31年までです。年を確かめてください。");
		assertThat(en(year)).isEqualTo("Date of birth: Heisei ended in its year 31. Check the year.");
		FieldError day = bind("dates", params("f.birth.era", "H", "f.birth.year", "31", "f.birth.month", "5",
				"f.birth.day", "1")).errors().get(0);
		assertThat(ja(day)).isEqualTo("生年月日：平成は平成元年1月8日から平成31年4月30日までです。元号と日付を確かめてください。");
		assertThat(en(day)).isEqualTo("Date of birth: Heisei ran from 8 January 1989 to 30 April 2019. Check the era and the date.");
	}

	@Test
	void anEmptyDateIsUnansweredAndAnErrorOnOneFieldLeavesTheOthers() {
		Answers previous = Answers.of(Map.of("birth", "1980-01-01"));
		FormBinder.BindResult r = FormBinder.bind(all, "dates", params("f.birth.era", "R", "f.birth.year", "",
				"f.birth.month", "", "f.birth.day", "", "f.moveDate.era", "R", "f.moveDate.year", "7",
				"f.moveDate.month", "2", "f.moveDate.day", "30"), previous, HOUSEHOLD);
		assertThat(r.answers().has("birth")).isFalse();
		assertThat(r.errors()).extracting(FieldError::field).containsExactly("moveDate");
		assertThat(r.rawInput()).containsOnlyKeys("f.moveDate.era", "f.moveDate.year", "f.moveDate.month", "f.moveDate.day");
	}

	@Test
	void normalizeAppliesTheSameConversionsToApiAnswers() {
		Answers api = Answers.of(Map.of("fullName", " 山田 ", "kana", "やまだ", "copies", 3, "note", "",
				"members", List.of("100000000011", Map.of("atenaNumber", "100000000029")),
				"address", Map.of("postalCode", "1234567", "address", "本町1"),
				"items", List.of("r", "p"), "unknown", 5, "phone", BigInteger.TEN));
		Answers n = FormBinder.normalize(all, api, HOUSEHOLD);
		assertThat(n.get("fullName")).isEqualTo("山田");
		assertThat(n.get("kana")).isEqualTo("ヤマダ");
		assertThat(n.get("copies")).isEqualTo("3");
		assertThat(n.has("note")).isFalse();
		assertThat(n.get("members")).isEqualTo(List.of(
				Map.of("atenaNumber", "100000000011", "name", "山田　太郎", "birthDate", "1980-04-01"),
				Map.of("atenaNumber", "100000000029", "name", "山田　花子", "birthDate", "1982-09-15")));
		assertThat(n.get("address")).isEqualTo(Map.of("postalCode", "123-4567", "address", "本町1"));
		assertThat(n.get("items")).isEqualTo(List.of("p", "r"));
		// not a string: left for the validator to refuse
		assertThat(n.get("phone")).isEqualTo(BigInteger.TEN);
		assertThat(n.get("unknown")).isEqualTo(5);
	}
}
