package org.madoguchi.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.madoguchi.identity.SignedEvidence.MatchMethod;
import org.madoguchi.identity.SignedEvidence.Outcome;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** {@code signature_evidence} and {@code identity_crl}: plain SQL, the same on H2 and PostgreSQL. */
@Repository
class SignatureEvidenceRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COLUMNS = "id, subject_type, subject_id, content_sha256, outcome, report, signer_atena, "
			+ "match_method, checked_at";

	private static final RowMapper<SignedEvidence> MAPPER = (rs, i) -> new SignedEvidence(rs.getObject("id", UUID.class),
			rs.getString("subject_type"), rs.getObject("subject_id", UUID.class), rs.getString("content_sha256"),
			Outcome.valueOf(rs.getString("outcome")), JSON.readValue(rs.getString("report"), SignatureReport.class),
			rs.getString("signer_atena"),
			rs.getString("match_method") == null ? null : MatchMethod.valueOf(rs.getString("match_method")),
			rs.getTimestamp("checked_at").toInstant());

	private final JdbcTemplate jdbc;

	SignatureEvidenceRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the evidence; the CRLs (DER) are kept once each and referenced by their SHA-256. */
	void insert(SignedEvidence e, byte[] content, byte[] signature, String chainPem, List<X509CRL> crls,
			String checkedBy) {
		StringBuilder crlRefs = new StringBuilder();
		SignatureReport r = e.report();
		for (X509CRL crl : crls) {
			String number = r.crls().stream()
				.filter(u -> u.issuer().equals(crl.getIssuerX500Principal().getName()) && u.crlNumber() != null)
				.map(u -> u.crlNumber().toString())
				.findFirst()
				.orElse(null);
			byte[] der = der(crl);
			String hash = sha256(der);
			jdbc.update("INSERT INTO identity_crl (sha256, issuer, crl_number, this_update, next_update, der, stored_at) "
					+ "SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM identity_crl WHERE sha256 = ?)", hash,
					truncate(crl.getIssuerX500Principal().getName(), 500), number,
					Timestamp.from(crl.getThisUpdate().toInstant()),
					crl.getNextUpdate() == null ? null : Timestamp.from(crl.getNextUpdate().toInstant()), der,
					Timestamp.from(e.checkedAt()), hash);
			crlRefs.append(crlRefs.isEmpty() ? "" : " ").append(hash);
		}
		jdbc.update("INSERT INTO signature_evidence (id, subject_type, subject_id, content_sha256, content, signature, "
				+ "chain_pem, crl_sha256, verdict, reason, outcome, report, certificate_serial, signer_atena, match_method, "
				+ "validation_time, checked_at, checked_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", e.id(),
				e.subjectType(), e.subjectId(), e.contentSha256(), content, signature, chainPem,
				crlRefs.isEmpty() ? null : crlRefs.toString(), r.verdict().name(), r.reason().name(), e.outcome().name(),
				JSON.writeValueAsString(r),
				r.certificateSerial() == null ? null : r.certificateSerial().toString(16).toUpperCase(),
				e.signerAtena(), e.matchMethod() == null ? null : e.matchMethod().name(),
				r.validationTime() == null ? null : Timestamp.from(r.validationTime()), Timestamp.from(e.checkedAt()),
				truncate(checkedBy, 80));
	}

	List<SignedEvidence> forSubject(UUID subjectId) {
		return jdbc.query("SELECT " + COLUMNS + " FROM signature_evidence WHERE subject_id = ? ORDER BY checked_at DESC",
				MAPPER, subjectId);
	}

	Optional<SignedEvidence> find(UUID id) {
		return jdbc.query("SELECT " + COLUMNS + " FROM signature_evidence WHERE id = ?", MAPPER, id).stream().findFirst();
	}

	/** The signed bytes and the CMS of a kept signature, for a later re-check or a download. */
	Optional<byte[][]> material(UUID id) {
		return jdbc.query("SELECT content, signature FROM signature_evidence WHERE id = ?",
				(rs, i) -> new byte[][] { rs.getBytes(1), rs.getBytes(2) }, id).stream().findFirst();
	}

	/** The CRLs kept with a signature (DER), as they were when it was checked. */
	List<byte[]> crls(UUID id) {
		String refs = jdbc.query("SELECT crl_sha256 FROM signature_evidence WHERE id = ?", (rs, i) -> rs.getString(1), id)
			.stream()
			.findFirst()
			.orElse(null);
		if (refs == null || refs.isBlank()) {
			return List.of();
		}
		List<byte[]> ders = new java.util.ArrayList<>();
		for (String hash : refs.split(" ")) {
			jdbc.query("SELECT der FROM identity_crl WHERE sha256 = ?", (rs, i) -> rs.getBytes(1), hash)
				.forEach(ders::add);
		}
		return ders;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] der(X509CRL crl) {
		try {
			return crl.getEncoded();
		}
		catch (CRLException ex) {
			throw new IllegalStateException("cannot encode a CRL that was just used", ex);
		}
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

}
