package org.madoguchi.assistant;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.madoguchi.platform.FieldError;

/**
 * The days a staff report covers (集計期間), both included, in Japan's days: by default the last 30 days up to
 * today, at most {@link AssistantAnalytics#MAX_DAYS} days.
 *
 * @param errors what was wrong with the dates asked for (the default range is used instead)
 */
record ReportRange(LocalDate from, LocalDate to, List<FieldError> errors) {

	static final int DEFAULT_DAYS = 30;

	ReportRange {
		errors = List.copyOf(errors);
	}

	/** The range from request parameters ({@code yyyy-MM-dd}; blank: the default). */
	static ReportRange parse(String from, String to, Clock clock) {
		LocalDate today = clock.instant().atZone(QuestionLog.ZONE).toLocalDate();
		List<FieldError> errors = new ArrayList<>();
		LocalDate t = date(to, "to", today, errors);
		LocalDate f = date(from, "from", t.minusDays(DEFAULT_DAYS - 1), errors);
		if (errors.isEmpty() && t.isBefore(f)) {
			errors.add(FieldError.of("to", "assistant.analytics.error.order"));
		}
		else if (errors.isEmpty() && ChronoUnit.DAYS.between(f, t) + 1 > AssistantAnalytics.MAX_DAYS) {
			errors.add(FieldError.of("from", "assistant.analytics.error.tooLong", AssistantAnalytics.MAX_DAYS));
		}
		if (!errors.isEmpty()) {
			return new ReportRange(today.minusDays(DEFAULT_DAYS - 1), today, errors);
		}
		return new ReportRange(f, t, errors);
	}

	public long days() {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	private static LocalDate date(String s, String field, LocalDate otherwise, List<FieldError> errors) {
		if (s == null || s.isBlank()) {
			return otherwise;
		}
		try {
			LocalDate d = LocalDate.parse(s.strip());
			if (d.getYear() < 2000 || d.getYear() > 9999) {
				throw new DateTimeParseException("out of range", s, 0);
			}
			return d;
		}
		catch (DateTimeParseException e) {
			errors.add(FieldError.of(field, "assistant.analytics.error.date"));
			return otherwise;
		}
	}
}
