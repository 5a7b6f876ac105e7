package org.madoguchi.registry;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CSV export and import of the register in the layout documented in {@code docs/csv-layout.md}.
 * Import is all-or-nothing: every row is read and checked first, every bad row and field is
 * reported, and only a clean file is written (in one transaction).
 */
@Service
public class RegisterCsv {

	/** Columns that import reads (and export writes after the management columns). */
	public static final List<String> IMPORT_COLUMNS = List.of("household_key", "relationship", "family_name",
			"given_name", "family_name_kana", "given_name_kana", "birth_date", "gender", "resident_type", "honseki",
			"hittousha", "nationality", "foreign_category", "residence_status", "residence_expiry",
			"residence_card_number", "alphabet_name", "alias_name", "town_code", "address", "katagaki", "postal_code",
			"since", "previous_address", "resident_code", "my_number");

	public static final List<String> EXPORT_COLUMNS;
	static {
		List<String> cols = new ArrayList<>(List.of("atena_number", "household_number", "history_number", "status",
				"change_reason", "change_date"));
		cols.addAll(IMPORT_COLUMNS.stream().filter(c -> !c.equals("my_number")).toList());
		cols.addAll(List.of("nhi_from", "nhi_until", "late_elderly_from", "late_elderly_until", "long_term_care_from",
				"long_term_care_until", "pension_number", "pension_category", "pension_from", "child_allowance_from",
				"child_allowance_until", "card_status"));
		EXPORT_COLUMNS = List.copyOf(cols);
	}

	public static final int MAX_ROWS = 200_000;
	static final int MAX_REPORTED_ERRORS = 1000;

	private final JdbcTemplate jdbc;
	private final RegisterBulkLoader loader;
	private final AccessLog accessLog;
	private final java.time.Clock clock;

	RegisterCsv(JdbcTemplate jdbc, RegisterBulkLoader loader, AccessLog accessLog, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.loader = loader;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	/** Writes the current register (residents, or also 除票) as CSV; 個人番号 is never exported. */
	@Transactional(readOnly = false)
	public int export(Writer out, boolean includeRemoved) throws IOException {
		CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(EXPORT_COLUMNS.toArray(String[]::new)).get().print(out);
		int[] count = { 0 };
		String sql = "SELECT " + ResidentRecordRepository.COLUMNS + " FROM resident_record WHERE latest"
				+ (includeRemoved ? "" : " AND status = 'RESIDENT'") + " ORDER BY household_number, member_order";
		// stream rows (PostgreSQL fetches in chunks inside a transaction) instead of loading the whole city
		jdbc.query(con -> {
			var ps = con.prepareStatement(sql);
			ps.setFetchSize(1000);
			return ps;
		}, (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
					ResidentRecord r = ResidentRecordRepository.map(rs, 0);
					try {
						printer.printRecord(row(r));
					}
					catch (IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
					count[0]++;
				});
		printer.flush();
		accessLog.record(AccessAction.EXPORT, "register", count[0] + " rows" + (includeRemoved ? " incl. 除票" : ""));
		return count[0];
	}

	private static List<Object> row(ResidentRecord r) {
		List<Object> row = new ArrayList<>(identityAndPerson(r));
		Qualifications q = r.qualifications();
		row.addAll(java.util.Arrays.asList(q.nationalHealthInsuranceFrom(), q.nationalHealthInsuranceUntil(),
				q.lateElderlyMedicalFrom(), q.lateElderlyMedicalUntil(), q.longTermCareFrom(), q.longTermCareUntil(),
				q.pensionNumber(), q.pensionCategory(), q.pensionFrom(), q.childAllowanceFrom(), q.childAllowanceUntil(),
				q.cardStatus()));
		return row;
	}

	private static List<Object> identityAndPerson(ResidentRecord r) {
		PersonName n = r.name();
		FamilyRegister f = r.familyRegister();
		ForeignResidence x = r.foreign();
		return java.util.Arrays.asList(r.atenaNumber().value(), r.householdNumber().value(), r.historyNumber(),
				r.status().name(), r.changeReason().name(), r.changeDate(), r.householdNumber().value(), r.relationship(),
				n.family(), n.given(), n.familyKana(), n.givenKana(), r.birthDate().iso(), r.gender().name(),
				r.type().name(), f == null ? null : f.honseki(), f == null ? null : f.hittousha(),
				x == null ? null : x.nationality(), x == null ? null : x.category(), x == null ? null : x.status(),
				x == null ? null : x.expiry(), x == null ? null : x.cardNumber(), n.alphabetName(), n.alias(),
				r.address().townCode(), r.address().text(), r.address().katagaki(), r.address().postalCode(),
				r.addressFixedDate(), r.previousAddress(), r.residentCode());
	}

	/** The result of a successful import. */
	public record ImportResult(int households, int persons) {
	}

	/**
	 * Reads the whole file, validates every row, and loads it only if there is no error at all
	 * (異動事由 国内転入 unless {@code reason} says otherwise). Throws {@link InvalidInputException}
	 * listing every bad row and field (up to 1,000).
	 */
	@Transactional
	public ImportResult importCsv(Reader in, ChangeReason reason) throws IOException {
		List<FieldError> errors = new ArrayList<>();
		Map<String, HouseholdDraftBuilder> households = new LinkedHashMap<>();
		Set<String> residentCodes = new HashSet<>();
		Set<String> myNumbers = new HashSet<>();
		EntryValidator validator = new EntryValidator(LocalDate.now(clock));
		CSVParser parser;
		try {
			parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
					.get().parse(in);
		}
		catch (IllegalArgumentException | java.io.UncheckedIOException e) {
			throw new InvalidInputException(new FieldError(1, "header", "error.csv.header", e.getMessage()));
		}
		Map<String, Integer> header = new HashMap<>();
		parser.getHeaderMap().forEach((k, v) -> header.put(k.replace("\uFEFF", "").strip(), v));
		for (String required : List.of("household_key", "relationship", "family_name", "birth_date", "gender",
				"resident_type", "address")) {
			if (!header.containsKey(required)) {
				errors.add(new FieldError(1, required, "error.csv.missingColumn", required));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int rows = 0;
		try {
			for (CSVRecord rec : parser) {
				rows++;
				int line = (int) rec.getRecordNumber() + 1; // the header is line 1
				if (rows > MAX_ROWS) {
					errors.add(new FieldError(line, "file", "error.csv.tooManyRows", MAX_ROWS));
					break;
				}
				if (rec.size() != header.size()) {
					errors.add(new FieldError(line, "row", "error.csv.columnCount", header.size(), rec.size()));
					continue;
				}
				readRow(rec, line, header, validator, households, residentCodes, myNumbers, errors);
				if (errors.size() >= MAX_REPORTED_ERRORS) {
					break;
				}
			}
		}
		catch (java.io.UncheckedIOException | IllegalStateException e) {
			errors.add(new FieldError(rows + 2, "row", "error.csv.malformed", String.valueOf(e.getMessage())));
		}
		if (rows == 0 && errors.isEmpty()) {
			errors.add(new FieldError(2, "file", "error.csv.empty"));
		}
		for (HouseholdDraftBuilder h : households.values()) {
			if (h.heads > 1) {
				errors.add(new FieldError(h.firstLine, "relationship", "error.rule.oneHead"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		List<HouseholdDraft> drafts = households.values().stream().map(HouseholdDraftBuilder::build).toList();
		int persons = loader.load(drafts, reason, "CSV import").size();
		return new ImportResult(drafts.size(), persons);
	}

	private void readRow(CSVRecord rec, int line, Map<String, Integer> header, EntryValidator validator,
			Map<String, HouseholdDraftBuilder> households, Set<String> residentCodes, Set<String> myNumbers,
			List<FieldError> errors) {
		java.util.function.Function<String, String> col = name -> {
			Integer i = header.get(name);
			String v = i == null ? null : rec.get(i);
			return v == null || v.isBlank() ? null : v.strip();
		};
		List<FieldError> rowErrors = new ArrayList<>();
		PersonForm form = new PersonForm();
		form.setFamilyName(col.apply("family_name"));
		form.setGivenName(col.apply("given_name"));
		form.setFamilyNameKana(col.apply("family_name_kana"));
		form.setGivenNameKana(col.apply("given_name_kana"));
		form.setBirthDate(col.apply("birth_date"));
		String gender = col.apply("gender");
		form.setGender("1".equals(gender) ? "MALE" : "2".equals(gender) ? "FEMALE" : gender);
		form.setType(col.apply("resident_type"));
		form.setHonseki(col.apply("honseki"));
		form.setHittousha(col.apply("hittousha"));
		form.setNationality(col.apply("nationality"));
		form.setForeignCategory(col.apply("foreign_category"));
		form.setResidenceStatus(col.apply("residence_status"));
		form.setResidenceCardNumber(col.apply("residence_card_number"));
		form.setAlphabetName(col.apply("alphabet_name"));
		form.setAliasName(col.apply("alias_name"));
		form.setRelationship(col.apply("relationship"));
		form.setResidentCode(col.apply("resident_code"));
		form.setMyNumber(col.apply("my_number"));
		form.setResidenceExpiry(date(col.apply("residence_expiry"), "residence_expiry", rowErrors));
		LocalDate since = date(col.apply("since"), "since", rowErrors);
		PersonEntry entry = form.toEntry("", rowErrors);
		rowErrors.addAll(validator.personBesides("", entry, true, List.copyOf(rowErrors)));
		String key = col.apply("household_key");
		if (key == null) {
			rowErrors.add(FieldError.of("household_key", "error.required"));
		}
		Address address = new Address(col.apply("town_code"), col.apply("address"), col.apply("katagaki"),
				col.apply("postal_code"));
		int beforeAddress = validator.errors().size();
		validator.address("", address);
		rowErrors.addAll(validator.errors().subList(beforeAddress, validator.errors().size()));
		if (entry.residentCode() != null && ResidentCode.isValid(entry.residentCode())
				&& (!residentCodes.add(entry.residentCode()) || residentCodeTaken(entry.residentCode()))) {
			rowErrors.add(FieldError.of("resident_code", "error.residentCode.taken"));
		}
		if (entry.myNumber() != null && MyNumber.isValid(entry.myNumber()) && !myNumbers.add(entry.myNumber())) {
			rowErrors.add(FieldError.of("my_number", "error.myNumber.taken"));
		}
		if (!rowErrors.isEmpty()) {
			rowErrors.forEach(e -> errors.add(new FieldError(line, column(e.field()), e.code(), e.args())));
			return;
		}
		HouseholdDraftBuilder h = households.computeIfAbsent(key, k -> new HouseholdDraftBuilder(line, address, since,
				col.apply("previous_address")));
		if (!h.address.text().equals(address.text())) {
			errors.add(new FieldError(line, "address", "error.csv.householdAddress", key));
			return;
		}
		if (Relationship.HEAD.equals(entry.relationship())) {
			h.heads++;
		}
		h.members.add(entry);
	}

	/** The CSV column a form field is read from (familyNameKana → family_name_kana). */
	static String column(String field) {
		if (field.equals("type")) {
			return "resident_type";
		}
		return field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
	}

	private boolean residentCodeTaken(String code) {
		Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM resident WHERE resident_code = ?", Integer.class, code);
		return n != null && n > 0;
	}

	private static LocalDate date(String value, String field, List<FieldError> errors) {
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			errors.add(FieldError.of(field, "error.date"));
			return null;
		}
	}

	private final class HouseholdDraftBuilder {
		final int firstLine;
		final Address address;
		final LocalDate since;
		final String previousAddress;
		final List<PersonEntry> members = new ArrayList<>();
		int heads;

		HouseholdDraftBuilder(int firstLine, Address address, LocalDate since, String previousAddress) {
			this.firstLine = firstLine;
			this.address = address;
			this.since = since;
			this.previousAddress = previousAddress;
		}

		HouseholdDraft build() {
			List<PersonEntry> ordered = new ArrayList<>(members);
			ordered.sort(java.util.Comparator.comparingInt(p -> Relationship.rank(p.relationship())));
			return new HouseholdDraft(address, since == null ? LocalDate.now(clock) : since, previousAddress, ordered);
		}
	}
}
