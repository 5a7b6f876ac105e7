package org.madoguchi.assistant;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The analytics as CSV (RFC 4180) for spreadsheets. Residents' texts and staff-written questions are defused:
 * a cell that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection).
 */
final class AnalyticsCsv {

	enum Report {
		DAILY, ENTRIES, UNANSWERED
	}

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private AnalyticsCsv() {
	}

	static int daily(List<AssistantAnalytics.Day> days, Writer out) throws IOException {
		CSVPrinter csv = printer(out, "date", "questions", "answered", "unsure", "unanswered", "smalltalk",
				"answered_rate");
		for (AssistantAnalytics.Day d : days) {
			csv.printRecord(d.day(), d.questions(), d.count(AssistantAnalytics.Outcome.ANSWERED),
					d.count(AssistantAnalytics.Outcome.UNSURE), d.count(AssistantAnalytics.Outcome.UNANSWERED),
					d.count(AssistantAnalytics.Outcome.SMALLTALK), ratio(d.rate(AssistantAnalytics.Outcome.ANSWERED)));
		}
		csv.flush();
		return days.size();
	}

	static int entries(List<AssistantAnalytics.EntryFigures> rows, Map<String, String> questions, Writer out)
			throws IOException {
		CSVPrinter csv = printer(out, "entry_id", "question", "answered", "helpful", "unhelpful", "helpful_ratio");
		for (AssistantAnalytics.EntryFigures e : rows) {
			csv.printRecord(safe(e.entryId()), safe(questions.getOrDefault(e.entryId(), "")), e.answered(), e.helpful(),
					e.unhelpful(), ratio(e.helpfulRatio()));
		}
		csv.flush();
		return rows.size();
	}

	static int unanswered(List<AssistantAnalytics.Unanswered> rows, Writer out) throws IOException {
		CSVPrinter csv = printer(out, "text", "count", "last_asked", "none", "unsure", "unhelpful", "channels",
				"resolved");
		for (AssistantAnalytics.Unanswered u : rows) {
			csv.printRecord(safe(u.sample()), u.count(), AT.format(u.lastAskedAt().atZone(QuestionLog.ZONE)), u.none(),
					u.unsure(), u.unhelpful(),
					u.channels().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(" ")),
					u.resolved() ? u.action() : "");
		}
		csv.flush();
		return rows.size();
	}

	/** Cells starting with = + - @ TAB or CR are prefixed with ' so that spreadsheets do not run them. */
	static String safe(String s) {
		if (s != null && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
			return "'" + s;
		}
		return s == null ? "" : s;
	}

	private static String ratio(Double r) {
		return r == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", r);
	}

	private static CSVPrinter printer(Writer out, String... header) throws IOException {
		// not closed here: the writer belongs to the caller (an HTTP response)
		return CSVFormat.RFC4180.builder().setHeader(header).get().print(out);
	}
}
