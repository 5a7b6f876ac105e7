package org.madoguchi.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.platform.RuleViolationException;
import org.madoguchi.registry.RegisterCommands.Birth;
import org.madoguchi.registry.RegisterCommands.ChangeHead;
import org.madoguchi.registry.RegisterCommands.Correct;
import org.madoguchi.registry.RegisterCommands.Death;
import org.madoguchi.registry.RegisterCommands.MergeHouseholds;
import org.madoguchi.registry.RegisterCommands.MoveIn;
import org.madoguchi.registry.RegisterCommands.MoveOut;
import org.madoguchi.registry.RegisterCommands.MoveWithinCity;
import org.madoguchi.registry.RegisterCommands.SeparateHousehold;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies changes (異動) to the register as business rules that keep it consistent: only current
 * residents change; a household has one 世帯主 or none; dates agree; 抑止 stops changes. Each change
 * validates everything first, then locks the persons and households it touches, writes the next
 * snapshots, the delta feed and the access log in one transaction — all or nothing.
 */
@Service
@Transactional
public class RegisterChanges {

	/** A 転出 may be notified up to 14 days ahead (住基法 第24条); we allow a margin to 30. */
	static final int MOVE_OUT_DAYS_AHEAD = 30;

	/** One notification (届出) names at most this many persons; larger sets come by CSV import. */
	static final int MAX_PERSONS_PER_CHANGE = 30;

	private final ResidentRecordRepository records;
	private final ProtectionRepository protections;
	private final NumberAllocator numbers;
	private final ChangeFeed feed;
	private final MyNumberCipher cipher;
	private final AccessLog accessLog;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	RegisterChanges(ResidentRecordRepository records, ProtectionRepository protections, NumberAllocator numbers,
			ChangeFeed feed, MyNumberCipher cipher, AccessLog accessLog, ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.protections = protections;
		this.numbers = numbers;
		this.feed = feed;
		this.cipher = cipher;
		this.accessLog = accessLog;
		this.events = events;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- 転入

	public List<AtenaNumber> moveIn(MoveIn c) {
		EntryValidator v = validator();
		if (c.reason() != ChangeReason.DOMESTIC_MOVE_IN && c.reason() != ChangeReason.OVERSEAS_MOVE_IN) {
			v.reject("reason", "error.reason");
		}
		v.dates(c.changeDate(), c.notifiedDate(), true, 0);
		if (c.joinHousehold() == null) {
			v.address("", c.address());
		}
		v.text("previousAddress", c.previousAddress(), EntryValidator.ADDRESS_MAX, true);
		if (c.persons() == null || c.persons().isEmpty()) {
			v.reject("persons", "error.required");
		}
		else if (c.persons().size() > MAX_PERSONS_PER_CHANGE) {
			v.reject("persons", "error.tooMany", MAX_PERSONS_PER_CHANGE);
		}
		else {
			for (int i = 0; i < c.persons().size(); i++) {
				v.person("persons[" + i + "].", c.persons().get(i), true);
			}
			long heads = c.persons().stream().filter(p -> Relationship.HEAD.equals(p.relationship())).count();
			if (heads > 1) {
				v.reject("persons", "error.rule.oneHead");
			}
		}
		throwIfInvalid(v);

		Instant now = Instant.now(clock);
		HouseholdNumber household;
		Address address;
		int order;
		if (c.joinHousehold() != null) {
			List<ResidentRecord> members = lockedHousehold(c.joinHousehold());
			List<ResidentRecord> current = residents(members);
			if (current.isEmpty()) {
				throw new RuleViolationException("error.rule.householdEmpty", c.joinHousehold().value());
			}
			requireNotSuppressed(current);
			if (current.stream().anyMatch(ResidentRecord::isHead)
					&& c.persons().stream().anyMatch(p -> Relationship.HEAD.equals(p.relationship()))) {
				throw new RuleViolationException("error.rule.headExists", c.joinHousehold().value());
			}
			household = c.joinHousehold();
			address = current.get(0).address();
			order = members.stream().mapToInt(ResidentRecord::memberOrder).max().orElse(0) + 1;
		}
		else {
			household = HouseholdNumber.ofSerial(numbers.reserve("household", 1));
			records.insertHouseholds(List.of(household), now);
			address = c.address();
			order = 1;
		}
		checkUniqueKeys(c.persons(), null, "persons[%d].");

		long firstSerial = numbers.reserve("atena", c.persons().size());
		List<ResidentRecord> created = new ArrayList<>();
		List<PersonEntry> sorted = new ArrayList<>(c.persons());
		sorted.sort(Comparator.comparingInt(p -> Relationship.rank(p.relationship())));
		for (PersonEntry p : sorted) {
			created.add(firstSnapshot(AtenaNumber.ofSerial(firstSerial++), household, order++, p, address, c.reason(),
					c.changeDate(), c.notifiedDate(), c.previousAddress(), now, null));
		}
		records.insertNew(created);
		return finish(created, c.reason(), c.changeDate(), "→ " + household.value());
	}

	// ---------------------------------------------------------------- 転居

	public List<AtenaNumber> moveWithinCity(MoveWithinCity c) {
		EntryValidator v = validator();
		v.dates(c.changeDate(), c.notifiedDate(), true, 0);
		v.address("new", c.newAddress());
		throwIfInvalid(v);

		List<ResidentRecord> members = residents(lockedHousehold(c.household()));
		if (members.isEmpty()) {
			throw new RuleViolationException("error.rule.householdEmpty", c.household().value());
		}
		List<ResidentRecord> moving = c.members() == null || c.members().isEmpty() ? members
				: select(members, c.members(), c.household());
		requireNotSuppressed(moving);
		if (moving.get(0).address().text().equals(c.newAddress().text())
				&& java.util.Objects.equals(moving.get(0).address().katagaki(), c.newAddress().katagaki())) {
			throw new RuleViolationException("error.rule.sameAddress");
		}
		Instant now = Instant.now(clock);
		boolean whole = moving.size() == members.size();
		HouseholdNumber target = c.household();
		if (!whole) {
			if (c.newHead() == null || moving.stream().noneMatch(r -> r.atenaNumber().equals(c.newHead()))) {
				throw new InvalidInputException(FieldError.of("newHead", "error.newHead"));
			}
			if (c.relationships() != null && !c.relationships().isEmpty()) {
				relationshipsFor(v, moving.stream().map(ResidentRecord::atenaNumber).toList(), c.newHead(),
						c.relationships());
				throwIfInvalid(v);
			}
			target = HouseholdNumber.ofSerial(numbers.reserve("household", 1));
			records.insertHouseholds(List.of(target), now);
		}
		List<ResidentRecord> next = new ArrayList<>();
		int order = 1;
		for (ResidentRecord r : orderedWithHeadFirst(moving, whole ? null : c.newHead())) {
			ResidentRecord s = r.next(ChangeReason.MOVE_WITHIN_CITY, c.changeDate(), c.notifiedDate(), now,
					StaffContext.username(), null).withAddress(c.newAddress(), c.changeDate());
			if (!whole) {
				// 続柄 to the new head as given; without them a former head becomes 縁故者 and others keep theirs
				String given = c.relationships() == null ? null : c.relationships().get(r.atenaNumber());
				s = s.withHousehold(target, r.atenaNumber().equals(c.newHead()) ? Relationship.HEAD
						: given != null ? given : (r.isHead() ? "縁故者" : r.relationship()), order++);
			}
			next.add(s);
		}
		records.append(next);
		return finish(next, ChangeReason.MOVE_WITHIN_CITY, c.changeDate(), c.newAddress().text());
	}

	// ---------------------------------------------------------------- 転出

	public List<AtenaNumber> moveOut(MoveOut c) {
		EntryValidator v = validator();
		if (c.reason() != ChangeReason.DOMESTIC_MOVE_OUT && c.reason() != ChangeReason.OVERSEAS_MOVE_OUT) {
			v.reject("reason", "error.reason");
		}
		v.dates(c.changeDate(), c.notifiedDate(), true, MOVE_OUT_DAYS_AHEAD);
		v.text("destination", c.destination(), EntryValidator.ADDRESS_MAX, true);
		if (c.members() == null || c.members().isEmpty()) {
			v.reject("members", "error.required");
		}
		else if (c.members().size() > MAX_PERSONS_PER_CHANGE) {
			v.reject("members", "error.tooMany", MAX_PERSONS_PER_CHANGE);
		}
		throwIfInvalid(v);
		List<ResidentRecord> leaving = lockedResidents(c.members());
		requireNotSuppressed(leaving);
		Instant now = Instant.now(clock);
		List<ResidentRecord> next = leaving.stream()
				.map(r -> r.next(c.reason(), c.changeDate(), c.notifiedDate(), now, StaffContext.username(), null)
						.removed(c.reason(), c.changeDate(), c.destination()))
				.toList();
		records.append(next);
		dissolveEmptyHouseholds(leaving);
		return finish(next, c.reason(), c.changeDate(), c.destination());
	}

	// ---------------------------------------------------------------- 出生

	public AtenaNumber birth(Birth c) {
		EntryValidator v = validator();
		v.person("child.", c.child(), true);
		if (c.child() != null && c.child().birthDate() != null && !c.child().birthDate().isCalendarDate()) {
			v.reject("child.birthDate", "error.birthDate.exact");
		}
		throwIfInvalid(v);
		LocalDate born = c.child().birthDate().toLocalDate().orElseThrow();
		v.dates(born, c.notifiedDate(), true, 0);
		throwIfInvalid(v);
		List<ResidentRecord> members = lockedHousehold(c.household());
		List<ResidentRecord> current = residents(members);
		if (current.isEmpty()) {
			throw new RuleViolationException("error.rule.householdEmpty", c.household().value());
		}
		requireNotSuppressed(current);
		if (Relationship.HEAD.equals(c.child().relationship()) && current.stream().anyMatch(ResidentRecord::isHead)) {
			throw new RuleViolationException("error.rule.headExists", c.household().value());
		}
		checkUniqueKeys(List.of(c.child()), null, "child.");
		Instant now = Instant.now(clock);
		int order = members.stream().mapToInt(ResidentRecord::memberOrder).max().orElse(0) + 1;
		ResidentRecord child = firstSnapshot(AtenaNumber.ofSerial(numbers.reserve("atena", 1)), c.household(), order,
				c.child(), current.get(0).address(), ChangeReason.BIRTH, born, c.notifiedDate(), null, now, null);
		records.insertNew(List.of(child));
		return finish(List.of(child), ChangeReason.BIRTH, born, null).get(0);
	}

	// ---------------------------------------------------------------- 死亡

	public AtenaNumber death(Death c) {
		EntryValidator v = validator();
		v.dates(c.dateOfDeath(), c.notifiedDate(), true, 0);
		throwIfInvalid(v);
		ResidentRecord r = lockedResidents(List.of(c.person())).get(0);
		if (r.birthDate().earliest().isAfter(c.dateOfDeath())) {
			throw new InvalidInputException(FieldError.of("changeDate", "error.death.beforeBirth"));
		}
		requireNotSuppressed(List.of(r));
		ResidentRecord next = r.next(ChangeReason.DEATH, c.dateOfDeath(), c.notifiedDate(), Instant.now(clock),
				StaffContext.username(), null).removed(ChangeReason.DEATH, c.dateOfDeath(), null);
		records.append(List.of(next));
		dissolveEmptyHouseholds(List.of(r));
		return finish(List.of(next), ChangeReason.DEATH, c.dateOfDeath(), null).get(0);
	}

	// ---------------------------------------------------------------- 世帯分離

	public HouseholdNumber separateHousehold(SeparateHousehold c) {
		EntryValidator v = validator();
		v.dates(c.changeDate(), c.notifiedDate(), true, 0);
		if (c.members() == null || c.members().isEmpty()) {
			v.reject("members", "error.required");
		}
		else if (c.newHead() == null || !c.members().contains(c.newHead())) {
			v.reject("newHead", "error.newHead");
		}
		relationshipsFor(v, c.members(), c.newHead(), c.relationships());
		throwIfInvalid(v);
		List<ResidentRecord> moving = lockedResidents(c.members());
		HouseholdNumber from = moving.get(0).householdNumber();
		if (moving.stream().anyMatch(r -> !r.householdNumber().equals(from))) {
			throw new RuleViolationException("error.rule.sameHousehold");
		}
		List<ResidentRecord> all = residents(lockedHousehold(from));
		if (all.size() == moving.size()) {
			throw new RuleViolationException("error.rule.separateAll");
		}
		requireNotSuppressed(all);
		Instant now = Instant.now(clock);
		HouseholdNumber target = HouseholdNumber.ofSerial(numbers.reserve("household", 1));
		records.insertHouseholds(List.of(target), now);
		List<ResidentRecord> next = new ArrayList<>();
		int order = 1;
		for (ResidentRecord r : orderedWithHeadFirst(moving, c.newHead())) {
			String rel = r.atenaNumber().equals(c.newHead()) ? Relationship.HEAD : c.relationships().get(r.atenaNumber());
			next.add(r.next(ChangeReason.HOUSEHOLD_SEPARATION, c.changeDate(), c.notifiedDate(), now,
					StaffContext.username(), from.value() + " → " + target.value()).withHousehold(target, rel, order++));
		}
		records.append(next);
		finish(next, ChangeReason.HOUSEHOLD_SEPARATION, c.changeDate(), from.value() + " → " + target.value());
		return target;
	}

	// ---------------------------------------------------------------- 世帯合併

	public List<AtenaNumber> mergeHouseholds(MergeHouseholds c) {
		EntryValidator v = validator();
		v.dates(c.changeDate(), c.notifiedDate(), true, 0);
		if (c.from() == null || c.into() == null || c.from().equals(c.into())) {
			v.reject("into", "error.merge.target");
		}
		throwIfInvalid(v);
		List<ResidentRecord> fromMembers;
		List<ResidentRecord> intoMembers;
		// lock in a fixed order to avoid deadlocks between two merges
		if (c.from().value().compareTo(c.into().value()) < 0) {
			fromMembers = residents(lockedHousehold(c.from()));
			intoMembers = residents(lockedHousehold(c.into()));
		}
		else {
			intoMembers = residents(lockedHousehold(c.into()));
			fromMembers = residents(lockedHousehold(c.from()));
		}
		if (fromMembers.isEmpty() || intoMembers.isEmpty()) {
			throw new RuleViolationException("error.rule.householdEmpty",
					(fromMembers.isEmpty() ? c.from() : c.into()).value());
		}
		relationshipsFor(v, fromMembers.stream().map(ResidentRecord::atenaNumber).toList(), null, c.relationships());
		throwIfInvalid(v);
		if (!fromMembers.get(0).address().text().equals(intoMembers.get(0).address().text())) {
			throw new RuleViolationException("error.rule.mergeAddress");
		}
		boolean intoHasHead = intoMembers.stream().anyMatch(ResidentRecord::isHead);
		long incomingHeads = fromMembers.stream()
				.filter(r -> Relationship.HEAD.equals(c.relationships().get(r.atenaNumber()))).count();
		if (incomingHeads > (intoHasHead ? 0 : 1)) {
			throw new RuleViolationException("error.rule.headExists", c.into().value());
		}
		requireNotSuppressed(fromMembers);
		requireNotSuppressed(intoMembers);
		Instant now = Instant.now(clock);
		int order = intoMembers.stream().mapToInt(ResidentRecord::memberOrder).max().orElse(0) + 1;
		List<ResidentRecord> next = new ArrayList<>();
		for (ResidentRecord r : fromMembers) {
			next.add(r.next(ChangeReason.HOUSEHOLD_MERGER, c.changeDate(), c.notifiedDate(), now, StaffContext.username(),
					c.from().value() + " → " + c.into().value())
					.withHousehold(c.into(), c.relationships().get(r.atenaNumber()), order++));
		}
		records.append(next);
		records.dissolveHousehold(c.from());
		return finish(next, ChangeReason.HOUSEHOLD_MERGER, c.changeDate(), c.from().value() + " → " + c.into().value());
	}

	// ---------------------------------------------------------------- 世帯主変更

	public List<AtenaNumber> changeHead(ChangeHead c) {
		EntryValidator v = validator();
		v.dates(c.changeDate(), c.notifiedDate(), true, 0);
		throwIfInvalid(v);
		List<ResidentRecord> members = residents(lockedHousehold(c.household()));
		if (members.stream().noneMatch(r -> r.atenaNumber().equals(c.newHead()))) {
			throw new InvalidInputException(FieldError.of("newHead", "error.newHead"));
		}
		relationshipsFor(v, members.stream().map(ResidentRecord::atenaNumber).toList(), c.newHead(), c.relationships());
		throwIfInvalid(v);
		requireNotSuppressed(members);
		Instant now = Instant.now(clock);
		List<ResidentRecord> next = new ArrayList<>();
		int order = 1;
		for (ResidentRecord r : orderedWithHeadFirst(members, c.newHead())) {
			String rel = r.atenaNumber().equals(c.newHead()) ? Relationship.HEAD : c.relationships().get(r.atenaNumber());
			if (rel.equals(r.relationship()) && order == r.memberOrder()) {
				order++;
				continue; // unchanged members get no new snapshot
			}
			next.add(r.next(ChangeReason.HEAD_CHANGE, c.changeDate(), c.notifiedDate(), now, StaffContext.username(), null)
					.withHousehold(c.household(), rel, order++));
		}
		records.append(next);
		return finish(next, ChangeReason.HEAD_CHANGE, c.changeDate(), c.household().value());
	}

	// ---------------------------------------------------------------- 誤記修正

	public AtenaNumber correct(Correct c) {
		EntryValidator v = validator();
		v.person("", c.corrected(), false);
		v.text("note", c.note(), 400, true);
		v.dates(c.changeDate(), null, false, 0);
		throwIfInvalid(v);
		ResidentRecord r = lockedResidents(List.of(c.person())).get(0);
		requireNotSuppressed(List.of(r));
		PersonEntry p = c.corrected();
		if (p.type() != r.type()) {
			throw new InvalidInputException(FieldError.of("type", "error.correct.type"));
		}
		String code = p.residentCode() == null || p.residentCode().isBlank() ? r.residentCode() : p.residentCode();
		if (code != null && !code.equals(r.residentCode())) {
			if (records.residentCodeTaken(code, r.atenaNumber())) {
				throw new InvalidInputException(FieldError.of("residentCode", "error.residentCode.taken"));
			}
			records.updateIdentityKeys(r.atenaNumber(), code);
		}
		ResidentRecord s = r.next(ChangeReason.CORRECTION, c.changeDate(), null, Instant.now(clock),
				StaffContext.username(), c.note()).withPerson(p.name(), p.birthDate(), p.gender(), p.familyRegister(),
						p.foreign());
		s = new ResidentRecord(s.atenaNumber(), s.historyNumber(), s.householdNumber(), s.relationship(), s.memberOrder(),
				s.status(), s.type(), s.name(), s.birthDate(), s.gender(), s.familyRegister(), s.foreign(),
				s.becameResidentDate(), s.address(), s.addressFixedDate(), s.previousAddress(), s.destinationAddress(), code,
				s.myNumber(), p.voterRegistered(), s.qualifications(), s.removalReason(), s.removalDate(), s.changeReason(), s.changeDate(),
				s.notifiedDate(), s.processedAt(), s.processedBy(), s.changeNote());
		records.append(List.of(s));
		return finish(List.of(s), ChangeReason.CORRECTION, c.changeDate(), c.note()).get(0);
	}

	// ---------------------------------------------------------------- カード・電子証明書

	/**
	 * Records the serials of the certificates on a resident's My Number Card (issue, renewal; null clears one, e.g.
	 * after revocation), as a new snapshot. Called by system linkage (J-LIS card issuance data; in development the
	 * test PKI), not from a staff screen.
	 */
	public AtenaNumber recordCardCertificates(AtenaNumber atena, java.math.BigInteger signatureSerial,
			java.math.BigInteger authenticationSerial) {
		ResidentRecord r = lockedResidents(List.of(atena)).get(0); // refuses persons no longer resident
		Qualifications q = r.qualifications();
		Qualifications card = new Qualifications(q.nationalHealthInsuranceFrom(), q.nationalHealthInsuranceUntil(),
				q.lateElderlyMedicalFrom(), q.lateElderlyMedicalUntil(), q.longTermCareFrom(), q.longTermCareUntil(),
				q.pensionNumber(), q.pensionCategory(), q.pensionFrom(), q.childAllowanceFrom(), q.childAllowanceUntil(),
				signatureSerial == null && authenticationSerial == null ? q.cardStatus() : "ISSUED",
				signatureSerial == null ? null : CardCertificate.canonical(signatureSerial),
				authenticationSerial == null ? null : CardCertificate.canonical(authenticationSerial));
		LocalDate today = LocalDate.now(clock);
		ResidentRecord s = r.next(ChangeReason.CARD_CERTIFICATES, today, null, Instant.now(clock),
				StaffContext.username(), null).withQualifications(card);
		records.append(List.of(s));
		return finish(List.of(s), ChangeReason.CARD_CERTIFICATES, today, null).get(0);
	}

	// ---------------------------------------------------------------- 支援措置・抑止

	public long addSupportMeasure(AtenaNumber atena, String kind, LocalDate start, String note) {
		requireRole();
		if (!Set.of("DV", "STALKING", "CHILD_ABUSE", "OTHER").contains(kind)) {
			throw new InvalidInputException(FieldError.of("kind", "error.supportKind"));
		}
		if (start == null) {
			throw new InvalidInputException(FieldError.of("start", "error.required"));
		}
		records.findLatest(atena).orElseThrow(() -> new NotFoundException("person " + atena));
		long id = protections.addSupportMeasure(atena, kind, start, start.plusYears(1).minusDays(1),
				StaffContext.username(), note, Instant.now(clock));
		accessLog.record(AccessAction.SUPPORT_MEASURE, atena.value(), "start " + kind + " " + start);
		return id;
	}

	/** Extends an active 支援措置 by one year from its current end. */
	public void extendSupportMeasure(AtenaNumber atena, long id) {
		requireRole();
		SupportMeasure m = protections.supportMeasures(atena).stream().filter(s -> s.id() == id).findFirst()
				.orElseThrow(() -> new NotFoundException("support measure " + id));
		if (protections.extendSupportMeasure(id, atena, m.end().plusYears(1)) != 1) {
			throw new RuleViolationException("error.rule.supportCleared");
		}
		accessLog.record(AccessAction.SUPPORT_MEASURE, atena.value(), "extend " + id + " to " + m.end().plusYears(1));
	}

	public void clearSupportMeasure(AtenaNumber atena, long id) {
		requireRole();
		if (protections.clearSupportMeasure(id, atena, StaffContext.username(), Instant.now(clock)) != 1) {
			throw new NotFoundException("support measure " + id);
		}
		accessLog.record(AccessAction.SUPPORT_MEASURE, atena.value(), "clear " + id);
	}

	public void addSuppression(String targetKind, String target, boolean change, boolean issuance, boolean inquiry,
			LocalDate start, LocalDate end, String reason) {
		requireRole();
		EntryValidator v = validator();
		if (!change && !issuance && !inquiry) {
			v.reject("scope", "error.suppression.scope");
		}
		if (start == null) {
			v.reject("start", "error.required");
		}
		if (start != null && end != null && end.isBefore(start)) {
			v.reject("end", "error.date.order");
		}
		v.text("reason", reason, 400, true);
		boolean person = "PERSON".equals(targetKind);
		if (person ? !AtenaNumber.isValid(target) : !HouseholdNumber.isValid(target)) {
			v.reject("target", "error.checkDigit");
		}
		throwIfInvalid(v);
		protections.addSuppression(targetKind, target, change, issuance, inquiry, start, end, reason,
				StaffContext.username(), Instant.now(clock));
		accessLog.record(AccessAction.SUPPRESSION, target, "add " + (change ? "change " : "") + (issuance ? "issuance " : "")
				+ (inquiry ? "inquiry " : "") + start + "–" + (end == null ? "" : end));
	}

	public void liftSuppression(String target, long id) {
		requireRole();
		if (protections.liftSuppression(id, target, StaffContext.username(), Instant.now(clock)) != 1) {
			throw new NotFoundException("suppression " + id);
		}
		accessLog.record(AccessAction.SUPPRESSION, target, "lift " + id);
	}

	/**
	 * Field checks of one person without applying anything, so that a form can report unreadable
	 * values and rule-breaking ones together. Errors for fields in {@code alreadyReported} are left out.
	 */
	public List<FieldError> check(String prefix, PersonEntry person, boolean withRelationship,
			java.util.Collection<FieldError> alreadyReported) {
		return validator().personBesides(prefix, person, withRelationship, alreadyReported);
	}

	// ---------------------------------------------------------------- helpers

	private void requireRole() {
		if (!StaffContext.hasAnyRole("ADMIN", "EXAMINER")) {
			throw new org.springframework.security.access.AccessDeniedException("needs 審査 or 管理者");
		}
	}

	private EntryValidator validator() {
		return new EntryValidator(LocalDate.now(clock));
	}

	private static void throwIfInvalid(EntryValidator v) {
		if (!v.ok()) {
			throw new InvalidInputException(v.errors());
		}
	}

	ResidentRecord firstSnapshot(AtenaNumber atena, HouseholdNumber household, int order, PersonEntry p, Address address,
			ChangeReason reason, LocalDate changeDate, LocalDate notifiedDate, String previousAddress, Instant now,
			String note) {
		EncryptedMyNumber myNumber = p.myNumber() == null || p.myNumber().isBlank() ? null
				: cipher.encrypt(new MyNumber(p.myNumber()));
		return new ResidentRecord(atena, 1, household, p.relationship(), order, ResidentStatus.RESIDENT, p.type(),
				p.name(), p.birthDate(), p.gender(), p.type() == ResidentType.JAPANESE ? p.familyRegister() : null,
				p.type() == ResidentType.FOREIGN ? p.foreign() : null, changeDate, address, changeDate, previousAddress,
				null, p.residentCode() == null || p.residentCode().isBlank() ? null : p.residentCode(), myNumber,
				p.voterRegistered(), p.qualifications(), null, null, reason, changeDate, notifiedDate, now,
				StaffContext.username(), note);
	}

	private void checkUniqueKeys(List<PersonEntry> persons, AtenaNumber except, String prefixPattern) {
		List<FieldError> errors = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		Set<String> myNumbers = new HashSet<>();
		for (int i = 0; i < persons.size(); i++) {
			PersonEntry p = persons.get(i);
			String prefix = String.format(prefixPattern, i);
			if (p.residentCode() != null && !p.residentCode().isBlank()
					&& (!codes.add(p.residentCode()) || records.residentCodeTaken(p.residentCode(), except))) {
				errors.add(FieldError.of(prefix + "residentCode", "error.residentCode.taken"));
			}
			if (p.myNumber() != null && !p.myNumber().isBlank()) {
				String hmac = cipher.hmac(new MyNumber(p.myNumber()));
				if (!myNumbers.add(hmac) || records.myNumberTaken(hmac)) {
					errors.add(FieldError.of(prefix + "myNumber", "error.myNumber.taken"));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	/** Locks a household and returns its members' latest snapshots (residents and 除票). */
	private List<ResidentRecord> lockedHousehold(HouseholdNumber number) {
		if (number == null) {
			throw new NotFoundException("household");
		}
		String status = records.lockHousehold(number).orElseThrow(() -> new NotFoundException("household " + number));
		if ("DISSOLVED".equals(status)) {
			throw new RuleViolationException("error.rule.householdDissolved", number.value());
		}
		List<ResidentRecord> members = records.householdMembers(number);
		records.lockPersons(members.stream().map(ResidentRecord::atenaNumber).toList());
		return records.householdMembers(number);
	}

	/** Locks the persons and returns their latest snapshots; every one must be a current resident. */
	private List<ResidentRecord> lockedResidents(List<AtenaNumber> persons) {
		requireDistinct(persons);
		records.lockPersons(persons);
		List<ResidentRecord> result = new ArrayList<>();
		for (AtenaNumber a : persons) {
			ResidentRecord r = records.findLatest(a).orElseThrow(() -> new NotFoundException("person " + a));
			if (!r.isResident()) {
				throw new RuleViolationException("error.rule.removed", a.value());
			}
			result.add(r);
		}
		return result;
	}

	private static List<ResidentRecord> residents(List<ResidentRecord> members) {
		return members.stream().filter(ResidentRecord::isResident).toList();
	}

	private static void requireDistinct(List<AtenaNumber> persons) {
		if (new HashSet<>(persons).size() != persons.size()) {
			throw new InvalidInputException(FieldError.of("members", "error.duplicate"));
		}
	}

	private static List<ResidentRecord> select(List<ResidentRecord> members, List<AtenaNumber> wanted,
			HouseholdNumber household) {
		requireDistinct(wanted);
		Map<AtenaNumber, ResidentRecord> byNumber = members.stream()
				.collect(Collectors.toMap(ResidentRecord::atenaNumber, r -> r));
		List<ResidentRecord> out = new ArrayList<>();
		for (AtenaNumber a : wanted) {
			ResidentRecord r = byNumber.get(a);
			if (r == null) {
				throw new RuleViolationException("error.rule.notMember", a.value(), household.value());
			}
			out.add(r);
		}
		return out;
	}

	private static List<ResidentRecord> orderedWithHeadFirst(List<ResidentRecord> members, AtenaNumber head) {
		List<ResidentRecord> out = new ArrayList<>(members);
		out.sort(Comparator.comparing((ResidentRecord r) -> head != null ? !r.atenaNumber().equals(head) : !r.isHead())
				.thenComparingInt(ResidentRecord::memberOrder));
		return out;
	}

	private static void relationshipsFor(EntryValidator v, List<AtenaNumber> members, AtenaNumber head,
			Map<AtenaNumber, String> relationships) {
		if (members == null) {
			return;
		}
		for (AtenaNumber a : members) {
			if (a.equals(head)) {
				continue;
			}
			String rel = relationships == null ? null : relationships.get(a);
			if (!Relationship.isValid(rel)) {
				v.reject("relationships[" + a.value() + "]", "error.relationship");
			}
			else if (head != null && Relationship.HEAD.equals(rel)) {
				v.reject("relationships[" + a.value() + "]", "error.rule.oneHead");
			}
		}
	}

	private void requireNotSuppressed(List<ResidentRecord> persons) {
		LocalDate today = LocalDate.now(clock);
		Set<String> targets = new HashSet<>();
		for (ResidentRecord r : persons) {
			targets.add(r.atenaNumber().value());
			targets.add(r.householdNumber().value());
		}
		for (Suppression s : protections.suppressions(targets.toArray(String[]::new))) {
			if (s.activeOn(today) && s.blockChange()) {
				throw new RuleViolationException("error.rule.changeSuppressed", s.targetNumber());
			}
		}
	}

	private void dissolveEmptyHouseholds(List<ResidentRecord> left) {
		for (HouseholdNumber h : left.stream().map(ResidentRecord::householdNumber).distinct().toList()) {
			if (records.householdMembers(h).stream().noneMatch(ResidentRecord::isResident)) {
				records.dissolveHousehold(h);
			}
		}
	}

	private List<AtenaNumber> finish(List<ResidentRecord> written, ChangeReason reason, LocalDate changeDate,
			String detail) {
		feed.append(written);
		List<AtenaNumber> persons = written.stream().map(ResidentRecord::atenaNumber).toList();
		accessLog.record(AccessAction.CHANGE,
				persons.stream().map(AtenaNumber::value).collect(Collectors.joining(" ")),
				reason.japanese() + " " + changeDate + (detail == null ? "" : " " + detail));
		events.publishEvent(new ResidentRecordsChanged(reason, persons, changeDate));
		return persons;
	}
}
