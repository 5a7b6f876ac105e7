package org.madoguchi.registry;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as the register keeps it (e.g. 生年月日): the year always known, month and day possibly
 * 不詳 (unknown, stored as 0), and the era it was recorded in. Dates that the calendar does not
 * have but registers do (29 February in a common year, carried over from 戸籍) are kept;
 * impossible dates (month 13, 31 April) are rejected.
 *
 * <p>Stored as {@code yyyymmdd} with {@code 00} for an unknown part, plus the era code
 * ({@code W} for the western calendar, used for foreign residents).
 */
public record RegisterDate(int year, int month, int day, char eraCode) implements Comparable<RegisterDate> {

	/** Western-calendar marker for {@link #eraCode()}. */
	public static final char WESTERN = 'W';

	private static final Pattern WESTERN_TEXT = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
	private static final Pattern ERA_TEXT = Pattern.compile("([MTSHR])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{1,2})",
			Pattern.CASE_INSENSITIVE);

	public RegisterDate {
		if (year < 1800 || year > 2200) {
			throw new IllegalArgumentException("year out of range: " + year);
		}
		if (month < 0 || month > 12) {
			throw new IllegalArgumentException("month out of range: " + month);
		}
		if (month == 0 && day != 0) {
			throw new IllegalArgumentException("a day without a month");
		}
		if (day < 0 || day > maxDay(month)) {
			throw new IllegalArgumentException("day out of range: " + day);
		}
		if (eraCode != WESTERN) {
			Era.ofCode(eraCode);
		}
	}

	/** Longest day of a month in any year: 29 for February so that register-only dates survive. */
	private static int maxDay(int month) {
		return month == 0 ? 0 : YearMonth.of(2000, month).lengthOfMonth();
	}

	public static RegisterDate of(LocalDate date) {
		return new RegisterDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), Era.of(date).code());
	}

	public static RegisterDate western(LocalDate date) {
		return new RegisterDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), WESTERN);
	}

	/**
	 * Builds a date from an era year. {@code month} or {@code day} 0 means 不詳.
	 */
	public static RegisterDate ofEra(Era era, int eraYear, int month, int day) {
		if (eraYear < 1 || eraYear > 99) {
			throw new IllegalArgumentException("era year out of range: " + eraYear);
		}
		RegisterDate date = new RegisterDate(era.westernYear(eraYear), month, day, era.code());
		Era[] eras = Era.values();
		LocalDate next = era.ordinal() + 1 < eras.length ? eras[era.ordinal() + 1].firstDay() : LocalDate.MAX;
		if (date.latest().isBefore(era.firstDay()) || !date.earliest().isBefore(next)) {
			throw new IllegalArgumentException("outside the era " + era.japanese() + ": " + eraYear + "." + month + "." + day);
		}
		return date;
	}

	/**
	 * Parses {@code yyyy-mm-dd} (western, {@code 00} for 不詳) or {@code S45.3.0} (era code, era year,
	 * month, day; 0 for 不詳).
	 */
	public static RegisterDate parse(String text) {
		String t = text.strip();
		Matcher w = WESTERN_TEXT.matcher(t);
		if (w.matches()) {
			int y = Integer.parseInt(w.group(1));
			int m = Integer.parseInt(w.group(2));
			int d = Integer.parseInt(w.group(3));
			RegisterDate candidate = new RegisterDate(y, m, d, WESTERN);
			return new RegisterDate(y, m, d, candidate.impliedEra());
		}
		Matcher e = ERA_TEXT.matcher(t);
		if (e.matches()) {
			return ofEra(Era.ofCode(e.group(1).charAt(0)), Integer.parseInt(e.group(2)),
					Integer.parseInt(e.group(3)), Integer.parseInt(e.group(4)));
		}
		throw new IllegalArgumentException("not a date: " + text);
	}

	/** From the stored form. */
	public static RegisterDate fromStored(String yyyymmdd, String era) {
		return new RegisterDate(Integer.parseInt(yyyymmdd.substring(0, 4)), Integer.parseInt(yyyymmdd.substring(4, 6)),
				Integer.parseInt(yyyymmdd.substring(6, 8)), era == null || era.isEmpty() ? WESTERN : era.charAt(0));
	}

	public String stored() {
		return String.format("%04d%02d%02d", year, month, day);
	}

	public String eraStored() {
		return String.valueOf(eraCode);
	}

	public boolean isUnknownPart() {
		return month == 0 || day == 0;
	}

	/** True when the date exists in the calendar (so not 不詳 and not a register-only date). */
	public boolean isCalendarDate() {
		return month != 0 && day != 0 && day <= YearMonth.of(year, month).lengthOfMonth();
	}

	public Optional<LocalDate> toLocalDate() {
		return isCalendarDate() ? Optional.of(LocalDate.of(year, month, day)) : Optional.empty();
	}

	/** The earliest calendar day this date can mean (for ordering, age and range search). */
	public LocalDate earliest() {
		int m = month == 0 ? 1 : month;
		int d = day == 0 ? 1 : Math.min(day, YearMonth.of(year, m).lengthOfMonth());
		return LocalDate.of(year, m, d);
	}

	/** The latest calendar day this date can mean. */
	public LocalDate latest() {
		int m = month == 0 ? 12 : month;
		int d = day == 0 ? YearMonth.of(year, m).lengthOfMonth() : Math.min(day, YearMonth.of(year, m).lengthOfMonth());
		return LocalDate.of(year, m, d);
	}

	private char impliedEra() {
		return Era.of(earliest()).code();
	}

	/** Canonical text for forms and the API: {@code 1970-03-00}. */
	public String iso() {
		return String.format("%04d-%02d-%02d", year, month, day);
	}

	/** As the register prints it: 昭和45年3月不詳 / 1970年3月15日. */
	public String japanese() {
		StringBuilder sb = new StringBuilder();
		if (eraCode == WESTERN) {
			sb.append(year).append('年');
		}
		else {
			Era era = Era.ofCode(eraCode);
			int eraYear = year - era.firstYear() + 1;
			sb.append(era.japanese()).append(eraYear == 1 ? "元" : String.valueOf(eraYear)).append('年');
		}
		if (month == 0) {
			return sb.append("月日不詳").toString();
		}
		sb.append(month).append('月');
		return day == 0 ? sb.append("日不詳").toString() : sb.append(day).append('日').toString();
	}

	/** English rendering: 15 Mar 1970 (Showa 45), "unknown" for 不詳 parts. */
	public String english() {
		String[] names = { "", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
		String core = (day == 0 ? "" : day + " ") + (month == 0 ? "unknown month " : names[month] + " ") + year;
		if (eraCode == WESTERN) {
			return core;
		}
		Era era = Era.ofCode(eraCode);
		return core + " (" + era.english() + " " + (year - era.firstYear() + 1) + ")";
	}

	/** Age in full years on a day, counting an unknown part as its earliest day. */
	public int ageOn(LocalDate day) {
		return java.time.Period.between(earliest(), day).getYears();
	}

	@Override
	public int compareTo(RegisterDate o) {
		return stored().compareTo(o.stored());
	}

	@Override
	public String toString() {
		return iso();
	}
}
