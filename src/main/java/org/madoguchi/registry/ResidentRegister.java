package org.madoguchi.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.platform.RuleViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the register. Every read is written to the access log in the same transaction: a read
 * that cannot be logged does not happen.
 */
@Service
@Transactional(readOnly = true)
public class ResidentRegister {

	private final ResidentRecordRepository records;
	private final ProtectionRepository protections;
	private final ChangeFeed feed;
	private final MyNumberCipher cipher;
	private final AccessLog accessLog;
	private final Clock clock;

	ResidentRegister(ResidentRecordRepository records, ProtectionRepository protections, ChangeFeed feed,
			MyNumberCipher cipher, AccessLog accessLog, Clock clock) {
		this.records = records;
		this.protections = protections;
		this.feed = feed;
		this.cipher = cipher;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	@Transactional
	public List<ResidentRecord> search(ResidentSearch search) {
		if (search.isEmpty()) {
			return List.of();
		}
		List<ResidentRecord> found = records.search(search);
		accessLog.record(AccessAction.SEARCH, subjects(found), search.describe() + " → " + found.size());
		return found;
	}

	/** The current record of a person, with protections; refused while an inquiry 抑止 is in force. */
	@Transactional(noRollbackFor = RuleViolationException.class)
	public PersonView person(AtenaNumber atena) {
		PersonView view = inquire(atena, AccessAction.READ_PERSON);
		accessLog.record(AccessAction.READ_PERSON, atena.value(), null);
		return view;
	}

	@Transactional(noRollbackFor = RuleViolationException.class)
	public List<ResidentRecord> history(AtenaNumber atena) {
		inquire(atena, AccessAction.READ_HISTORY);
		List<ResidentRecord> history = records.history(atena);
		accessLog.record(AccessAction.READ_HISTORY, atena.value(), history.size() + " snapshots");
		return history;
	}

	/** Loads a person and refuses (logging the refusal) while an inquiry 抑止 is in force. */
	private PersonView inquire(AtenaNumber atena, AccessAction action) {
		ResidentRecord record = records.findLatest(atena).orElseThrow(() -> new NotFoundException("person " + atena));
		List<Suppression> suppressions = protections.suppressions(atena.value(), record.householdNumber().value());
		LocalDate today = LocalDate.now(clock);
		if (suppressions.stream().anyMatch(s -> s.activeOn(today) && s.blockInquiry())
				&& !StaffContext.hasAnyRole("ADMIN")) {
			accessLog.recordDenied(action, atena.value(), "inquiry suppressed (抑止)");
			throw new RuleViolationException("error.rule.inquirySuppressed");
		}
		return new PersonView(record, protections.supportMeasures(atena), suppressions, today);
	}

	@Transactional
	public ResidentRecord snapshot(AtenaNumber atena, int historyNumber) {
		ResidentRecord r = records.findSnapshot(atena, historyNumber)
				.orElseThrow(() -> new NotFoundException("snapshot " + atena + "/" + historyNumber));
		accessLog.record(AccessAction.READ_HISTORY, atena.value(), "履歴番号 " + historyNumber);
		return r;
	}

	@Transactional
	public List<ResidentRecord> household(HouseholdNumber number) {
		List<ResidentRecord> members = records.householdMembers(number);
		if (members.isEmpty()) {
			throw new NotFoundException("household " + number);
		}
		accessLog.record(AccessAction.READ_HOUSEHOLD, number.value() + " " + subjects(members), null);
		return members;
	}

	/**
	 * The applicant's own record and the live members of their household, for prefilling an online
	 * application by a resident whose account is linked to this person. Logged like a staff read, with
	 * the resident as the actor. 個人番号 is never part of what is returned for this use.
	 *
	 * @return the person first, then the other live members in household order; empty when the person
	 *     is no longer a resident or an inquiry 抑止 is in force (prefill is a convenience, never a reason to fail)
	 */
	@Transactional
	public List<ResidentRecord> ownHousehold(AtenaNumber atena) {
		ResidentRecord me = records.findLatest(atena).orElse(null);
		if (me == null || !me.isResident()) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock);
		if (protections.suppressions(atena.value(), me.householdNumber().value())
			.stream()
			.anyMatch(s -> s.activeOn(today) && s.blockInquiry())) {
			return List.of();
		}
		List<ResidentRecord> result = new java.util.ArrayList<>();
		result.add(me);
		records.householdMembers(me.householdNumber())
			.stream()
			.filter(r -> r.isResident() && !r.atenaNumber().equals(atena))
			.forEach(result::add);
		accessLog.record(AccessAction.READ_HOUSEHOLD, subjects(result), "本人によるオンライン申請の事前入力 / applicant prefill");
		return result;
	}

	/**
	 * The resident holding the My Number Card certificate with this serial: how a signature or a card sign-in is
	 * matched to the register (the serial is recorded when the card is issued). Logged as a read of the person for
	 * the given purpose. Empty when no living resident holds it; persons no longer resident are not returned.
	 */
	@Transactional
	public java.util.Optional<ResidentRecord> certificateHolder(CardCertificate kind, java.math.BigInteger serial,
			String purpose) {
		List<ResidentRecord> found = records.findByCertificate(kind, CardCertificate.canonical(serial))
			.stream()
			.filter(ResidentRecord::isResident)
			.toList();
		if (found.size() != 1) {
			return java.util.Optional.empty(); // none, or (never expected) two persons claiming one serial
		}
		accessLog.record(AccessAction.READ_PERSON, found.get(0).atenaNumber().value(), purpose);
		return java.util.Optional.of(found.get(0));
	}

	/** Reveals a 個人番号 to 審査 and 管理者 staff; every reveal (and refusal) is logged. */
	@Transactional
	public String revealMyNumber(AtenaNumber atena, String reason) {
		if (!StaffContext.hasAnyRole("ADMIN", "EXAMINER")) {
			accessLog.recordDenied(AccessAction.REVEAL_MY_NUMBER, atena.value(), "role");
			throw new AccessDeniedException("個人番号 reveal needs the 審査 or 管理者 role");
		}
		ResidentRecord r = records.findLatest(atena).orElseThrow(() -> new NotFoundException("person " + atena));
		if (r.myNumber() == null) {
			throw new NotFoundException("個人番号 of " + atena);
		}
		accessLog.record(AccessAction.REVEAL_MY_NUMBER, atena.value(), reason);
		return cipher.decrypt(r.myNumber()).value();
	}

	/**
	 * The persons a certificate is to be made from, with their protections, for the issuance rules to decide on.
	 * Unlike {@link #person} this does not refuse on an inquiry 抑止 (issuance has its own 抑止 flag, which the caller
	 * checks together with 支援措置). Every read is logged with the purpose; a 個人番号 in clear is logged as a reveal.
	 *
	 * @param withMyNumber decrypt the 個人番号 (only when the requested copy is to show it)
	 */
	@Transactional
	public List<CertificateSubject> certificateSubjects(List<AtenaNumber> subjects, boolean withMyNumber,
			String purpose) {
		LocalDate today = LocalDate.now(clock);
		List<CertificateSubject> result = new java.util.ArrayList<>();
		for (AtenaNumber atena : subjects) {
			ResidentRecord r = records.findLatest(atena).orElseThrow(() -> new NotFoundException("person " + atena));
			PersonView view = new PersonView(r, protections.supportMeasures(atena),
					protections.suppressions(atena.value(), r.householdNumber().value()), today);
			String myNumber = null;
			if (withMyNumber && r.myNumber() != null) {
				myNumber = cipher.decrypt(r.myNumber()).value();
				accessLog.record(AccessAction.REVEAL_MY_NUMBER, atena.value(), purpose);
			}
			else {
				accessLog.record(AccessAction.READ_PERSON, atena.value(), purpose);
			}
			result.add(new CertificateSubject(view, myNumber));
		}
		return result;
	}

	/**
	 * The living members of the person's household, in household order (世帯主 first), for a copy of the whole
	 * household. Logged as a household read with the purpose.
	 */
	@Transactional
	public List<AtenaNumber> livingHouseholdOf(AtenaNumber atena, String purpose) {
		ResidentRecord me = records.findLatest(atena).orElseThrow(() -> new NotFoundException("person " + atena));
		List<AtenaNumber> members = records.householdMembers(me.householdNumber())
			.stream()
			.filter(ResidentRecord::isResident)
			.map(ResidentRecord::atenaNumber)
			.toList();
		accessLog.record(AccessAction.READ_HOUSEHOLD, me.householdNumber().value(), purpose);
		return members;
	}

	/**
	 * Whether {@code requester} is {@code subject} or a living member of the same household today: who may have a
	 * certified copy issued without a third-party review (住基法 第12条).
	 */
	public boolean selfOrSameHousehold(AtenaNumber requester, AtenaNumber subject) {
		if (requester.equals(subject)) {
			return records.findLatest(requester).isPresent();
		}
		ResidentRecord r = records.findLatest(requester).orElse(null);
		ResidentRecord s = records.findLatest(subject).orElse(null);
		return r != null && s != null && r.isResident() && r.householdNumber().equals(s.householdNumber());
	}

	/** Changes after {@code cursor}, oldest first; the last entry's {@code seq} is the next cursor. */
	@Transactional
	public List<RegisterChangeEntry> changesSince(long cursor, int limit) {
		List<RegisterChangeEntry> page = feed.after(cursor, limit);
		accessLog.record(AccessAction.FEED_READ, "cursor " + cursor,
				page.size() + " changes" + (page.isEmpty() ? "" : " up to " + page.get(page.size() - 1).seq()));
		return page;
	}

	public long feedHead() {
		return feed.head();
	}

	public List<SupportMeasure> supportMeasures(AtenaNumber atena) {
		return protections.supportMeasures(atena);
	}

	private static String subjects(List<ResidentRecord> records) {
		StringBuilder sb = new StringBuilder();
		for (ResidentRecord r : records) {
			if (sb.length() > 3900) {
				sb.append("…");
				break;
			}
			sb.append(sb.length() == 0 ? "" : " ").append(r.atenaNumber().value());
		}
		return sb.toString();
	}
}
