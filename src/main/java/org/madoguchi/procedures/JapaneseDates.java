package org.madoguchi.procedures;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Dates as residents write them: 和暦 (元号 + year) or 西暦. Procedure forms take a DATE as era code,
 * year, month and day ({@code f.x.era}, {@code f.x.year}, …) and store ISO {@code yyyy-MM-dd}; this class
 * converts both ways and formats a date for display (令和8年11月26日 / 26 November 2026).
 * <p>
 * Era codes: {@code R} 令和, {@code H} 平成, {@code S} 昭和, {@code T} 大正, {@code M} 明治, {@code W} 西暦.
 * The eras themselves are {@link Wareki.Era}; this class is the form-facing side (strings in, strings out).
 */
public final class JapaneseDates {

	/** The era codes in the order a form offers them (newest first, 西暦 last). */
	public static final List<String> ERA_CODES = List.of("R", "H", "S", "T", "M", "W");

	/** The western era code. */
	public static final String WESTERN = "W";

	private JapaneseDates() {
	}

	/**
	 * A date split as a form shows it. All parts are strings so that they can go straight into inputs.
	 *
	 * @param era an era code ({@link #ERA_CODES})
	 * @param year the era year (元年 = 1), or the western year for {@code W}
	 */
	public record Parts(String era, String year, String month, String day) {

		static final Parts EMPTY = new Parts("", "", "", "");
	}

	/**
	 * Splits an ISO date into era parts. In Japanese the era in force on that day is used; in English,
	 * and for days before 明治, the western year. Null, blank or malformed input gives empty parts.
	 */
	public static Parts parts(String iso, Locale locale) {
		LocalDate date = parse(iso);
		if (date == null) {
			return Parts.EMPTY;
		}
		if (date.isBefore(Wareki.Era.MEIJI.firstDay()) || isEnglish(locale)) {
			return new Parts(WESTERN, Integer.toString(date.getYear()), Integer.toString(date.getMonthValue()),
					Integer.toString(date.getDayOfMonth()));
		}
		Wareki.Parts p = Wareki.parts(date);
		return new Parts(p.era(), Integer.toString(p.year()), Integer.toString(p.month()), Integer.toString(p.day()));
	}

	/**
	 * The day given as era code and era year (or {@code W} and the western year), month and day. A day
	 * outside the era (平成31年5月1日, 令和1年4月30日) is refused, as the city's paper forms would.
	 * @throws IllegalArgumentException for an unknown era or a day that does not exist in it
	 */
	public static LocalDate toDate(String eraCode, int year, int month, int day) {
		if (eraCode == null) {
			throw new IllegalArgumentException("no era");
		}
		String code = eraCode.strip().toUpperCase(Locale.ROOT);
		if (year < 1) {
			throw new IllegalArgumentException("year must be 1 or more");
		}
		try {
			if (WESTERN.equals(code)) {
				return LocalDate.of(year, month, day);
			}
			Wareki.Era era = Wareki.Era.of(code).orElse(null);
			if (era != null) {
				LocalDate date = LocalDate.of(era.westernYear(year), month, day);
				if (date.isBefore(era.firstDay()) || era.lastDay().map(date::isAfter).orElse(false)) {
					throw new IllegalArgumentException("not a day of " + era.english());
				}
				return date;
			}
		}
		catch (DateTimeException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
		throw new IllegalArgumentException("unknown era: " + eraCode);
	}

	/** 令和8年11月26日 (元年 for the first year) in Japanese, 26 November 2026 in English. */
	public static String format(LocalDate date, Locale locale) {
		return Wareki.format(date, locale);
	}

	/** Formats an ISO date; text that is not one (a 不詳 birth date with 00 parts) is returned as it is. */
	public static String format(String iso, Locale locale) {
		LocalDate date = parse(iso);
		return date == null ? (iso == null ? "" : iso) : format(date, locale);
	}

	/** The name of an era code in the locale (令和 / Reiwa, 西暦 / Western year); the code itself when unknown. */
	public static String eraName(String code, Locale locale) {
		if (WESTERN.equals(code)) {
			return isEnglish(locale) ? "Western year" : "西暦";
		}
		return Wareki.Era.of(code).map(e -> isEnglish(locale) ? e.english() : e.japanese()).orElse(code);
	}

	private static LocalDate parse(String iso) {
		if (iso == null || iso.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(iso.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	static boolean isEnglish(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}
}
