package org.madoguchi.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.madoguchi.procedures.TestProcedures.HOUSEHOLD;
import static org.madoguchi.procedures.TestProcedures.TODAY;
import static org.madoguchi.procedures.TestProcedures.context;
import static org.madoguchi.procedures.TestProcedures.en;
import static org.madoguchi.procedures.TestProcedures.ja;
import static org.madoguchi.procedures.TestProcedures.params;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.madoguchi.platform.FieldError;

/** Every check on answers, and the messages residents and API clients get. */
class AnswerValidatorTest {

	final ProcedureDefinition all = TestProcedures.allTypes();

	static final Map<String, Object> VALID = Map.ofEntries(
			Map.entry("fullName", "山田太郎"),
			Map.entry("kana", "ヤマダ　タロウ"),
			Map.entry("phone", "03-1234-5678"),
			Map.entry("email", "taro@example.jp"),
			Map.entry("emailAgain", "taro@example.jp"),
			Map.entry("birth", "1980-04-01"),
			Map.entry("moveDate", "2025-06-01"),
			Map.entry("kind", "a"),
			Map.entry("agree", List.of("yes")),
			Map.entry("address", Map.of("postalCode", "123-4567", "address", "千葉県東雲野市本町1-2-3")),
			Map.entry("proof", List.of("att-1")));

	static Answers valid() {
		return Answers.of(VALID);
	}

	Optional<FieldError> field(String id, Object value) {
		return AnswerValidator.validateField(all.field(id).orElseThrow(), Answers.of(Map.of(id, value)), context());
	}

	String code(String id, Object value) {
		return field(id, value).map(FieldError::code).orElse(null);
	}

	@Test
	void aCompleteApplicationPasses() {
		assertThat(AnswerValidator.validateAll(all, valid(), context())).isEmpty();
		Answers b = valid().with("kind", "b").with("sub", "y").with("reason", "転勤").with("items", List.of("q"))
			.with("detail", "詳細").with("copies", "2").with("code", "AB123").with("note", "備考\n二行目")
			.with("members", List.of(Map.of("atenaNumber", "100000000011", "name", "山田　太郎", "birthDate", "1980-04-01")))
			.with("account", Map.of("bankCode", "0005", "bankName", "東雲野銀行", "branchCode", "123", "branchName", "本店",
					"accountType", "SAVINGS", "accountNumber", "0012345", "holderKana", "ヤマダ　タロウ"));
		assertThat(AnswerValidator.validateAll(all, b, context())).isEmpty();
	}

	@Test
	void requiredOnlyWhenShownWithTheLabelInBothLanguages() {
		List<FieldError> errors = AnswerValidator.validateAll(all, Answers.of(Map.of("kind", "b")), context());
		assertThat(errors).extracting(FieldError::field, FieldError::code).containsExactly(
				tuple("fullName", "procedures.error.required"),
				tuple("kana", "procedures.error.required"),
				tuple("email", "procedures.error.rule"),
				tuple("sub", "procedures.error.requiredChoice"),
				tuple("agree", "procedures.error.requiredCheck"),
				tuple("reason", "procedures.error.required"),
				tuple("address", "procedures.error.required"),
				tuple("proof", "procedures.error.requiredFile"));
		assertThat(ja(errors.get(0))).isEqualTo("氏名を入力してください。");
		assertThat(en(errors.get(0))).isEqualTo("Enter Full name.");
		assertThat(ja(errors.get(3))).isEqualTo("区分を選択してください。");
		assertThat(en(errors.get(7))).isEqualTo("Attach Proof.");
		assertThat(ja(errors.get(4))).isEqualTo("「同意する」にチェックを入れてください。");
		assertThat(en(errors.get(4))).isEqualTo("Tick the box: I agree.");
		// for kind a, the select and the whole extra page are hidden, so not required
		assertThat(AnswerValidator.validateAll(all, Answers.of(Map.of("kind", "a")), context()))
			.extracting(FieldError::field).doesNotContain("sub", "reason");
	}

	@Test
	void textLengthsCountCharactersAndDefaultBySort() {
		assertThat(code("fullName", "山田太郎山田太郎山田")).isNull();
		assertThat(code("fullName", "山田太郎山田太郎山田太")).isEqualTo("procedures.error.maxLength");
		assertThat(code("fullName", "𠮷".repeat(10))).isNull();
		assertThat(code("code", "x".repeat(101))).isEqualTo("procedures.error.maxLength");
		assertThat(code("note", "あ".repeat(2000))).isNull();
		assertThat(code("note", "あ".repeat(2001))).isEqualTo("procedures.error.maxLength");
		FieldError e = field("fullName", "あ".repeat(11)).orElseThrow();
		assertThat(ja(e)).isEqualTo("氏名は10文字以内で入力してください。");
		assertThat(en(e)).isEqualTo("Full name must be 10 characters or fewer.");
	}

	@Test
	void controlCharactersAreRefusedButTextareasKeepLines() {
		assertThat(code("fullName", "山田\u0000")).isEqualTo("procedures.error.characters");
		assertThat(code("fullName", "山田\n太郎")).isEqualTo("procedures.error.characters");
		assertThat(code("note", "一\n二\tです")).isNull();
		assertThat(code("note", "一\u001b[31m")).isEqualTo("procedures.error.characters");
	}

	@Test
	void patternUsesTheDefinitionsMessage() {
		assertThat(code("code", "AB123")).isNull();
		FieldError e = field("code", "ab123").orElseThrow();
		assertThat(e.code()).isEqualTo("procedures.error.pattern");
		assertThat(ja(e)).isEqualTo("整理番号は英大文字2字と数字3桁です。");
		assertThat(en(e)).isEqualTo("A reference is two capitals and three digits.");
	}

	@Test
	void katakanaOnly() {
		assertThat(code("kana", "ヤマダ　タロウ")).isNull();
		assertThat(code("kana", "ヴァージニア・ウルフ")).isNull();
		assertThat(code("kana", "やまだ")).isEqualTo("procedures.error.katakana");
		assertThat(code("kana", "ﾔﾏﾀﾞ")).isEqualTo("procedures.error.katakana");
		assertThat(code("kana", "山田")).isEqualTo("procedures.error.katakana");
		assertThat(en(field("kana", "Yamada").orElseThrow())).isEqualTo("Enter Name in katakana in full-width katakana.");
	}

	@Test
	void numbersWithinMinAndMax() {
		assertThat(code("copies", "1")).isNull();
		assertThat(code("copies", 10)).isNull();
		assertThat(code("copies", "0")).isEqualTo("procedures.error.min");
		assertThat(code("copies", "11")).isEqualTo("procedures.error.max");
		assertThat(code("copies", "1.5")).isEqualTo("procedures.error.number");
		assertThat(code("copies", "-1")).isEqualTo("procedures.error.number");
		assertThat(code("copies", 2.5)).isEqualTo("procedures.error.shape");
		assertThat(ja(field("copies", "11").orElseThrow())).isEqualTo("通数は10以下の数を入力してください。");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0312345678", "09012345678", "03-1234-5678", "090-1234-5678", "0120-123-456", "04-7123-4567" })
	void phoneNumbersThatPass(String phone) {
		assertThat(code("phone", phone)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "031234567", "090123456789", "03-1234-567", "03--12345678", "-0312345678", "03 1234 5678",
			"+81312345678", "電話" })
	void phoneNumbersThatFail(String phone) {
		assertThat(code("phone", phone)).isEqualTo("procedures.error.phone");
	}

	@Test
	void emailSyntaxAndLength() {
		assertThat(code("email", "taro.yamada+city@example.co.jp")).isNull();
		assertThat(code("email", "taro..yamada@docomo.ne.jp")).isNull();
		assertThat(code("email", "taro@localhost")).isEqualTo("procedures.error.email");
		assertThat(code("email", "taro example.jp")).isEqualTo("procedures.error.email");
		assertThat(code("email", "taro@@example.jp")).isEqualTo("procedures.error.email");
		String label = "b".repeat(60) + ".";
		assertThat(code("email", "a@" + label.repeat(4) + "jp")).isNull();
		assertThat(code("email", "a@" + label.repeat(5) + "jp")).isEqualTo("procedures.error.maxLength");
	}

	@Test
	void datesRelativeToTheFilingDay() {
		// birth: -130y .. 0d; moveDate: -14d .. +14d; today is 2025-06-10
		assertThat(code("birth", "2025-06-10")).isNull();
		assertThat(code("birth", "2025-06-11")).isEqualTo("procedures.error.notAfter");
		assertThat(code("birth", "1895-06-10")).isNull();
		assertThat(code("birth", "1895-06-09")).isEqualTo("procedures.error.notBefore");
		assertThat(code("moveDate", TODAY.minusDays(14).toString())).isNull();
		assertThat(code("moveDate", TODAY.minusDays(15).toString())).isEqualTo("procedures.error.notBefore");
		assertThat(code("moveDate", TODAY.plusDays(14).toString())).isNull();
		assertThat(code("moveDate", TODAY.plusDays(15).toString())).isEqualTo("procedures.error.notAfter");
		FieldError e = field("moveDate", "2025-05-01").orElseThrow();
		assertThat(ja(e)).isEqualTo("転入日は令和7年5月27日以降の日付を入力してください。");
		assertThat(en(e)).isEqualTo("Moving day must be on or after 27 May 2025.");
		assertThat(AnswerValidator.relative(TODAY, "-1m")).isEqualTo("2025-05-10");
		assertThat(Wareki.format(LocalDate_of(2019, 5, 1), Locale.JAPANESE)).isEqualTo("令和元年5月1日");
		assertThat(Wareki.format(LocalDate_of(1850, 3, 1), Locale.JAPANESE)).isEqualTo("1850年3月1日");
		assertThat(Wareki.parts(LocalDate_of(1989, 1, 7))).isEqualTo(new Wareki.Parts("S", 64, 1, 7));
		assertThat(AnswerValidator.relative(LocalDate_of(2024, 2, 29), "+1y")).isEqualTo("2025-02-28");
	}

	static java.time.LocalDate LocalDate_of(int y, int m, int d) {
		return java.time.LocalDate.of(y, m, d);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-02-30", "2025/01/01", "R7-01-01", "20250101", "2025-1-1", "+12025-01-01" })
	void datesMustBeRealIsoDates(String date) {
		assertThat(code("birth", date)).isEqualTo("procedures.error.date");
	}

	@Test
	void choicesMustBeAmongTheOptions() {
		assertThat(code("kind", "a")).isNull();
		assertThat(code("kind", "c")).isEqualTo("procedures.error.choice");
		assertThat(code("items", List.of("p", "r"))).isNull();
		assertThat(code("items", List.of("p", "z"))).isEqualTo("procedures.error.choice");
		assertThat(code("items", List.of("p", "p"))).isEqualTo("procedures.error.choice");
		assertThat(code("agree", List.of("yes"))).isNull();
		assertThat(code("agree", List.of("no"))).isEqualTo("procedures.error.choice");
		assertThat(code("items", "p")).isEqualTo("procedures.error.shape");
		assertThat(code("kind", List.of("a"))).isEqualTo("procedures.error.shape");
		assertThat(code("items", List.of(1))).isEqualTo("procedures.error.shape");
	}

	@Test
	void householdMembersMustBeOfTheHouseholdAsTheRegisterHasThem() {
		Map<String, String> taro = Map.of("atenaNumber", "100000000011", "name", "山田　太郎", "birthDate", "1980-04-01");
		assertThat(code("members", List.of(taro))).isNull();
		assertThat(code("members", List.of("100000000011"))).isNull();
		assertThat(code("members", List.of(Map.of("atenaNumber", "999999999999", "name", "他人", "birthDate", "1970-01-01"))))
			.isEqualTo("procedures.error.householdMember");
		Map<String, String> renamed = new HashMap<>(taro);
		renamed.put("name", "別人");
		assertThat(code("members", List.of(renamed))).isEqualTo("procedures.error.householdMember");
		Map<String, String> extraKey = new HashMap<>(taro);
		extraKey.put("myNumber", "123456789012");
		assertThat(code("members", List.of(extraKey))).isEqualTo("procedures.error.householdMember");
		assertThat(code("members", List.of("100000000011", "100000000011"))).isEqualTo("procedures.error.householdMember");
		assertThat(code("members", List.of("100000000011", "100000000029", "100000000037"))).isEqualTo("procedures.error.maxItems");
		assertThat(code("members", List.of(5))).isEqualTo("procedures.error.shape");
		// not linked to the register: no member can be named
		assertThat(AnswerValidator.validateField(all.field("members").orElseThrow(),
				Answers.of(Map.of("members", List.of("100000000011"))), ValidationContext.on(TODAY)))
			.map(FieldError::code).contains("procedures.error.householdMember");
	}

	static Map<String, Object> account(String part, Object value) {
		Map<String, Object> a = new HashMap<>(Map.of("bankCode", "0005", "bankName", "東雲野銀行", "branchCode", "123",
				"branchName", "本店", "accountType", "ORDINARY", "accountNumber", "1234567", "holderKana", "ヤマダ　タロウ"));
		if (value == null) {
			a.remove(part);
		}
		else {
			a.put(part, value);
		}
		return a;
	}

	@ParameterizedTest
	@CsvSource(nullValues = "NULL", value = {
			"bankCode, NULL, procedures.error.partRequired",
			"bankName, '', procedures.error.partRequired",
			"holderKana, NULL, procedures.error.partRequired",
			"bankCode, 005, procedures.error.bankCode",
			"bankCode, 00a5, procedures.error.bankCode",
			"branchCode, 1234, procedures.error.branchCode",
			"accountType, CHECKING, procedures.error.accountType",
			"accountNumber, 12345678, procedures.error.accountNumber",
			"accountNumber, 12345, procedures.error.accountNumber",
			"holderKana, やまだ, procedures.error.holderKana",
			"holderKana, YAMADA, procedures.error.holderKana",
			"holderKana, ヤマダタロウヤマダタロウヤマダタロウヤマダタロウヤマダタロウヤマダタロウア, procedures.error.partMaxLength",
			"swiftCode, ABCD, procedures.error.shape" })
	void bankAccountParts(String part, String value, String code) {
		assertThat(code("account", account(part, value))).isEqualTo(code);
	}

	@Test
	void bankAccountMessagesNameThePart() {
		FieldError e = field("account", account("bankName", null)).orElseThrow();
		assertThat(ja(e)).isEqualTo("振込先口座の金融機関名を入力してください。");
		assertThat(en(e)).isEqualTo("Bank account: enter the bank name.");
		assertThat(code("account", account("bankCode", "0005"))).isNull();
	}

	@Test
	void addressParts() {
		assertThat(code("address", Map.of("postalCode", "123-4567", "address", "本町1", "building", "101号"))).isNull();
		assertThat(code("address", Map.of("postalCode", "1234567", "address", "本町1"))).isEqualTo("procedures.error.postalCode");
		assertThat(code("address", Map.of("postalCode", "123-4567"))).isEqualTo("procedures.error.partRequired");
		assertThat(code("address", Map.of("postalCode", "123-4567", "address", "あ".repeat(201))))
			.isEqualTo("procedures.error.partMaxLength");
		assertThat(code("address", Map.of("postalCode", "123-4567", "address", "本町", "building", 101)))
			.isEqualTo("procedures.error.shape");
		assertThat(ja(field("address", Map.of("building", "101号")).orElseThrow())).isEqualTo("住所の郵便番号を入力してください。");
	}

	@Test
	void filesMustBeAttachmentsOfThatField() {
		assertThat(code("proof", List.of("att-1", "att-2"))).isNull();
		assertThat(code("proof", List.of("att-1", "att-2", "att-3"))).isEqualTo("procedures.error.maxItems");
		assertThat(code("proof", List.of("att-9"))).isEqualTo("procedures.error.attachment");
		assertThat(code("proof", List.of("att-1", "att-1"))).isEqualTo("procedures.error.attachment");
		assertThat(AnswerValidator.validateField(all.field("proof").orElseThrow(), Answers.of(Map.of("proof", List.of("att-1"))),
				TestProcedures.context(Map.of("otherField", Set.of("att-1")))))
			.map(FieldError::code).contains("procedures.error.attachment");
		assertThat(code("proof", List.of())).isEqualTo("procedures.error.requiredFile");
	}

	@Test
	void hiddenAnswersAndUnknownFieldsAreRefused() {
		Answers answers = valid().with("sub", "x").with("reason", "理由").with("detail", "詳細").with("nickname", "たろ");
		List<FieldError> errors = AnswerValidator.validateAll(all, answers, context());
		assertThat(errors).extracting(FieldError::field, FieldError::code).containsExactly(
				tuple("sub", "procedures.error.hiddenAnswered"),
				tuple("detail", "procedures.error.hiddenAnswered"),
				tuple("reason", "procedures.error.hiddenAnswered"),
				tuple("nickname", "procedures.error.unknownField"));
		assertThat(ja(errors.get(0))).isEqualTo("区分は、ほかの回答からは入力しない項目です。回答を外してください。");
		assertThat(en(errors.get(3))).isEqualTo("This procedure has no field called nickname.");
	}

	@Test
	void answersOfTheWrongJsonShapeAreRefused() {
		Answers answers = valid().with("fullName", Map.of("ja", "山田")).with("agree", "yes").with("birth", 19800401)
			.with("address", "本町1").with("proof", "att-1");
		assertThat(AnswerValidator.validateAll(all, answers, context())).extracting(FieldError::field, FieldError::code)
			.containsExactly(tuple("fullName", "procedures.error.shape"), tuple("birth", "procedures.error.shape"),
					tuple("agree", "procedures.error.shape"), tuple("address", "procedures.error.shape"),
					tuple("proof", "procedures.error.shape"));
	}

	@Test
	void rulesReportOnTheLastFieldWithTheirMessage() {
		List<FieldError> before = AnswerValidator.validateAll(all, valid().with("birth", "2025-06-05").with("moveDate", "2025-06-01"),
				context());
		assertThat(before).extracting(FieldError::field, FieldError::code).containsExactly(tuple("moveDate", "procedures.error.rule"));
		assertThat(ja(before.get(0))).isEqualTo("転入日は生年月日より後の日です。");
		assertThat(en(before.get(0))).isEqualTo("The moving day comes after the date of birth.");

		List<FieldError> none = AnswerValidator.validateAll(all, valid().without(List.of("phone", "email", "emailAgain")), context());
		assertThat(none).extracting(FieldError::field, FieldError::code).containsExactly(tuple("email", "procedures.error.rule"));

		List<FieldError> differ = AnswerValidator.validateAll(all, valid().with("emailAgain", "jiro@example.jp"), context());
		assertThat(differ).extracting(FieldError::field).containsExactly("emailAgain");
		assertThat(en(differ.get(0))).isEqualTo("The two email addresses differ.");

		// a field with its own error gets no second one from a rule
		assertThat(AnswerValidator.validateAll(all, valid().with("emailAgain", "bad"), context()))
			.extracting(FieldError::code).containsExactly("procedures.error.email");
	}

	@Test
	void validatePageChecksThatPageAndRulesWithinIt() {
		Answers answers = Answers.of(Map.of("fullName", "山田", "kana", "ヤマダ", "email", "a@example.jp",
				"emailAgain", "b@example.jp", "birth", "2999-01-01"));
		assertThat(AnswerValidator.validatePage(all, "basics", answers, context())).extracting(FieldError::field)
			.containsExactly("emailAgain");
		assertThat(AnswerValidator.validatePage(all, "dates", answers, context())).extracting(FieldError::code)
			.containsExactly("procedures.error.notAfter");
		// the extra page is hidden for these answers: nothing to check there
		assertThat(AnswerValidator.validatePage(all, "extra", answers, context())).isEmpty();
		assertThat(AnswerValidator.validatePage(all, "extra", answers.with("kind", "b"), context()))
			.extracting(FieldError::code).containsExactly("procedures.error.required");
	}

	@Test
	void validateBoundGivesOneMessagePerFieldConversionFirst() {
		FormBinder.BindResult bound = FormBinder.bind(all, "basics",
				params("f.copies", "三", "f.kana", "やまだ", "f.fullName", "", "f.email", "a@example.jp"), Answers.empty(), HOUSEHOLD);
		List<FieldError> errors = AnswerValidator.validateBound(all, "basics", bound, context());
		assertThat(errors).extracting(FieldError::field, FieldError::code).containsExactly(
				tuple("fullName", "procedures.error.required"),
				tuple("copies", "procedures.error.number"));
	}

	@Test
	void theCertificateExampleValidates() {
		ProcedureDefinition d = TestProcedures.certificate();
		Answers answers = Answers.of(Map.of("name", "山田　太郎", "kana", "ヤマダ　タロウ", "birthDate", "1980-04-01",
				"address", Map.of("postalCode", "123-4567", "address", "千葉県東雲野市本町1-2-3"), "phone", "03-1234-5678",
				"scope", "some", "members", List.of("100000000011"), "copies", "2", "purpose", "license",
				"deliveryMethod", "counter"));
		assertThat(AnswerValidator.validateAll(d, FormBinder.normalize(d, answers, HOUSEHOLD), context())).isEmpty();
		assertThat(AnswerValidator.validateAll(d, answers.with("deliveryMethod", "post"), context()))
			.extracting(FieldError::field, FieldError::code).containsExactly(tuple("identityDocument", "procedures.error.requiredFile"));
	}

	@Test
	void theApplicationsMessageSourceResolvesLabelsWithoutHelp() {
		// FormErrors and the API problem handler call MessageSource directly; the label argument resolves itself
		FieldError e = AnswerValidator.validateAll(all, Answers.empty(), context()).get(0);
		assertThat(e.field()).isEqualTo("fullName");
		assertThat(TestProcedures.messages().getMessage(e.code(), e.args(), Locale.ENGLISH)).isEqualTo("Enter Full name.");
		assertThat(TestProcedures.messages().getMessage(e.code(), e.args(), Locale.JAPANESE)).isEqualTo("氏名を入力してください。");
		assertThat(TestProcedures.messages().getMessage(e.code(), e.args(), Locale.FRENCH)).isEqualTo("氏名を入力してください。");
	}
}
