package org.madoguchi.assistant;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.madoguchi.platform.FieldError;

/**
 * The knowledge base as a CSV file (RFC 4180, UTF-8 with a byte order mark so that Excel reads it as UTF-8), for
 * editing many entries in a spreadsheet and loading them back.
 *
 * <p>Columns: {@link #COLUMNS}. {@code alternatives} holds one phrasing per line inside the (quoted) cell, like
 * the edit form's text area. {@code status} is DRAFT, PUBLISHED or WITHDRAWN (下書き・公開・取り下げ are read too);
 * dates are yyyy-MM-dd. {@code origin} and {@code version} are written for information and ignored when read.
 *
 * <p>A cell starting with = + - @ TAB or CR would be run as a formula by spreadsheets (CSV injection), so it is
 * written with a leading apostrophe; so is a cell starting with an apostrophe, so that reading strips exactly
 * one apostrophe before any of those characters and a file read back gives the same text.
 */
final class KnowledgeBaseCsv {

	static final List<String> COLUMNS = List.of("id", "category", "status", "question", "alternatives", "answer", "url",
			"procedure", "department", "phone", "valid_from", "valid_until", "origin", "version");

	static final List<String> REQUIRED = List.of("id", "category", "status", "question", "answer", "department",
			"phone");

	static final long MAX_BYTES = 5L * 1024 * 1024;

	static final int MAX_ROWS = 5_000;

	/** Past this many problems the rest of the file is not reported (it is still not saved). */
	static final int MAX_REPORTED_ERRORS = 200;

	private static final String DEFUSE = "=+-@\t\r'";

	private KnowledgeBaseCsv() {
	}

	static void write(Writer out, List<StoredEntry> entries, Set<String> standardIds) throws IOException {
		out.write('\uFEFF');
		CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get().print(out);
		for (StoredEntry e : entries) {
			QaEntry q = e.entry();
			csv.printRecord(safe(q.id()), safe(q.category()), e.status().name(), safe(q.question()),
					safe(String.join("\n", q.alternatives())), safe(q.answer()), safe(q.url()), safe(q.procedure()),
					safe(q.department()), safe(q.phone()), e.validFrom() == null ? "" : e.validFrom().toString(),
					e.validUntil() == null ? "" : e.validUntil().toString(), EntryOrigin.of(e, standardIds).name(),
					e.version());
		}
		csv.flush();
	}

	/**
	 * One data row read.
	 *
	 * @param line the row's number as a spreadsheet shows it (the header is row 1)
	 */
	record Row(int line, KnowledgeBase.Draft draft) {
	}

	/** The rows read, and the problems found while reading (each with its {@link FieldError#row() row}). */
	record Parsed(List<Row> rows, List<FieldError> errors) {
	}

	/**
	 * Reads every row; problems of form (header, column count, unreadable status or date, a repeated id, too many
	 * rows) are collected, not thrown. The drafts' content is checked by the caller.
	 */
	static Parsed read(Reader in) {
		List<FieldError> errors = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		CSVParser parser;
		try {
			parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
		}
		catch (IllegalArgumentException | IOException | UncheckedIOException e) {
			return new Parsed(rows, List.of(new FieldError(1, "header", "assistant.kb.csv.error.header")));
		}
		Map<String, Integer> header = new HashMap<>();
		parser.getHeaderMap().forEach((k, v) -> header.put(k.replace("\uFEFF", "").strip().toLowerCase(), v));
		for (String name : header.keySet()) {
			if (!COLUMNS.contains(name)) {
				errors.add(new FieldError(1, "header", "assistant.kb.csv.error.unknownColumn", name));
			}
		}
		for (String required : REQUIRED) {
			if (!header.containsKey(required)) {
				errors.add(new FieldError(1, "header", "assistant.kb.csv.error.missingColumn", required));
			}
		}
		if (!errors.isEmpty()) {
			return new Parsed(rows, errors);
		}
		Set<String> ids = new HashSet<>();
		int count = 0;
		try {
			for (CSVRecord rec : parser) {
				int line = (int) rec.getRecordNumber() + 1;
				if (rec.size() == 1 && rec.get(0).isBlank()) {
					continue; // an empty line, e.g. at the end of the file
				}
				if (++count > MAX_ROWS) {
					errors.add(new FieldError(line, "file", "assistant.kb.csv.error.tooManyRows", MAX_ROWS));
					break;
				}
				if (rec.size() != header.size()) {
					errors.add(new FieldError(line, "row", "assistant.kb.csv.error.columnCount", header.size(), rec.size()));
					continue;
				}
				List<FieldError> rowErrors = new ArrayList<>();
				java.util.function.Function<String, String> col = name -> {
					Integer i = header.get(name);
					return i == null ? null : unsafe(rec.get(i));
				};
				EntryStatus status = EntryForm.status(col.apply("status"));
				if (status == null) {
					rowErrors.add(FieldError.of("status", "assistant.entry.error.status"));
				}
				KnowledgeBase.Draft d = new KnowledgeBase.Draft(col.apply("id"), col.apply("category"),
						col.apply("question"), EntryForm.lines(col.apply("alternatives")), col.apply("answer"),
						col.apply("url"), col.apply("procedure"), col.apply("department"), col.apply("phone"), status,
						EntryForm.date(col.apply("valid_from"), "validFrom", rowErrors),
						EntryForm.date(col.apply("valid_until"), "validUntil", rowErrors));
				if (d.id() != null && !ids.add(d.id())) {
					rowErrors.add(FieldError.of("id", "assistant.kb.csv.error.duplicateId", d.id()));
				}
				rowErrors.forEach(e -> errors.add(e.atRow(line)));
				rows.add(new Row(line, d));
				if (errors.size() >= MAX_REPORTED_ERRORS) {
					break;
				}
			}
		}
		catch (UncheckedIOException | IllegalStateException e) {
			errors.add(new FieldError(count + 2, "row", "assistant.kb.csv.error.malformed"));
		}
		if (rows.isEmpty() && errors.isEmpty()) {
			errors.add(new FieldError(2, "file", "assistant.kb.csv.error.empty"));
		}
		return new Parsed(rows, errors);
	}

	/** The cell as written: a leading apostrophe before formula characters (and before an apostrophe). */
	static String safe(String s) {
		if (s == null) {
			return "";
		}
		return !s.isEmpty() && DEFUSE.indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
	}

	/** The inverse of {@link #safe}. */
	static String unsafe(String s) {
		if (s != null && s.length() >= 2 && s.charAt(0) == '\'' && DEFUSE.indexOf(s.charAt(1)) >= 0) {
			return s.substring(1);
		}
		return s;
	}
}
