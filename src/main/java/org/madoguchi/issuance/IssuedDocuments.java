package org.madoguchi.issuance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.madoguchi.issuance.document.DocumentKind;
import org.madoguchi.issuance.document.Layout;
import org.madoguchi.platform.Databases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The issuance history and the signed PDFs (table {@code issued_document}). */
@Repository
class IssuedDocuments {

	private static final String COLUMNS = "id, issue_number, verification_code, kind, layout, items, my_number_printed, "
			+ "household_number, subjects, requester, requester_relation, purpose, channel, application_id, account_id, "
			+ "terminal, issued_by, issued_at, pages, document_sha256, ledger_entry_id, revoked_at, revoked_by, "
			+ "revocation_reason";

	private final JdbcTemplate jdbc;

	private final String nextSerialSql;

	IssuedDocuments(JdbcTemplate jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.nextSerialSql = Databases.isPostgres(dataSource) ? "SELECT nextval('issue_serial_seq')"
				: "SELECT NEXT VALUE FOR issue_serial_seq";
	}

	/** The next 発行番号 serial; a sequence, so that no lock is held while the copy is rendered and signed. */
	long nextSerial() {
		return jdbc.queryForObject(nextSerialSql, Long.class);
	}

	void insert(IssuedDocument d, byte[] pdf) {
		jdbc.update("INSERT INTO issued_document (" + COLUMNS + ", pdf) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
				d.id(), d.issueNumber(), d.verificationCode(), d.kind().name(), d.layout().name(),
				PrintItem.join(d.items()), d.myNumberPrinted(), d.householdNumber(), d.subjects(), d.requester(),
				d.requesterRelation().name(), d.purpose(), d.channel().name(), d.applicationId(), d.accountId(),
				d.terminal(), d.issuedBy(), Timestamp.from(d.issuedAt()), d.pages(), d.documentSha256(),
				d.ledgerEntryId(), null, null, null, pdf);
	}

	Optional<IssuedDocument> find(UUID id) {
		return jdbc.query("SELECT " + COLUMNS + " FROM issued_document WHERE id = ?", ROW, id).stream().findFirst();
	}

	Optional<IssuedDocument> findByCode(String verificationCode) {
		return jdbc.query("SELECT " + COLUMNS + " FROM issued_document WHERE verification_code = ?", ROW,
				verificationCode).stream().findFirst();
	}

	Optional<IssuedDocument> findBySha256(String sha256Hex) {
		return jdbc.query("SELECT " + COLUMNS + " FROM issued_document WHERE document_sha256 = ?", ROW, sha256Hex)
			.stream()
			.findFirst();
	}

	Optional<IssuedDocument> findByIssueNumber(String issueNumber) {
		return jdbc.query("SELECT " + COLUMNS + " FROM issued_document WHERE issue_number = ?", ROW, issueNumber)
			.stream()
			.findFirst();
	}

	List<IssuedDocument> ofAccount(UUID accountId, int limit) {
		return jdbc.query("SELECT " + COLUMNS + " FROM issued_document WHERE account_id = ? ORDER BY issued_at DESC "
				+ "LIMIT ?", ROW, accountId, limit);
	}

	List<IssuedDocument> ofApplication(UUID applicationId) {
		return jdbc.query("SELECT " + COLUMNS + " FROM issued_document WHERE application_id = ? ORDER BY issue_number",
				ROW, applicationId);
	}

	List<IssuedDocument> recent(int limit) {
		return jdbc.query("SELECT " + COLUMNS + " FROM issued_document ORDER BY issued_at DESC LIMIT ?", ROW, limit);
	}

	byte[] pdf(UUID id) {
		return jdbc.queryForObject("SELECT pdf FROM issued_document WHERE id = ?", byte[].class, id);
	}

	/** Marks a copy revoked; false when it already was. */
	boolean revoke(UUID id, String by, String reason, Instant at, long ledgerEntryId) {
		return jdbc.update("UPDATE issued_document SET revoked_at = ?, revoked_by = ?, revocation_reason = ?, "
				+ "revocation_ledger_entry_id = ? WHERE id = ? AND revoked_at IS NULL", Timestamp.from(at), by, reason,
				ledgerEntryId, id) == 1;
	}

	private static final RowMapper<IssuedDocument> ROW = IssuedDocuments::map;

	private static IssuedDocument map(ResultSet rs, int row) throws SQLException {
		return new IssuedDocument(rs.getObject("id", UUID.class), rs.getString("issue_number"),
				rs.getString("verification_code"), DocumentKind.valueOf(rs.getString("kind")),
				Layout.valueOf(rs.getString("layout")), PrintItem.parse(rs.getString("items")),
				rs.getBoolean("my_number_printed"), rs.getString("household_number"), rs.getString("subjects"),
				rs.getString("requester"), RequesterRelation.valueOf(rs.getString("requester_relation")),
				rs.getString("purpose"), IssueChannel.valueOf(rs.getString("channel")),
				rs.getObject("application_id", UUID.class), rs.getObject("account_id", UUID.class),
				rs.getString("terminal"), rs.getString("issued_by"), instant(rs.getTimestamp("issued_at")),
				rs.getInt("pages"), rs.getString("document_sha256"), rs.getLong("ledger_entry_id"),
				instant(rs.getTimestamp("revoked_at")), rs.getString("revoked_by"), rs.getString("revocation_reason"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
