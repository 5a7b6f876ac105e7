package org.madoguchi.issuance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.madoguchi.issuance.document.DocumentKind;
import org.madoguchi.issuance.document.Layout;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.registry.AtenaNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 第三者請求: a request at the counter by someone who is neither the person nor of the same household. It waits for
 * an examiner (審査), who is never the staff member who took it; approval issues the copy, rejection keeps the
 * reason. Both are in the access log.
 */
@Service
@Transactional
public class ThirdPartyRequests {

	static final int MAX_PURPOSE = 400;

	private final JdbcTemplate jdbc;

	private final Issuance issuance;

	private final AccessLog accessLog;

	private final Clock clock;

	ThirdPartyRequests(JdbcTemplate jdbc, Issuance issuance, AccessLog accessLog, Clock clock) {
		this.jdbc = jdbc;
		this.issuance = issuance;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	/** Records the request; the purpose (利用目的, e.g. 債権回収のため) must be stated. */
	public UUID submit(CertificateOrder order, String requestedBy) {
		if (order.purpose() == null || order.purpose().isBlank()) {
			throw new InvalidInputException(FieldError.of("purpose", "issuance.error.purposeRequired"));
		}
		if (order.purpose().length() > MAX_PURPOSE) {
			throw new InvalidInputException(FieldError.of("purpose", "issuance.error.tooLong", MAX_PURPOSE));
		}
		if (order.subjects().isEmpty()) {
			throw new InvalidInputException(FieldError.of("subjects", "issuance.error.noSubjects"));
		}
		UUID id = UUID.randomUUID();
		String subjects = String.join(" ", order.subjects().stream().map(AtenaNumber::value).toList());
		jdbc.update("INSERT INTO issuance_request (id, kind, layout, items, subjects, requester, purpose, status, "
				+ "requested_by, requested_at) VALUES (?,?,?,?,?,?,?,?,?,?)", id, order.kind().name(),
				order.layout().name(), PrintItem.join(order.items()), subjects, order.requester().describe(),
				order.purpose().strip(), "PENDING", requestedBy, Timestamp.from(clock.instant()));
		accessLog.record(AccessAction.ISSUE_CERTIFICATE, subjects, "第三者請求の受付 / third-party request " + id);
		return id;
	}

	@Transactional(readOnly = true)
	public List<Pending> pending() {
		return jdbc.query("SELECT * FROM issuance_request WHERE status = 'PENDING' ORDER BY requested_at", (rs, i) ->
				new Pending(rs.getObject("id", UUID.class), DocumentKind.valueOf(rs.getString("kind")),
						Layout.valueOf(rs.getString("layout")), PrintItem.parse(rs.getString("items")),
						Arrays.stream(rs.getString("subjects").split(" ")).map(AtenaNumber::new).toList(),
						rs.getString("requester"), rs.getString("purpose"), rs.getString("requested_by"),
						rs.getTimestamp("requested_at").toInstant()));
	}

	/** Approves and issues one copy; the examiner must not be the one who took the request. */
	public IssuedDocument approve(UUID id, String examiner, String note) {
		Pending p = find(id);
		if (p.requestedBy().equals(examiner)) {
			accessLog.recordDenied(AccessAction.ISSUE_CERTIFICATE, id.toString(), "same person took and approved");
			throw new IssuanceRefusedException("issuance.error.sameExaminer");
		}
		CertificateOrder order = new CertificateOrder(p.kind(), p.layout(), p.items(), p.subjects(),
				new CertificateOrder.Requester(null, p.requester()), p.purpose(), IssueChannel.COUNTER, null, null, 1);
		IssuedDocument d = issuance.issue(order, examiner, true).get(0);
		decide(id, "APPROVED", examiner, note, d.id());
		return d;
	}

	public void reject(UUID id, String examiner, String note) {
		find(id);
		if (note == null || note.isBlank()) {
			throw new InvalidInputException(FieldError.of("note", "issuance.error.reasonRequired"));
		}
		decide(id, "REJECTED", examiner, note, null);
		accessLog.record(AccessAction.ISSUE_CERTIFICATE, id.toString(), "第三者請求の却下 / third-party request rejected");
	}

	private Pending find(UUID id) {
		return pending().stream()
			.filter(p -> p.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("request"));
	}

	private void decide(UUID id, String status, String examiner, String note, UUID document) {
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > MAX_PURPOSE) {
			throw new InvalidInputException(FieldError.of("note", "issuance.error.tooLong", MAX_PURPOSE));
		}
		int n = jdbc.update("UPDATE issuance_request SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?, "
				+ "document_id = ? WHERE id = ? AND status = 'PENDING'", status, examiner,
				Timestamp.from(clock.instant()), text, document, id);
		if (n != 1) {
			throw new NotFoundException("request");
		}
	}

	/** A request waiting for review. */
	public record Pending(UUID id, DocumentKind kind, Layout layout, java.util.Set<PrintItem> items,
			List<AtenaNumber> subjects, String requester, String purpose, String requestedBy, Instant requestedAt) {
	}
}
