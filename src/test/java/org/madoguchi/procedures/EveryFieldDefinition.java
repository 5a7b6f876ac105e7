package org.madoguchi.procedures;

/** A test definition with one field of every type (and a label that tries to inject markup). */
public final class EveryFieldDefinition {

	public static final String YAML = """
			id: every-field
			name: {ja: 全項目の見本, en: Every field}
			summary: {ja: 試験用の手続, en: A procedure for tests}
			category: OTHER
			fee: {amount: 300, perField: copies}
			pages:
			  - id: first
			    title: {ja: 最初の画面, en: First page}
			    fields:
			      - id: fullName
			        type: TEXT
			        label: {ja: "氏名<script>alert(1)</script>", en: Full name}
			        hint: {ja: 住民票のとおりに書いてください, en: As on your residence record}
			        required: true
			        maxLength: 50
			        prefill: NAME
			      - id: kana
			        type: KATAKANA
			        label: {ja: フリガナ, en: Name in katakana}
			        maxLength: 40
			      - id: note
			        type: TEXTAREA
			        label: {ja: 備考, en: Notes}
			      - id: copies
			        type: NUMBER
			        label: {ja: 通数, en: Copies}
			        min: 1
			        max: 10
			      - id: birthDate
			        type: DATE
			        label: {ja: 生年月日, en: Date of birth}
			        required: true
			        prefill: BIRTH_DATE
			      - id: purpose
			        type: SELECT
			        label: {ja: 使用目的, en: Purpose}
			        options:
			          - {value: work, label: {ja: 勤務先へ提出, en: For an employer}}
			          - {value: other, label: {ja: その他, en: Other}}
			      - id: scope
			        type: RADIO
			        label: {ja: 記載する人, en: Who it lists}
			        required: true
			        options:
			          - {value: whole, label: {ja: 世帯全員, en: Everyone}}
			          - {value: some, label: {ja: 世帯の一部, en: Some members}}
			      - id: members
			        type: HOUSEHOLD_MEMBER
			        label: {ja: 記載する人を選んでください, en: Choose who it lists}
			        maxItems: 5
			        visibleWhen: {field: scope, equals: some}
			      - id: items
			        type: CHECKBOX
			        label: {ja: 記載事項, en: Items}
			        options:
			          - {value: honseki, label: {ja: 本籍, en: Registered domicile}}
			          - {value: myNumber, label: {ja: 個人番号, en: My Number}}
			      - id: agree
			        type: CHECKBOX
			        label: {ja: 内容に同意します, en: I agree}
			        required: true
			      - id: address
			        type: ADDRESS
			        label: {ja: 住所, en: Address}
			        prefill: ADDRESS
			      - id: phone
			        type: PHONE
			        label: {ja: 電話番号, en: Phone number}
			      - id: email
			        type: EMAIL
			        label: {ja: メールアドレス, en: Email address}
			      - id: account
			        type: BANK_ACCOUNT
			        label: {ja: 振込先口座, en: Bank account}
			      - id: document
			        type: FILE
			        label: {ja: 本人確認書類, en: Identity document}
			        types: [PDF, PNG]
			        maxBytes: 5242880
			        maxItems: 2
			        bringOriginal: true
			  - id: second
			    title: {ja: その他の目的, en: Other purpose}
			    visibleWhen: {field: purpose, equals: other}
			    fields:
			      - id: otherPurpose
			        type: TEXT
			        label: {ja: 目的（その他）, en: Purpose (other)}
			        required: true
			  - id: third
			    title: {ja: 受け取り, en: Collection}
			    fields:
			      - id: copyNote
			        type: TEXT
			        label: {ja: 通数についての補足, en: About the copies}
			        visibleWhen: {field: copies, notEmpty: true}
			workflow:
			  slaDays: 5
			  steps:
			    - id: review
			      name: {ja: 審査, en: Review}
			      role: EXAMINER
			""";

	private EveryFieldDefinition() {
	}

	public static ProcedureDefinition parse() {
		return ProcedureYaml.parse(YAML);
	}

	/** The same definition under another id, for tests that publish it. */
	public static String withId(String id) {
		return YAML.replace("id: every-field", "id: " + id);
	}
}
