package org.madoguchi.procedures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.madoguchi.platform.FieldError;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;

/** Definitions and helpers shared by the engine's tests. */
final class TestProcedures {

	/** One field of every type, conditions on fields and a page, and one rule of each kind. */
	static final String ALL_TYPES = """
			id: all-types
			name: {ja: 全種類の項目, en: Every field type}
			summary: {ja: 試験用の手続です。, en: A procedure for tests.}
			category: OTHER
			pages:
			  - id: basics
			    title: {ja: 基本, en: Basics}
			    fields:
			      - {id: fullName, type: TEXT, label: {ja: 氏名, en: Full name}, required: true, maxLength: 10}
			      - id: code
			        type: TEXT
			        label: {ja: 整理番号, en: Reference}
			        pattern: "[A-Z]{2}[0-9]{3}"
			        patternMessage: {ja: 整理番号は英大文字2字と数字3桁です。, en: A reference is two capitals and three digits.}
			      - {id: note, type: TEXTAREA, label: {ja: 備考, en: Notes}}
			      - {id: kana, type: KATAKANA, label: {ja: フリガナ, en: Name in katakana}, required: true}
			      - {id: copies, type: NUMBER, label: {ja: 通数, en: Copies}, min: 1, max: 10}
			      - {id: phone, type: PHONE, label: {ja: 電話番号, en: Phone}}
			      - {id: email, type: EMAIL, label: {ja: メールアドレス, en: Email}}
			      - {id: emailAgain, type: EMAIL, label: {ja: メールアドレス（確認）, en: Email again}}
			  - id: dates
			    title: {ja: 日付, en: Dates}
			    fields:
			      - {id: birth, type: DATE, label: {ja: 生年月日, en: Date of birth}, notBefore: -130y, notAfter: 0d}
			      - {id: moveDate, type: DATE, label: {ja: 転入日, en: Moving day}, notBefore: -14d, notAfter: +14d}
			  - id: choices
			    title: {ja: 選択, en: Choices}
			    fields:
			      - id: kind
			        type: RADIO
			        label: {ja: 種類, en: Kind}
			        required: true
			        options:
			          - {value: a, label: {ja: あ, en: A}}
			          - {value: b, label: {ja: い, en: B}}
			      - id: sub
			        type: SELECT
			        label: {ja: 区分, en: Class}
			        required: true
			        visibleWhen: {field: kind, equals: b}
			        options:
			          - {value: x, label: {ja: 甲, en: X}}
			          - {value: y, label: {ja: 乙, en: Y}}
			      - id: items
			        type: CHECKBOX
			        label: {ja: 項目, en: Items}
			        options:
			          - {value: p, label: {ja: ぱ, en: P}}
			          - {value: q, label: {ja: きゅ, en: Q}}
			          - {value: r, label: {ja: る, en: R}}
			      - {id: detail, type: TEXT, label: {ja: 詳細, en: Details}, required: true, visibleWhen: {field: items, in: [q, r]}}
			      - {id: agree, type: CHECKBOX, label: {ja: 同意する, en: I agree}, required: true}
			  - id: extra
			    title: {ja: 追加, en: Extra}
			    visibleWhen: {field: kind, equals: b}
			    fields:
			      - {id: reason, type: TEXT, label: {ja: 理由, en: Reason}, required: true}
			      - {id: reasonNote, type: TEXT, label: {ja: 補足, en: More}, visibleWhen: {field: reason, notEmpty: true}}
			  - id: money
			    title: {ja: 振込先など, en: Bank and more}
			    fields:
			      - {id: address, type: ADDRESS, label: {ja: 住所, en: Address}, required: true}
			      - {id: account, type: BANK_ACCOUNT, label: {ja: 振込先口座, en: Bank account}}
			      - {id: members, type: HOUSEHOLD_MEMBER, label: {ja: 対象者, en: Who}, maxItems: 2}
			      - {id: proof, type: FILE, label: {ja: 証明書類, en: Proof}, required: true, types: [PDF], maxItems: 2}
			rules:
			  - {kind: BEFORE, fields: [birth, moveDate], message: {ja: 転入日は生年月日より後の日です。, en: The moving day comes after the date of birth.}}
			  - {kind: AT_LEAST_ONE, fields: [phone, email], message: {ja: 電話番号かメールアドレスを入力してください。, en: Give a phone number or an email address.}}
			  - {kind: SAME, fields: [email, emailAgain], message: {ja: 確認用のメールアドレスが違います。, en: The two email addresses differ.}}
			workflow: {slaDays: 5, steps: [{id: review, name: {ja: 審査, en: Review}, role: EXAMINER}]}
			""";

	static final LocalDate TODAY = LocalDate.of(2025, 6, 10);

	static final List<HouseholdMember> HOUSEHOLD = List.of(
			new HouseholdMember("100000000011", "山田　太郎", "1980-04-01"),
			new HouseholdMember("100000000029", "山田　花子", "1982-09-15"),
			new HouseholdMember("100000000037", "山田　一郎", "2010-01-20"));

	private TestProcedures() {
	}

	static ProcedureDefinition allTypes() {
		return ProcedureYaml.parse(ALL_TYPES);
	}

	static ProcedureDefinition juminhyo() {
		return ProcedureYaml.parse(juminhyoSource());
	}

	static String juminhyoSource() {
		return resource("procedures/juminhyo-copy.yml");
	}

	/**
	 * The test fixture {@code test-certificate} (src/test/resources): the 住民票の写し as it was before it needed a
	 * signature, with a file field shown only for delivery by post.
	 */
	static ProcedureDefinition certificate() {
		return ProcedureYaml.parse(resource("procedures/test-certificate.yml"));
	}

	private static String resource(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static ValidationContext context(Map<String, Set<String>> attachments) {
		return new ValidationContext(TODAY, HOUSEHOLD, attachments);
	}

	static ValidationContext context() {
		return context(Map.of("proof", Set.of("att-1", "att-2", "att-3")));
	}

	/** A fresh procedure id, so that tests sharing a database do not meet. */
	static String newId() {
		return "t-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	/** A small valid definition with the given id, names and extras at the top level. */
	static String small(String id, String nameJa, String nameEn, String category, String extra) {
		return """
				id: %s
				name: {ja: %s, en: %s}
				summary: {ja: 試験用の手続です。, en: A procedure for tests.}
				category: %s
				%s
				pages:
				  - id: one
				    title: {ja: 一, en: One}
				    fields:
				      - {id: fullName, type: TEXT, label: {ja: 氏名, en: Full name}, required: true}
				workflow: {slaDays: 5, steps: [{id: review, name: {ja: 審査, en: Review}, role: EXAMINER}]}
				""".formatted(id, nameJa, nameEn, category, extra);
	}

	/** Parameters as a servlet request gives them. */
	static Map<String, String[]> params(String... nameValuePairs) {
		Map<String, String[]> p = new LinkedHashMap<>();
		for (int i = 0; i < nameValuePairs.length; i += 2) {
			String name = nameValuePairs[i];
			String[] old = p.get(name);
			String[] now = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
			now[now.length - 1] = nameValuePairs[i + 1];
			p.put(name, now);
		}
		return p;
	}

	/** The module's own bundle, set up as the application sets up its message source. */
	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource m = new ResourceBundleMessageSource();
		m.setBasenames("messages/procedures");
		m.setDefaultEncoding("UTF-8");
		m.setFallbackToSystemLocale(false);
		m.setAlwaysUseMessageFormat(true);
		return m;
	}

	static String ja(FieldError e) {
		return ProcedureMessages.resolve(e, Locale.JAPANESE, messages());
	}

	static String en(FieldError e) {
		return ProcedureMessages.resolve(e, Locale.ENGLISH, messages());
	}
}
