package org.madoguchi.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Reads and writes snapshots, the identity rows and households. Plain SQL, portable between H2 and PostgreSQL. */
@Repository
class ResidentRecordRepository {

	static final String COLUMNS = "atena_number, history_number, latest, household_number, relationship, member_order, "
			+ "status, resident_type, family_name, given_name, family_name_kana, given_name_kana, kana_search, "
			+ "name_search, kana_confirmed, former_family_name, former_family_name_kana, alias_name, alias_name_kana, "
			+ "alphabet_name, birth_date, birth_era, gender, honseki, hittousha, nationality, foreign_category, "
			+ "residence_status, residence_period, residence_expiry, residence_card_number, became_resident_date, "
			+ "town_code, address, address_katagaki, postal_code, address_fixed_date, previous_address, "
			+ "destination_address, resident_code, my_number_enc, voter_registered, removal_reason, removal_date, "
			+ "change_reason, change_date, notified_date, processed_at, processed_by, change_note, nhi_from, nhi_until, "
			+ "late_elderly_from, late_elderly_until, long_term_care_from, long_term_care_until, pension_number, "
			+ "pension_category, pension_from, child_allowance_from, child_allowance_until, card_status, sign_cert_serial, "
			+ "auth_cert_serial";

	private static final int COLUMN_COUNT = COLUMNS.split(",").length;

	static final String INSERT = "INSERT INTO resident_record (" + COLUMNS + ") VALUES ("
			+ "?,".repeat(COLUMN_COUNT - 1) + "?)";

	private final JdbcTemplate jdbc;
	private final BulkInserter bulk;

	ResidentRecordRepository(JdbcTemplate jdbc, BulkInserter bulk) {
		this.jdbc = jdbc;
		this.bulk = bulk;
	}

	// ---- writing ----

	/** Writes new snapshots (history numbers already set) and moves the latest flag to them. */
	void append(List<ResidentRecord> snapshots) {
		List<Object[]> unflag = new ArrayList<>();
		List<Object[]> pointer = new ArrayList<>();
		for (ResidentRecord r : snapshots) {
			unflag.add(new Object[] { r.atenaNumber().value(), r.historyNumber() });
			pointer.add(new Object[] { r.historyNumber(), r.atenaNumber().value() });
		}
		jdbc.batchUpdate("UPDATE resident_record SET latest = FALSE WHERE atena_number = ? AND history_number < ? AND latest",
				unflag);
		jdbc.batchUpdate(INSERT, snapshots.stream().map(ResidentRecordRepository::toRow).toList());
		jdbc.batchUpdate("UPDATE resident SET current_history_number = ? WHERE atena_number = ?", pointer);
	}

	/** Registers brand-new persons: identity rows plus their first snapshot. */
	void insertNew(List<ResidentRecord> firstSnapshots) {
		List<Object[]> identities = new ArrayList<>(firstSnapshots.size());
		for (ResidentRecord r : firstSnapshots) {
			identities.add(new Object[] { r.atenaNumber().value(), blankToNull(r.residentCode()),
					r.myNumber() == null ? null : r.myNumber().hmac(), r.historyNumber(), Timestamp.from(r.processedAt()) });
		}
		bulk.insert("resident", "atena_number, resident_code, my_number_hmac, current_history_number, created_at",
				identities);
		bulk.insert("resident_record", COLUMNS, firstSnapshots.stream().map(ResidentRecordRepository::toRow).toList());
	}

	void insertHouseholds(List<HouseholdNumber> numbers, java.time.Instant at) {
		bulk.insert("household", "household_number, status, created_at",
				numbers.stream().map(n -> new Object[] { n.value(), "ACTIVE", Timestamp.from(at) }).toList());
	}

	void dissolveHousehold(HouseholdNumber number) {
		jdbc.update("UPDATE household SET status = 'DISSOLVED' WHERE household_number = ?", number.value());
	}

	/** Changes the uniqueness keys of a person (誤記修正 of 住民票コード). */
	void updateIdentityKeys(AtenaNumber atena, String residentCode) {
		jdbc.update("UPDATE resident SET resident_code = ? WHERE atena_number = ?", blankToNull(residentCode), atena.value());
	}

	// ---- locking ----

	/** Locks the identity rows of these persons until the transaction ends. */
	void lockPersons(List<AtenaNumber> atenaNumbers) {
		for (AtenaNumber a : atenaNumbers.stream().sorted(java.util.Comparator.comparing(AtenaNumber::value)).toList()) {
			jdbc.queryForList("SELECT atena_number FROM resident WHERE atena_number = ? FOR UPDATE", String.class, a.value());
		}
	}

	/** Locks a household row and returns its status (ACTIVE, DISSOLVED), or empty if there is no such household. */
	Optional<String> lockHousehold(HouseholdNumber number) {
		return jdbc.queryForList("SELECT status FROM household WHERE household_number = ? FOR UPDATE", String.class,
				number.value()).stream().findFirst();
	}

	// ---- reading ----

	Optional<ResidentRecord> findLatest(AtenaNumber atena) {
		return jdbc.query("SELECT " + COLUMNS + " FROM resident_record WHERE atena_number = ? AND latest", MAPPER,
				atena.value()).stream().findFirst();
	}

	List<ResidentRecord> history(AtenaNumber atena) {
		return jdbc.query("SELECT " + COLUMNS + " FROM resident_record WHERE atena_number = ? ORDER BY history_number DESC",
				MAPPER, atena.value());
	}

	/** Latest snapshots whose certificate of this kind has the serial (canonical form); normally one. */
	List<ResidentRecord> findByCertificate(CardCertificate kind, String serial) {
		return jdbc.query("SELECT " + COLUMNS + " FROM resident_record WHERE " + kind.column() + " = ? AND latest", MAPPER,
				serial);
	}

	Optional<ResidentRecord> findSnapshot(AtenaNumber atena, int historyNumber) {
		return jdbc.query("SELECT " + COLUMNS + " FROM resident_record WHERE atena_number = ? AND history_number = ?",
				MAPPER, atena.value(), historyNumber).stream().findFirst();
	}

	/** Current members of a household (latest snapshots that still point at it), residents first, in member order. */
	List<ResidentRecord> householdMembers(HouseholdNumber number) {
		return jdbc.query("SELECT " + COLUMNS + " FROM resident_record WHERE household_number = ? AND latest "
				+ "ORDER BY status DESC, member_order, atena_number", MAPPER, number.value());
	}

	boolean residentCodeTaken(String residentCode, AtenaNumber except) {
		Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM resident WHERE resident_code = ? AND atena_number <> ?",
				Integer.class, residentCode, except == null ? "" : except.value());
		return n != null && n > 0;
	}

	boolean myNumberTaken(String hmac) {
		Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM resident WHERE my_number_hmac = ?", Integer.class, hmac);
		return n != null && n > 0;
	}

	List<ResidentRecord> search(ResidentSearch q) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM resident_record WHERE latest");
		List<Object> args = new ArrayList<>();
		if (q.atenaNumber() != null) {
			sql.append(" AND atena_number = ?");
			args.add(q.atenaNumber());
		}
		if (q.kanaPrefix() != null) {
			prefix(sql, args, "kana_search", Kana.searchKey(q.kanaPrefix()));
		}
		if (q.namePrefix() != null) {
			prefix(sql, args, "name_search", q.namePrefix().replace(" ", "").replace("\u3000", ""));
		}
		if (q.addressPrefix() != null) {
			prefix(sql, args, "address", q.addressPrefix().strip());
		}
		if (q.birthDate() != null) {
			sql.append(" AND birth_date = ?");
			args.add(q.birthDate().stored());
		}
		if (!q.includeRemoved()) {
			sql.append(" AND status = 'RESIDENT'");
		}
		// order by the searched column so that its index returns a page without sorting every match
		String order = q.kanaPrefix() != null ? "kana_search" : q.namePrefix() != null ? "name_search"
				: q.addressPrefix() != null ? "address" : "kana_search";
		sql.append(" ORDER BY ").append(order).append(", atena_number");
		sql.append(" LIMIT ").append(q.limit()).append(" OFFSET ").append(q.offset());
		return jdbc.query(sql.toString(), MAPPER, args.toArray());
	}

	/**
	 * A prefix condition that an index serves even in a generic (parameterised) plan: the range
	 * {@code [prefix, next)} where {@code next} is the prefix with its last character incremented, which holds
	 * exactly the strings that start with the prefix (a LIKE is the fallback). PostgreSQL compares these columns in code-point order (COLLATE "C"), H2
	 * in UTF-16 order; both agree on the range for characters of the Basic Multilingual Plane.
	 */
	private static void prefix(StringBuilder sql, List<Object> args, String column, String prefix) {
		String next = nextPrefix(prefix);
		if (next != null) {
			// exact on its own; a LIKE beside it would make the planner think the range small and sort it whole
			sql.append(" AND ").append(column).append(" >= ? AND ").append(column).append(" < ?");
			args.add(prefix);
			args.add(next);
			return;
		}
		sql.append(" AND ").append(column).append(" LIKE ?");
		args.add(likePrefix(prefix));
	}

	/** The least string above every string that starts with {@code prefix}, or null where that is not simple. */
	static String nextPrefix(String prefix) {
		if (prefix.isEmpty()) {
			return null;
		}
		char last = prefix.charAt(prefix.length() - 1);
		if (Character.isSurrogate(last) || last == '\uD7FF' || last == '\uFFFF') {
			return null;
		}
		return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
	}

	static String likePrefix(String prefix) {
		return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	// ---- mapping ----

	static Object[] toRow(ResidentRecord r) {
		PersonName n = r.name();
		FamilyRegister f = r.familyRegister();
		ForeignResidence x = r.foreign();
		Address a = r.address();
		Qualifications q = r.qualifications();
		return new Object[] { r.atenaNumber().value(), r.historyNumber(), true, r.householdNumber().value(),
				r.relationship(), r.memberOrder(), r.status().name(), r.type().name(), n.family(), blankToNull(n.given()),
				blankToNull(n.familyKana()), blankToNull(n.givenKana()), Kana.searchKey(n.familyKana(), n.givenKana()),
				nameSearch(n), n.kanaConfirmed(), blankToNull(n.formerFamily()), blankToNull(n.formerFamilyKana()),
				blankToNull(n.alias()), blankToNull(n.aliasKana()), blankToNull(n.alphabetName()),
				r.birthDate().stored(), r.birthDate().eraStored(), r.gender().name(), f == null ? null : f.honseki(),
				f == null ? null : f.hittousha(), x == null ? null : x.nationality(), x == null ? null : x.category(),
				x == null ? null : x.status(), x == null ? null : x.period(), x == null ? null : x.expiry(),
				x == null ? null : x.cardNumber(), r.becameResidentDate(), a.townCode(), a.text(),
				blankToNull(a.katagaki()), a.postalCode(), r.addressFixedDate(), blankToNull(r.previousAddress()),
				blankToNull(r.destinationAddress()), blankToNull(r.residentCode()),
				r.myNumber() == null ? null : r.myNumber().ciphertext(), r.voterRegistered(),
				r.removalReason() == null ? null : r.removalReason().name(), r.removalDate(), r.changeReason().name(),
				r.changeDate(), r.notifiedDate(), Timestamp.from(r.processedAt()), r.processedBy(),
				blankToNull(r.changeNote()), q.nationalHealthInsuranceFrom(), q.nationalHealthInsuranceUntil(),
				q.lateElderlyMedicalFrom(), q.lateElderlyMedicalUntil(), q.longTermCareFrom(), q.longTermCareUntil(),
				q.pensionNumber(), q.pensionCategory(), q.pensionFrom(), q.childAllowanceFrom(), q.childAllowanceUntil(),
				q.cardStatus(), q.signatureCertificateSerial(), q.authenticationCertificateSerial() };
	}

	static String nameSearch(PersonName n) {
		StringBuilder sb = new StringBuilder(n.family());
		if (n.given() != null) {
			sb.append(n.given());
		}
		return sb.toString().replace(" ", "").replace("\u3000", "");
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	static final RowMapper<ResidentRecord> MAPPER = ResidentRecordRepository::map;

	static ResidentRecord map(ResultSet rs, int rowNum) throws SQLException {
		ResidentType type = ResidentType.valueOf(rs.getString("resident_type"));
		PersonName name = new PersonName(rs.getString("family_name"), rs.getString("given_name"),
				rs.getString("family_name_kana"), rs.getString("given_name_kana"), rs.getBoolean("kana_confirmed"),
				rs.getString("former_family_name"), rs.getString("former_family_name_kana"), rs.getString("alias_name"),
				rs.getString("alias_name_kana"), rs.getString("alphabet_name"));
		FamilyRegister family = type == ResidentType.JAPANESE
				? new FamilyRegister(rs.getString("honseki"), rs.getString("hittousha")) : null;
		ForeignResidence foreign = type == ResidentType.FOREIGN
				? new ForeignResidence(rs.getString("nationality"), rs.getString("foreign_category"),
						rs.getString("residence_status"), rs.getString("residence_period"), date(rs, "residence_expiry"),
						rs.getString("residence_card_number"))
				: null;
		String enc = rs.getString("my_number_enc");
		String removal = rs.getString("removal_reason");
		return new ResidentRecord(new AtenaNumber(rs.getString("atena_number")), rs.getInt("history_number"),
				new HouseholdNumber(rs.getString("household_number")), rs.getString("relationship"),
				rs.getInt("member_order"), ResidentStatus.valueOf(rs.getString("status")), type, name,
				RegisterDate.fromStored(rs.getString("birth_date"), rs.getString("birth_era")),
				Gender.valueOf(rs.getString("gender")), family, foreign, date(rs, "became_resident_date"),
				new Address(rs.getString("town_code"), rs.getString("address"), rs.getString("address_katagaki"),
						rs.getString("postal_code")),
				date(rs, "address_fixed_date"), rs.getString("previous_address"), rs.getString("destination_address"),
				rs.getString("resident_code"), enc == null ? null : new EncryptedMyNumber(enc, null),
				rs.getBoolean("voter_registered"),
				new Qualifications(date(rs, "nhi_from"), date(rs, "nhi_until"), date(rs, "late_elderly_from"),
						date(rs, "late_elderly_until"), date(rs, "long_term_care_from"), date(rs, "long_term_care_until"),
						rs.getString("pension_number"), rs.getString("pension_category"), date(rs, "pension_from"),
						date(rs, "child_allowance_from"), date(rs, "child_allowance_until"), rs.getString("card_status"),
						rs.getString("sign_cert_serial"), rs.getString("auth_cert_serial")),
				removal == null ? null : ChangeReason.valueOf(removal),
				date(rs, "removal_date"), ChangeReason.valueOf(rs.getString("change_reason")), date(rs, "change_date"),
				date(rs, "notified_date"), rs.getTimestamp("processed_at").toInstant(), rs.getString("processed_by"),
				rs.getString("change_note"));
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}
}
