package org.madoguchi.applications;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.madoguchi.attachments.Attachments;
import org.madoguchi.attachments.StoredAttachment;
import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.procedures.FieldDefinition;
import org.madoguchi.procedures.ProcedureCatalog;
import org.madoguchi.procedures.ProcedureDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Linkage to core systems (基幹系連携): the pull-type feed of accepted applications with
 * acknowledgement, and the CSV file per procedure (file linkage is the standard's base pattern).
 */
@Service
@Transactional
public class Linkage {

	public static final int MAX_PAGE = 500;
	public static final int MAX_CSV_ROWS = 100_000;

	private final AcceptedFeed feed;
	private final ApplicationRepository repository;
	private final ProcedureCatalog catalog;
	private final Attachments attachments;
	private final AccessLog accessLog;
	private final Clock clock;

	Linkage(AcceptedFeed feed, ApplicationRepository repository, ProcedureCatalog catalog, Attachments attachments,
			AccessLog accessLog, Clock clock) {
		this.feed = feed;
		this.repository = repository;
		this.catalog = catalog;
		this.attachments = attachments;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	/** One accepted application as the feed delivers it. */
	public record FeedItem(long seq, Application application, List<StoredAttachment> attachments) {
	}

	public record FeedPage(List<FeedItem> items, long nextCursor, long acknowledged, long head) {
	}

	/**
	 * Entries after {@code after}, or after the consumer's acknowledgement when {@code after} is null.
	 */
	public FeedPage read(String consumer, Long after, String procedureId, int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw new InvalidInputException(FieldError.of("limit", "applications.error.limit", MAX_PAGE));
		}
		long acknowledged = feed.acknowledged(cursorKey(consumer, procedureId));
		long cursor = after != null ? after : acknowledged;
		List<FeedItem> items = new ArrayList<>();
		for (AcceptedFeed.Entry e : feed.after(cursor, procedureId, limit)) {
			Application a = repository.find(e.applicationId()).orElseThrow();
			items.add(new FeedItem(e.seq(), a, attachments.listFor(a.id())));
		}
		long next = items.isEmpty() ? cursor : items.get(items.size() - 1).seq();
		accessLog.record(AccessAction.APPLICATION_FEED_READ, "cursor " + cursor, items.size() + " applications");
		return new FeedPage(items, next, acknowledged, feed.head());
	}

	/**
	 * The consumer has stored everything up to {@code seq} (of the procedure's entries when it reads the feed
	 * filtered by procedure: each filter has its own acknowledgement, so that acknowledging one procedure never
	 * skips another's entries).
	 */
	public long acknowledge(String consumer, String procedureId, long seq) {
		if (seq < 0 || seq > feed.head()) {
			throw new InvalidInputException(FieldError.of("cursor", "applications.error.ackBeyondHead", feed.head()));
		}
		String key = cursorKey(consumer, procedureId);
		feed.acknowledge(key, seq, clock.instant());
		return feed.acknowledged(key);
	}

	public long acknowledge(String consumer, long seq) {
		return acknowledge(consumer, null, seq);
	}

	private static String cursorKey(String consumer, String procedureId) {
		return procedureId == null || procedureId.isBlank() ? consumer : consumer + "|" + procedureId;
	}

	/**
	 * Writes a procedure's submitted applications as CSV (UTF-8; one column per field, answers as stored).
	 */
	public void exportCsv(String procedureId, String status, Writer out, Locale locale) throws IOException {
		ProcedureDefinition d = catalog.current(procedureId)
			.orElseThrow(() -> new NotFoundException("procedure " + procedureId))
			.definition();
		List<FieldDefinition> fields = d.fields().toList();
		List<String> header = new ArrayList<>(List.of("receipt_number", "status", "procedure_version", "submitted_at",
				"decided_at", "applicant_name", "applicant_email", "atena_number", "fee_yen"));
		fields.forEach(f -> header.add(f.id()));
		int rows = 0;
		// not closed here: the writer belongs to the caller (an HTTP response)
		CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(out);
		{
			int offset = 0;
			while (rows < MAX_CSV_ROWS) {
				List<Application> page = repository.submittedOf(procedureId, status, 1000, offset);
				if (page.isEmpty()) {
					break;
				}
				for (Application a : page) {
					List<Object> row = new ArrayList<>(List.of(a.receiptNumber(), a.status(), a.procedureVersion(),
							String.valueOf(a.submittedAt()), a.decidedAt() == null ? "" : a.decidedAt().toString(),
							safe(nz(a.applicantName())), safe(nz(a.applicantEmail())), nz(a.atenaNumber()),
							a.feeYen() == null ? "" : a.feeYen()));
					for (FieldDefinition f : fields) {
						Object v = a.answers().get(f.id());
						row.add(v == null ? "" : v instanceof String s ? safe(s) : safe(a.answers().toJsonOf(f.id())));
					}
					csv.printRecord(row);
					rows++;
				}
				offset += page.size();
			}
			csv.flush();
		}
		accessLog.record(AccessAction.EXPORT_APPLICATIONS, procedureId, rows + " rows");
	}

	/** Cells starting with = + - @ are prefixed with ' so that spreadsheets do not run them (CSV injection). */
	static String safe(String s) {
		if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
			return "'" + s;
		}
		return s;
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
