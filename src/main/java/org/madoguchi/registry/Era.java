package org.madoguchi.registry;

import java.time.LocalDate;

/** The Japanese eras (元号) the register needs, with the first day of each. */
public enum Era {

	MEIJI('M', "明治", "Meiji", LocalDate.of(1868, 1, 25)),
	TAISHO('T', "大正", "Taisho", LocalDate.of(1912, 7, 30)),
	SHOWA('S', "昭和", "Showa", LocalDate.of(1926, 12, 25)),
	HEISEI('H', "平成", "Heisei", LocalDate.of(1989, 1, 8)),
	REIWA('R', "令和", "Reiwa", LocalDate.of(2019, 5, 1));

	private final char code;
	private final String japanese;
	private final String english;
	private final LocalDate firstDay;

	Era(char code, String japanese, String english, LocalDate firstDay) {
		this.code = code;
		this.japanese = japanese;
		this.english = english;
		this.firstDay = firstDay;
	}

	public char code() {
		return code;
	}

	public String japanese() {
		return japanese;
	}

	public String english() {
		return english;
	}

	public LocalDate firstDay() {
		return firstDay;
	}

	public int firstYear() {
		return firstDay.getYear();
	}

	/** The western year of the given era year (元年 = 1). */
	public int westernYear(int eraYear) {
		return firstYear() + eraYear - 1;
	}

	public static Era ofCode(char code) {
		for (Era era : values()) {
			if (era.code == Character.toUpperCase(code)) {
				return era;
			}
		}
		throw new IllegalArgumentException("unknown era: " + code);
	}

	/** The era in force on a day; for a day before Meiji, Meiji. */
	public static Era of(LocalDate date) {
		Era result = MEIJI;
		for (Era era : values()) {
			if (!date.isBefore(era.firstDay)) {
				result = era;
			}
		}
		return result;
	}

	public static Era ofJapanese(String name) {
		for (Era era : values()) {
			if (era.japanese.equals(name)) {
				return era;
			}
		}
		throw new IllegalArgumentException("unknown era: " + name);
	}
}
