package org.madoguchi.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads many households at once: the initial load of a city's register (異動事由 改製) and CSV import.
 * Numbers are reserved in blocks and rows written with JDBC batches, in one transaction per call.
 * The caller validates first ({@link RegisterCsv} does); this class still refuses a second 世帯主.
 */
@Service
public class RegisterBulkLoader {

	private final ResidentRecordRepository records;
	private final NumberAllocator numbers;
	private final ChangeFeed feed;
	private final MyNumberCipher cipher;
	private final AccessLog accessLog;
	private final ProtectionRepository protections;
	private final Clock clock;

	RegisterBulkLoader(ResidentRecordRepository records, NumberAllocator numbers, ChangeFeed feed, MyNumberCipher cipher,
			AccessLog accessLog, ProtectionRepository protections, Clock clock) {
		this.protections = protections;
		this.records = records;
		this.numbers = numbers;
		this.feed = feed;
		this.cipher = cipher;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	/** Loads the households; returns the 宛名番号 of the persons written, in input order. */
	@Transactional
	public List<AtenaNumber> load(List<HouseholdDraft> households, ChangeReason reason, String note) {
		int persons = households.stream().mapToInt(h -> h.members().size()).sum();
		if (persons == 0) {
			return List.of();
		}
		Instant now = Instant.now(clock);
		String by = StaffContext.username();
		long householdSerial = numbers.reserve("household", households.size());
		long atenaSerial = numbers.reserve("atena", persons);
		List<HouseholdNumber> householdNumbers = new ArrayList<>(households.size());
		List<ResidentRecord> snapshots = new ArrayList<>(persons);
		for (HouseholdDraft h : households) {
			HouseholdNumber number = HouseholdNumber.ofSerial(householdSerial++);
			householdNumbers.add(number);
			if (h.members().stream().filter(p -> Relationship.HEAD.equals(p.relationship())).count() > 1) {
				throw new IllegalArgumentException("two 世帯主 in one household");
			}
			int order = 1;
			for (PersonEntry p : h.members()) {
				EncryptedMyNumber myNumber = p.myNumber() == null || p.myNumber().isBlank() ? null
						: cipher.encrypt(new MyNumber(p.myNumber()));
				snapshots.add(new ResidentRecord(AtenaNumber.ofSerial(atenaSerial++), 1, number, p.relationship(), order++,
						ResidentStatus.RESIDENT, p.type(), p.name(), p.birthDate(), p.gender(),
						p.type() == ResidentType.JAPANESE ? p.familyRegister() : null,
						p.type() == ResidentType.FOREIGN ? p.foreign() : null, h.since(), h.address(), h.since(),
						h.previousAddress(), null, ResidentRecordRepository.blankToNull(p.residentCode()), myNumber,
						p.voterRegistered(), p.qualifications(), null, null, reason, h.since(), null, now, by, note));
			}
		}
		records.insertHouseholds(householdNumbers, now);
		records.insertNew(snapshots);
		feed.append(snapshots);
		accessLog.record(AccessAction.IMPORT, householdNumbers.get(0).value() + "…", reason.japanese() + " "
				+ households.size() + " households, " + persons + " persons" + (note == null ? "" : " (" + note + ")"));
		return snapshots.stream().map(ResidentRecord::atenaNumber).toList();
	}

	/** Starts 支援措置 for persons loaded in bulk (synthetic city, migration). */
	@Transactional
	public void protect(List<AtenaNumber> persons, String kind, java.time.LocalDate start) {
		for (AtenaNumber a : persons) {
			protections.addSupportMeasure(a, kind, start, start.plusYears(1).minusDays(1), StaffContext.username(),
					null, Instant.now(clock));
		}
	}
}
