package org.madoguchi.issuance;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.madoguchi.ledger.Ledger;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.CertificateSubject;
import org.madoguchi.registry.ResidentRegister;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issuing certified copies: the rules, then per copy a 発行番号, the rendered and sealed PDF, its entry in the
 * transparency log, the issuance history row and an access-log entry (with whether 個人番号 was printed), all in
 * one transaction: a copy that is not logged is not issued.
 */
@Service
@Transactional
public class Issuance {

	static final int MAX_PURPOSE = 200;

	static final int MAX_REASON = 400;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ResidentRegister register;

	private final IssuanceRules rules;

	private final SealedCopies copies;

	private final IssuedDocuments documents;

	private final Ledger ledger;

	private final AccessLog accessLog;

	private final IssuanceProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Issuance(ResidentRegister register, IssuanceRules rules, SealedCopies copies, IssuedDocuments documents,
			Ledger ledger, AccessLog accessLog, IssuanceProperties properties, ApplicationEventPublisher events,
			Clock clock) {
		this.register = register;
		this.rules = rules;
		this.copies = copies;
		this.documents = documents;
		this.ledger = ledger;
		this.accessLog = accessLog;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Issues {@code order.copies()} copies.
	 *
	 * @param issuedBy the staff member (counter, or the examiner who approved an online request)
	 * @param reviewed whether an examiner reviewed the request (needed for third-party requests)
	 * @throws IssuanceRefusedException when a rule stops the copy
	 */
	public List<IssuedDocument> issue(CertificateOrder order, String issuedBy, boolean reviewed) {
		validate(order);
		boolean myNumber = order.items().contains(PrintItem.MY_NUMBER);
		List<CertificateSubject> subjects = register.certificateSubjects(order.subjects(), myNumber,
				"証明書の交付 / certificate issuance");
		RequesterRelation relation = rules.check(order, subjects, reviewed);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		LocalDate today = LocalDate.now(clock);
		boolean online = order.channel() == IssueChannel.ONLINE;
		String terminal = online ? SealedCopies.ONLINE_TERMINAL : properties.counterTerminal();
		String printer = online ? SealedCopies.ONLINE_PRINTER : properties.counterPrinter();
		String subjectList = String.join(" ", subjects.stream()
			.map(s -> s.record().atenaNumber().value() + "/" + s.record().historyNumber())
			.toList());
		List<IssuedDocument> issued = new ArrayList<>();
		for (int copy = 0; copy < order.copies(); copy++) {
			String code = newCode();
			SealedCopies.Sealed sealed = copies.make(order, subjects, today, terminal, printer, documents.nextSerial(),
					code);
			IssuedDocument d = new IssuedDocument(UUID.randomUUID(), sealed.issueNumber(), code, order.kind(),
					order.layout(), order.items(), myNumber, subjects.get(0).record().householdNumber().value(),
					subjectList, order.requester().describe(), relation, order.purpose(), order.channel(),
					order.applicationId(), order.accountId(), terminal, issuedBy, now, sealed.pages(),
					sha256Hex(sealed.pdf()), 0, null, null, null);
			long entry = ledger.append(IssuanceEntries.ISSUANCE, d.id().toString(),
					IssuanceEntries.issuance(properties.cityName(), d));
			d = d.withLedgerEntry(entry);
			documents.insert(d, sealed.pdf());
			accessLog.record(AccessAction.ISSUE_CERTIFICATE, subjectList, "発行番号 " + d.issueNumber() + "; "
					+ d.kind().name() + "; 個人番号 " + (myNumber ? "記載あり / printed" : "記載なし / not printed")
					+ "; " + relation.name());
			events.publishEvent(new CertificateIssued(d.id(), d.issueNumber(), d.channel(), d.applicationId(),
					d.accountId(), now));
			issued.add(d);
		}
		return issued;
	}

	/**
	 * Revokes a copy (e.g. issued by mistake and reissued): the verification page says so from now on, and the
	 * revocation is recorded in the transparency log.
	 */
	public IssuedDocument revoke(UUID id, String reason, String by) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException(FieldError.of("reason", "issuance.error.reasonRequired"));
		}
		if (reason.length() > MAX_REASON) {
			throw new InvalidInputException(FieldError.of("reason", "issuance.error.tooLong", MAX_REASON));
		}
		IssuedDocument d = documents.find(id).orElseThrow(() -> new NotFoundException("issued document"));
		if (d.isRevoked()) {
			throw new IssuanceRefusedException("issuance.error.alreadyRevoked");
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		IssuedDocument revoked = d.revoked(now, by, reason.strip());
		long entry = ledger.append(IssuanceEntries.REVOCATION, d.id().toString(),
				IssuanceEntries.revocation(properties.cityName(), revoked));
		if (!documents.revoke(id, by, reason.strip(), now, entry)) {
			throw new IssuanceRefusedException("issuance.error.alreadyRevoked");
		}
		accessLog.record(AccessAction.REVOKE_CERTIFICATE, d.subjects(), "発行番号 " + d.issueNumber());
		return revoked;
	}

	/**
	 * 再交付: issues a new copy of the same persons, items and layout to the same requester (and, for an online copy,
	 * the same account), under the rules as they are today, and revokes the old one, saying which copy replaces it.
	 */
	public IssuedDocument reissue(UUID id, String reason, String by) {
		IssuedDocument old = documents.find(id).orElseThrow(() -> new NotFoundException("issued document"));
		if (old.isRevoked()) {
			throw new IssuanceRefusedException("issuance.error.alreadyRevoked");
		}
		List<AtenaNumber> subjects = java.util.Arrays.stream(old.subjects().split(" "))
			.map(s -> new AtenaNumber(s.substring(0, s.indexOf('/'))))
			.toList();
		CertificateOrder.Requester requester = old.requesterRelation() == RequesterRelation.THIRD_PARTY
				? new CertificateOrder.Requester(null, old.requester())
				: CertificateOrder.Requester.resident(new AtenaNumber(old.requester()));
		IssuedDocument copy = issue(new CertificateOrder(old.kind(), old.layout(), old.items(), subjects, requester,
				old.purpose(), old.channel(), old.applicationId(), old.accountId(), 1), by, true).get(0);
		String text = reason == null || reason.isBlank() ? "" : reason.strip() + " ";
		revoke(id, text + "（再交付: " + copy.issueNumber() + "）", by);
		return copy;
	}

	@Transactional(readOnly = true)
	public Optional<IssuedDocument> find(UUID id) {
		return documents.find(id);
	}

	@Transactional(readOnly = true)
	public List<IssuedDocument> recent(int limit) {
		return documents.recent(Math.max(1, Math.min(limit, 200)));
	}

	@Transactional(readOnly = true)
	public List<IssuedDocument> ofApplication(UUID applicationId) {
		return documents.ofApplication(applicationId);
	}

	/** The signed PDF, for staff (counter print or download); the access is logged. */
	public byte[] pdfForStaff(UUID id) {
		IssuedDocument d = documents.find(id).orElseThrow(() -> new NotFoundException("issued document"));
		accessLog.record(AccessAction.ISSUE_CERTIFICATE, d.subjects(), "PDF 表示・印刷 / opened " + d.issueNumber());
		return documents.pdf(id);
	}

	private static void validate(CertificateOrder order) {
		List<FieldError> errors = new ArrayList<>();
		if (order.subjects().isEmpty()) {
			errors.add(FieldError.of("subjects", "issuance.error.noSubjects"));
		}
		if (order.subjects().size() > CertificateOrder.MAX_SUBJECTS) {
			errors.add(FieldError.of("subjects", "issuance.error.tooManySubjects", CertificateOrder.MAX_SUBJECTS));
		}
		if (order.copies() < 1 || order.copies() > CertificateOrder.MAX_COPIES) {
			errors.add(FieldError.of("copies", "issuance.error.copies", CertificateOrder.MAX_COPIES));
		}
		if (order.purpose() != null && order.purpose().length() > MAX_PURPOSE) {
			errors.add(FieldError.of("purpose", "issuance.error.tooLong", MAX_PURPOSE));
		}
		if (order.requester() == null
				|| order.requester().atenaNumber() == null && (order.requester().name() == null
						|| order.requester().name().isBlank() || order.requester().name().length() > 100)) {
			errors.add(FieldError.of("requesterName", "issuance.error.requester"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	/** 160 random bits, URL-safe: the QR link cannot be guessed from another copy's. */
	private static String newCode() {
		byte[] b = new byte[20];
		RANDOM.nextBytes(b);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}

	static String sha256Hex(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
