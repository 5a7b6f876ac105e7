package org.madoguchi.procedures;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * 和暦 (Japanese era dates) as residents type them: an era, a year of that era (元年 = 1), a month and a
 * day. Forms offer the eras below and {@code W} for a western (西暦) year.
 */
public final class Wareki {

	/** The code of a western (西暦) year in the form's era selector. */
	public static final String WESTERN = "W";

	private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

	private Wareki() {
	}

	/** The eras a date of birth or an event may fall in, with their first and last days. */
	public enum Era {

		MEIJI("M", "明治", "Meiji", LocalDate.of(1868, 1, 25)),
		TAISHO("T", "大正", "Taisho", LocalDate.of(1912, 7, 30)),
		SHOWA("S", "昭和", "Showa", LocalDate.of(1926, 12, 25)),
		HEISEI("H", "平成", "Heisei", LocalDate.of(1989, 1, 8)),
		REIWA("R", "令和", "Reiwa", LocalDate.of(2019, 5, 1));

		private final String code;
		private final String japanese;
		private final String english;
		private final LocalDate firstDay;

		Era(String code, String japanese, String english, LocalDate firstDay) {
			this.code = code;
			this.japanese = japanese;
			this.english = english;
			this.firstDay = firstDay;
		}

		/** {@code M T S H R}: the value the form's era selector sends. */
		public String code() {
			return code;
		}

		public String japanese() {
			return japanese;
		}

		public String english() {
			return english;
		}

		public Text label() {
			return Text.of(japanese, english);
		}

		public LocalDate firstDay() {
			return firstDay;
		}

		/** The era's last day, or empty for the current era. */
		public Optional<LocalDate> lastDay() {
			return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1].firstDay.minusDays(1))
					: Optional.empty();
		}

		/** The last year of the era (平成31年), or empty for the current era. */
		public Optional<Integer> lastYear() {
			return lastDay().map(d -> d.getYear() - firstDay.getYear() + 1);
		}

		public int westernYear(int eraYear) {
			return firstDay.getYear() + eraYear - 1;
		}

		/** By code ({@code R}) or name ({@code 令和}, {@code Reiwa}); case does not matter. */
		public static Optional<Era> of(String codeOrName) {
			if (codeOrName == null) {
				return Optional.empty();
			}
			String s = codeOrName.strip();
			for (Era e : values()) {
				if (e.code.equalsIgnoreCase(s) || e.japanese.equals(s) || e.english.equalsIgnoreCase(s)) {
					return Optional.of(e);
				}
			}
			return Optional.empty();
		}

		/** The era a day falls in; days before 明治 count as 明治. */
		public static Era of(LocalDate date) {
			Era result = MEIJI;
			for (Era e : values()) {
				if (!date.isBefore(e.firstDay)) {
					result = e;
				}
			}
			return result;
		}
	}

	/**
	 * A date as the form's parts: {@code era} is an {@link Era#code()}, {@code year} the era year.
	 */
	public record Parts(String era, int year, int month, int day) {
	}

	/** The parts to show a stored date in the form (the era it falls in; 明治 for days before it). */
	public static Parts parts(LocalDate date) {
		Era era = Era.of(date);
		return new Parts(era.code(), date.getYear() - era.firstDay().getYear() + 1, date.getMonthValue(),
				date.getDayOfMonth());
	}

	/** 「令和6年5月1日」 (元年 for the first year) in Japanese, 「1 May 2024」 in English. */
	public static String format(LocalDate date, Locale locale) {
		if (locale != null && "en".equals(locale.getLanguage())) {
			return ENGLISH.format(date);
		}
		if (date.isBefore(Era.MEIJI.firstDay())) {
			return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
		}
		Parts p = parts(date);
		Era era = Era.of(p.era()).orElseThrow();
		return era.japanese() + (p.year() == 1 ? "元" : String.valueOf(p.year())) + "年" + p.month() + "月" + p.day() + "日";
	}

	/** A date as a text in both languages, for message arguments. */
	public static Text text(LocalDate date) {
		return Text.of(format(date, Locale.JAPANESE), format(date, Locale.ENGLISH));
	}
}
