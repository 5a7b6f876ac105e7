package org.madoguchi.procedures;

/**
 * The kinds of field a procedure page can hold. How each is bound from a form and stored in
 * {@link Answers} is described in {@code docs/procedure-format.md}.
 */
public enum FieldType {
	/** One line of text. */
	TEXT,
	/** Several lines of text. */
	TEXTAREA,
	/** Full-width katakana (振り仮名, 口座名義); hiragana is converted. */
	KATAKANA,
	/** A whole number (half-width digits; full-width accepted and converted). */
	NUMBER,
	/** A calendar date, entered as 和暦 (era, year, month, day) or western year; stored as ISO yyyy-MM-dd. */
	DATE,
	/** One choice from a drop-down list. */
	SELECT,
	/** One choice from radio buttons. */
	RADIO,
	/** Zero or more choices from check boxes (or one yes/no box when there are no options). */
	CHECKBOX,
	/** A Japanese address: 郵便番号, 住所, 方書. */
	ADDRESS,
	/** A telephone number. */
	PHONE,
	/** An email address. */
	EMAIL,
	/** One or more members of the applicant's household, chosen from the register (prefilled for linked residents). */
	HOUSEHOLD_MEMBER,
	/** A bank account for payments: 金融機関・支店・種別・口座番号・名義カナ. */
	BANK_ACCOUNT,
	/** An uploaded file (attachment). */
	FILE
}
