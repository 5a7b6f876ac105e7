package org.madoguchi.assistant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.RuleViolationException;
import org.madoguchi.procedures.ProcedureCatalog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The knowledge base (FAQナレッジ): Q&amp;A entries per tenant with their history. A city sees the standard entries
 * it has not overridden plus its own; what residents of a city are answered is {@link #effective}.
 *
 * <p>Every save writes the row and a history snapshot in one transaction and bumps the tenant's content version,
 * which makes every node rebuild its index of that tenant.
 */
@Service
public class KnowledgeBase {

	static final int MAX_QUESTION = 200;
	static final int MAX_ALTERNATIVES = 50;
	static final int MAX_ALTERNATIVE = 200;
	static final int MAX_ANSWER = 2000;
	static final int MAX_DEPARTMENT = 100;
	static final String SEED_ACTOR = "system";

	private static final String COLUMNS = "tenant_id, id, status, category, question, alternatives, answer, url, "
			+ "procedure_id, department, phone, valid_from, valid_until, version, seed_hash, updated_at, updated_by";

	private final JdbcTemplate jdbc;

	private final Tenants tenants;

	private final ProcedureCatalog procedures;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final JsonMapper json = JsonMapper.builder().build();

	KnowledgeBase(JdbcTemplate jdbc, Tenants tenants, ProcedureCatalog procedures, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.procedures = procedures;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	// ---- reading ----

	/**
	 * What staff of {@code tenant} see: their own rows and the standard rows they have not overridden, by id.
	 * For {@link Tenant#STANDARD} only the standard rows.
	 */
	public List<StoredEntry> entries(String tenant) {
		Map<String, StoredEntry> byId = new LinkedHashMap<>();
		for (StoredEntry e : rows(Tenant.STANDARD)) {
			byId.put(e.id(), e);
		}
		if (!Tenant.STANDARD.equals(tenant)) {
			for (StoredEntry e : rows(tenant)) {
				byId.put(e.id(), e);
			}
		}
		return byId.values().stream().sorted(java.util.Comparator.comparing(StoredEntry::id)).toList();
	}

	/** The tenant's own row, or else the standard row with this id. */
	public Optional<StoredEntry> find(String tenant, String id) {
		Optional<StoredEntry> own = row(tenant, id);
		return own.isPresent() || Tenant.STANDARD.equals(tenant) ? own : row(Tenant.STANDARD, id);
	}

	/** The entries residents of {@code tenant} are answered from on {@code day}. */
	public List<QaEntry> effective(String tenant, LocalDate day) {
		return entries(tenant).stream().filter(e -> e.answeredOn(day)).map(StoredEntry::entry).toList();
	}

	/** The versions of the tenant's own row (or of the standard row, when it has none), newest first. */
	public List<StoredEntry> history(String tenant, String id) {
		String owner = row(tenant, id).isPresent() ? tenant : Tenant.STANDARD;
		return jdbc.query("SELECT snapshot FROM assistant_entry_history WHERE tenant_id = ? AND entry_id = ? "
				+ "ORDER BY version DESC", (rs, n) -> json.readValue(rs.getString(1), StoredEntry.class), owner, id);
	}

	// ---- changing ----

	/** The content of an entry as staff (or a CSV file) give it, before checks. */
	public record Draft(String id, String category, String question, List<String> alternatives, String answer,
			String url, String procedure, String department, String phone, EntryStatus status, LocalDate validFrom,
			LocalDate validUntil) {

		public Draft {
			alternatives = alternatives == null ? List.of() : alternatives.stream()
				.map(String::strip)
				.filter(s -> !s.isEmpty())
				.distinct()
				.toList();
			id = trim(id);
			question = trim(question);
			answer = answer == null ? null : answer.strip().replace("\r\n", "\n");
			url = trim(url);
			procedure = trim(procedure);
			department = trim(department);
			phone = trim(phone);
		}

		/** The same content as a draft, e.g. to edit a stored entry. */
		public static Draft of(StoredEntry e) {
			QaEntry q = e.entry();
			return new Draft(q.id(), q.category(), q.question(), q.alternatives(), q.answer(), q.url(), q.procedure(),
					q.department(), q.phone(), e.status(), e.validFrom(), e.validUntil());
		}

		public Draft withStatus(EntryStatus s) {
			return new Draft(id, category, question, alternatives, answer, url, procedure, department, phone, s,
					validFrom, validUntil);
		}

		QaEntry entry() {
			return new QaEntry(id, category, question, alternatives, answer, url, procedure, department, phone);
		}

		private static String trim(String s) {
			return s == null || s.isBlank() ? null : s.strip();
		}
	}

	/** Problems with a draft, each naming its field (empty when it can be saved). */
	public List<FieldError> check(Draft d) {
		List<FieldError> errors = new ArrayList<>();
		if (d.id() == null || !d.id().matches("[a-z0-9][a-z0-9-]{0,99}")) {
			errors.add(FieldError.of("id", "assistant.entry.error.id"));
		}
		if (!Categories.known(d.category())) {
			errors.add(FieldError.of("category", "assistant.entry.error.category"));
		}
		if (d.question() == null || d.question().length() > MAX_QUESTION) {
			errors.add(FieldError.of("question", "assistant.entry.error.question", MAX_QUESTION));
		}
		if (d.alternatives().size() > MAX_ALTERNATIVES) {
			errors.add(FieldError.of("alternatives", "assistant.entry.error.alternativesCount", MAX_ALTERNATIVES));
		}
		else if (d.alternatives().stream().anyMatch(a -> a.length() > MAX_ALTERNATIVE)) {
			errors.add(FieldError.of("alternatives", "assistant.entry.error.alternativeLength", MAX_ALTERNATIVE));
		}
		if (d.answer() == null || d.answer().isEmpty() || d.answer().length() > MAX_ANSWER) {
			errors.add(FieldError.of("answer", "assistant.entry.error.answer", MAX_ANSWER));
		}
		if (d.url() != null && (d.url().length() > 500 || !d.url().matches("https?://[^\\s<>\"]+"))) {
			errors.add(FieldError.of("url", "assistant.entry.error.url"));
		}
		if (d.procedure() != null && (d.procedure().length() > 100 || procedures.current(d.procedure()).isEmpty())) {
			errors.add(FieldError.of("procedure", "assistant.entry.error.procedure", d.procedure()));
		}
		if (d.department() == null || d.department().length() > MAX_DEPARTMENT) {
			errors.add(FieldError.of("department", "assistant.entry.error.department", MAX_DEPARTMENT));
		}
		if (d.phone() == null || !d.phone().matches("[0-9][0-9-]{5,39}")) {
			errors.add(FieldError.of("phone", "assistant.entry.error.phone"));
		}
		if (d.status() == null) {
			errors.add(FieldError.of("status", "assistant.entry.error.status"));
		}
		if (d.validFrom() != null && d.validUntil() != null && d.validUntil().isBefore(d.validFrom())) {
			errors.add(FieldError.of("validUntil", "assistant.entry.error.validity"));
		}
		return errors;
	}

	/**
	 * Saves {@code draft} as the tenant's row: a new entry, a new version of its own, or (for a city) its
	 * override of a standard entry.
	 *
	 * @param expectedVersion the version the editor started from (0 for a new row, or the standard row's version
	 *     when overriding it); a different current version means someone else saved in between
	 * @throws InvalidInputException naming the fields that fail {@link #check}
	 * @throws RuleViolationException when the entry changed since {@code expectedVersion}
	 */
	public StoredEntry save(String tenant, Draft draft, int expectedVersion, String actor) {
		List<FieldError> errors = check(draft);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (!tenants.exists(tenant)) {
			throw new org.madoguchi.platform.NotFoundException("assistant tenant " + tenant);
		}
		try {
			return transaction.execute(tx -> {
				StoredEntry saved = store(tenant, draft, expectedVersion, actor);
				tenants.touch(tenant);
				return saved;
			});
		}
		catch (DuplicateKeyException raced) {
			throw new RuleViolationException("assistant.entry.error.changed");
		}
	}

	/** A draft with the version its editor started from (see {@link #save}). */
	public record Change(Draft draft, int expectedVersion) {
	}

	/**
	 * Saves several drafts all or nothing (a CSV import): every draft is checked first, and a conflict on any one
	 * saves none of them.
	 *
	 * @throws InvalidInputException with the 1-based {@link FieldError#row() row} of each failing draft
	 * @throws RuleViolationException when one of the entries changed since its expected version
	 */
	public List<StoredEntry> saveAll(String tenant, List<Change> changes, String actor) {
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < changes.size(); i++) {
			int row = i + 1;
			check(changes.get(i).draft()).forEach(e -> errors.add(e.atRow(row)));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (!tenants.exists(tenant)) {
			throw new org.madoguchi.platform.NotFoundException("assistant tenant " + tenant);
		}
		if (changes.isEmpty()) {
			return List.of();
		}
		try {
			return transaction.execute(tx -> {
				List<StoredEntry> saved = new ArrayList<>();
				for (Change c : changes) {
					saved.add(store(tenant, c.draft(), c.expectedVersion(), actor));
				}
				tenants.touch(tenant);
				return saved;
			});
		}
		catch (DuplicateKeyException raced) {
			throw new RuleViolationException("assistant.entry.error.changed");
		}
	}

	/**
	 * Deletes a city's override of a standard entry, so that its residents get the standard entry again (標準に戻す).
	 * The city's history keeps a version recording the revert, whose snapshot is the standard entry as it was then
	 * (its {@link StoredEntry#tenant() tenant} is {@link Tenant#STANDARD}); a later override continues the numbering.
	 *
	 * @throws RuleViolationException when the row changed since {@code expectedVersion}, or when the city's row
	 *     overrides nothing (an entry of its own)
	 */
	public void revert(String tenant, String id, int expectedVersion, String actor) {
		if (Tenant.STANDARD.equals(tenant)) {
			throw new RuleViolationException("assistant.kb.error.notOverride");
		}
		transaction.executeWithoutResult(tx -> {
			StoredEntry own = row(tenant, id).orElseThrow(() -> new RuleViolationException("assistant.entry.error.changed"));
			if (own.version() != expectedVersion) {
				throw new RuleViolationException("assistant.entry.error.changed");
			}
			StoredEntry standard = row(Tenant.STANDARD, id)
				.orElseThrow(() -> new RuleViolationException("assistant.kb.error.notOverride"));
			jdbc.update("DELETE FROM assistant_entry WHERE tenant_id = ? AND id = ?", tenant, id);
			int version = lastVersion(tenant, id) + 1;
			StoredEntry marker = new StoredEntry(Tenant.STANDARD, standard.entry(), standard.status(),
					standard.validFrom(), standard.validUntil(), version, clock.instant(), actor);
			jdbc.update("INSERT INTO assistant_entry_history (tenant_id, entry_id, version, status, snapshot, changed_at, "
					+ "changed_by) VALUES (?,?,?,?,?,?,?)", tenant, id, version, standard.status().name(),
					json.writeValueAsString(marker), Timestamp.from(marker.updatedAt()), actor);
			tenants.touch(tenant);
		});
	}

	/** The versions recorded for exactly this owner's row (with revert records), newest first. */
	public List<StoredEntry> versions(String owner, String id) {
		return jdbc.query("SELECT snapshot FROM assistant_entry_history WHERE tenant_id = ? AND entry_id = ? "
				+ "ORDER BY version DESC", (rs, n) -> json.readValue(rs.getString(1), StoredEntry.class), owner, id);
	}

	/** The ids of the tenant's own rows (for telling a city's overrides from its own entries). */
	public java.util.Set<String> ids(String tenant) {
		return new java.util.HashSet<>(
				jdbc.queryForList("SELECT id FROM assistant_entry WHERE tenant_id = ?", String.class, tenant));
	}

	/** Writes one draft inside the caller's transaction (the tenant is touched by the caller). */
	private StoredEntry store(String tenant, Draft draft, int expectedVersion, String actor) {
		Optional<StoredEntry> current = find(tenant, draft.id());
		int currentVersion = current.map(StoredEntry::version).orElse(0);
		if (currentVersion != expectedVersion) {
			throw new RuleViolationException("assistant.entry.error.changed");
		}
		boolean ownRow = current.isPresent() && current.get().tenant().equals(tenant);
		// a row created again after a revert continues its history's numbering
		int version = ownRow ? currentVersion + 1 : lastVersion(tenant, draft.id()) + 1;
		StoredEntry saved = new StoredEntry(tenant, draft.entry(), draft.status(), draft.validFrom(),
				draft.validUntil(), version, clock.instant(), actor);
		write(saved, ownRow, null);
		return saved;
	}

	private int lastVersion(String tenant, String id) {
		Integer v = jdbc.queryForObject("SELECT MAX(version) FROM assistant_entry_history WHERE tenant_id = ? AND entry_id = ?",
				Integer.class, tenant, id);
		return v == null ? 0 : v;
	}

	/**
	 * Loads the shipped standard entries: new ids are added, entries still as shipped are updated to the new
	 * file's text, entries staff have edited are left alone. Safe when several nodes start at once.
	 *
	 * @return how many rows were added or updated
	 */
	int seedStandard(List<QaEntry> shipped) {
		int changed = 0;
		for (QaEntry e : shipped) {
			String hash = sha256(json.writeValueAsString(e));
			try {
				Boolean did = transaction.execute(tx -> {
					List<String> seeds = jdbc.queryForList(
							"SELECT COALESCE(seed_hash, '-') FROM assistant_entry WHERE tenant_id = ? AND id = ?",
							String.class, Tenant.STANDARD, e.id());
					if (!seeds.isEmpty() && (seeds.get(0).equals(hash) || seeds.get(0).equals("-"))) {
						return false;
					}
					int version = seeds.isEmpty() ? 1 : row(Tenant.STANDARD, e.id()).orElseThrow().version() + 1;
					StoredEntry s = new StoredEntry(Tenant.STANDARD, e, EntryStatus.PUBLISHED, null, null, version,
							clock.instant(), SEED_ACTOR);
					write(s, !seeds.isEmpty(), hash);
					return true;
				});
				changed += Boolean.TRUE.equals(did) ? 1 : 0;
			}
			catch (DuplicateKeyException anotherNode) {
				// another node loaded the same entry at the same moment
			}
		}
		if (changed > 0) {
			tenants.touch(Tenant.STANDARD);
		}
		return changed;
	}

	private void write(StoredEntry s, boolean update, String seedHash) {
		QaEntry q = s.entry();
		Object[] values = { s.status().name(), q.category(), q.question(), String.join("\n", q.alternatives()),
				q.answer(), q.url(), q.procedure(), q.department(), q.phone(), date(s.validFrom()),
				date(s.validUntil()), s.version(), seedHash, Timestamp.from(s.updatedAt()), s.updatedBy(), s.tenant(),
				q.id() };
		if (update) {
			jdbc.update("UPDATE assistant_entry SET status = ?, category = ?, question = ?, alternatives = ?, answer = ?, "
					+ "url = ?, procedure_id = ?, department = ?, phone = ?, valid_from = ?, valid_until = ?, version = ?, "
					+ "seed_hash = ?, updated_at = ?, updated_by = ? WHERE tenant_id = ? AND id = ?", values);
		}
		else {
			jdbc.update("INSERT INTO assistant_entry (status, category, question, alternatives, answer, url, procedure_id, "
					+ "department, phone, valid_from, valid_until, version, seed_hash, updated_at, updated_by, tenant_id, id) "
					+ "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", values);
		}
		jdbc.update("INSERT INTO assistant_entry_history (tenant_id, entry_id, version, status, snapshot, changed_at, "
				+ "changed_by) VALUES (?,?,?,?,?,?,?)", s.tenant(), q.id(), s.version(), s.status().name(),
				json.writeValueAsString(s), Timestamp.from(s.updatedAt()), s.updatedBy());
	}

	private List<StoredEntry> rows(String tenant) {
		return jdbc.query("SELECT " + COLUMNS + " FROM assistant_entry WHERE tenant_id = ?", KnowledgeBase::stored,
				tenant);
	}

	private Optional<StoredEntry> row(String tenant, String id) {
		return jdbc.query("SELECT " + COLUMNS + " FROM assistant_entry WHERE tenant_id = ? AND id = ?",
				KnowledgeBase::stored, tenant, id).stream().findFirst();
	}

	private static StoredEntry stored(ResultSet rs, int n) throws SQLException {
		String alts = rs.getString("alternatives");
		QaEntry q = new QaEntry(rs.getString("id"), rs.getString("category"), rs.getString("question"),
				alts == null || alts.isEmpty() ? List.of() : Arrays.asList(alts.split("\n")), rs.getString("answer"),
				rs.getString("url"), rs.getString("procedure_id"), rs.getString("department"), rs.getString("phone"));
		Date from = rs.getDate("valid_from");
		Date until = rs.getDate("valid_until");
		return new StoredEntry(rs.getString("tenant_id"), q, EntryStatus.valueOf(rs.getString("status")),
				from == null ? null : from.toLocalDate(), until == null ? null : until.toLocalDate(),
				rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
	}

	private static Date date(LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}

	static String sha256(String s) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
