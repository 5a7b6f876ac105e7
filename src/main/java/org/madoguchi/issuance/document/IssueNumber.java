package org.madoguchi.issuance.document;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * 発行番号, unique per copy: date, city, terminal, printer and serial, e.g. {@code 20200502 東雲野市 本庁1 プリンタ001 011};
 * the renderer appends page/pages on every page ({@code … 011 1/2}).
 *
 * @param date issue date (printed as yyyyMMdd)
 * @param city city name (東雲野市)
 * @param terminal place or terminal (本庁1, 電子交付 …; no spaces)
 * @param printer printer (プリンタ001; no spaces)
 * @param serial serial number of the day, 1 … 999 999 999 (printed with at least three digits)
 */
public record IssueNumber(LocalDate date, String city, String terminal, String printer, int serial) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	public IssueNumber {
		if (date == null) {
			throw new IllegalArgumentException("発行番号 needs a date");
		}
		city = word("発行番号の市区町村名", city);
		terminal = word("発行番号の端末", terminal);
		printer = word("発行番号のプリンタ", printer);
		if (serial < 1 || serial > 999_999_999) {
			throw new IllegalArgumentException("発行番号の通番 must be 1 … 999999999, not " + serial);
		}
	}

	private static String word(String item, String value) {
		String v = Texts.required(item, value, 16);
		if (v.chars().anyMatch(Character::isWhitespace) || v.contains("\u3000")) {
			throw new IllegalArgumentException(item + " must not contain spaces (they separate the parts)");
		}
		return v;
	}

	/** Without page: {@code 20200502 東雲野市 本庁1 プリンタ001 011}. */
	public String text() {
		return DAY.format(date) + " " + city + " " + terminal + " " + printer + " " + String.format("%03d", serial);
	}

	/** As printed on a page: {@code 20200502 東雲野市 本庁1 プリンタ001 011 1/2}. */
	public String text(int page, int pages) {
		return text() + " " + page + "/" + pages;
	}
}
