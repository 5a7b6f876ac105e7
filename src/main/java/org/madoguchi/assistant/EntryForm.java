package org.madoguchi.assistant;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.madoguchi.platform.FieldError;

/**
 * The Q&amp;A edit form as typed (every field a string, so that whatever was typed is shown again on an error).
 *
 * @param alternatives the other phrasings (言い換え), one per line
 * @param status {@link EntryStatus} name
 * @param validFrom 掲載開始日 as yyyy-MM-dd, or blank
 * @param expectedVersion the version the editor started from (optimistic locking)
 */
record EntryForm(String id, String category, String question, String alternatives, String answer, String url,
		String procedure, String department, String phone, String status, String validFrom, String validUntil,
		String expectedVersion) {

	/** What an empty "new entry" form starts with. */
	static EntryForm blank(String question, String category) {
		return new EntryForm("", category == null ? "" : category, question == null ? "" : question, "", "", "", "",
				"", "", EntryStatus.DRAFT.name(), "", "", "0");
	}

	static EntryForm of(StoredEntry e) {
		QaEntry q = e.entry();
		return new EntryForm(q.id(), q.category(), q.question(), String.join("\n", q.alternatives()), q.answer(),
				nz(q.url()), nz(q.procedure()), q.department(), q.phone(), e.status().name(), date(e.validFrom()),
				date(e.validUntil()), String.valueOf(e.version()));
	}

	EntryForm withId(String newId) {
		return new EntryForm(newId, category, question, alternatives, answer, url, procedure, department, phone, status,
				validFrom, validUntil, expectedVersion);
	}

	EntryForm withExpectedVersion(int version) {
		return new EntryForm(id, category, question, alternatives, answer, url, procedure, department, phone, status,
				validFrom, validUntil, String.valueOf(version));
	}

	/** The draft, adding to {@code errors} what cannot even be read (a malformed date or status). */
	KnowledgeBase.Draft draft(List<FieldError> errors) {
		EntryStatus s = status(status);
		if (s == null) {
			errors.add(FieldError.of("status", "assistant.entry.error.status"));
		}
		return new KnowledgeBase.Draft(id, category, question, lines(alternatives), answer, url, procedure, department,
				phone, s, date(validFrom, "validFrom", errors), date(validUntil, "validUntil", errors));
	}

	/** The expected version, or -1 when the hidden field was tampered with (then saving reports a conflict). */
	int version() {
		try {
			return expectedVersion == null ? -1 : Integer.parseInt(expectedVersion.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	/** One phrasing per line; blank lines are dropped. */
	static List<String> lines(String text) {
		return text == null ? List.of() : Arrays.stream(text.split("\\r?\\n|\\r")).map(String::strip)
			.filter(l -> !l.isEmpty()).toList();
	}

	static EntryStatus status(String s) {
		if (s == null) {
			return null;
		}
		return switch (s.strip()) {
			case "DRAFT", "下書き" -> EntryStatus.DRAFT;
			case "PUBLISHED", "公開" -> EntryStatus.PUBLISHED;
			case "WITHDRAWN", "取り下げ" -> EntryStatus.WITHDRAWN;
			default -> null;
		};
	}

	static LocalDate date(String s, String field, List<FieldError> errors) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(s.strip());
		}
		catch (DateTimeParseException e) {
			errors.add(FieldError.of(field, "assistant.kb.error.date"));
			return null;
		}
	}

	private static String date(LocalDate d) {
		return d == null ? "" : d.toString();
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
