package org.madoguchi.issuance.document;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.temporal.ChronoField;

/** The issue date in 和暦 (令和8年11月26日; the first year of an era is 元年). */
final class EraDates {

	private EraDates() {
	}

	static String format(LocalDate date) {
		JapaneseDate japanese = JapaneseDate.from(date);
		JapaneseEra era = japanese.getEra();
		String name = era.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.JAPANESE);
		int year = japanese.get(ChronoField.YEAR_OF_ERA);
		return name + (year == 1 ? "元" : Integer.toString(year)) + "年" + date.getMonthValue() + "月"
				+ date.getDayOfMonth() + "日";
	}
}
