package org.madoguchi.issuance;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.madoguchi.platform.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's electronically issued copies and their download links. A copy can be downloaded for
 * {@link IssuanceProperties#availableFor()} after issuance, through a link that works for
 * {@link IssuanceProperties#linkLifetime()} and only for the account the copy was issued to. Only the SHA-256 of a
 * link's token is stored. Another account's copy is "not found", never shown.
 */
@Service
@Transactional
public class DocumentDownloads {

	static final int MAX_LISTED = 100;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final IssuedDocuments documents;

	private final JdbcTemplate jdbc;

	private final AccessLog accessLog;

	private final IssuanceProperties properties;

	private final Clock clock;

	DocumentDownloads(IssuedDocuments documents, JdbcTemplate jdbc, AccessLog accessLog,
			IssuanceProperties properties, Clock clock) {
		this.documents = documents;
		this.jdbc = jdbc;
		this.accessLog = accessLog;
		this.properties = properties;
		this.clock = clock;
	}

	/** The account's copies, newest first (including expired and revoked ones, which say so). */
	@Transactional(readOnly = true)
	public List<IssuedDocument> of(UUID account) {
		return documents.ofAccount(account, MAX_LISTED);
	}

	/** Whether the copy can still be downloaded (not revoked, within the download period). */
	public boolean downloadable(IssuedDocument d) {
		return !d.isRevoked() && clock.instant().isBefore(availableUntil(d));
	}

	public Instant availableUntil(IssuedDocument d) {
		return d.issuedAt().plus(properties.availableFor());
	}

	/** A new short-lived link token for one of the account's copies. */
	public String newLink(UUID documentId, UUID account) {
		IssuedDocument d = documents.find(documentId)
			.filter(x -> account.equals(x.accountId()))
			.orElseThrow(() -> new NotFoundException("document"));
		if (!downloadable(d)) {
			throw new IssuanceRefusedException(d.isRevoked() ? "issuance.download.revoked" : "issuance.download.expired");
		}
		byte[] raw = new byte[32];
		RANDOM.nextBytes(raw);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		Instant now = clock.instant();
		jdbc.update("DELETE FROM issuance_download WHERE expires_at < ?", Timestamp.from(now));
		jdbc.update("INSERT INTO issuance_download (token_sha256, document_id, account_id, expires_at, created_at) "
				+ "VALUES (?,?,?,?,?)", Issuance.sha256Hex(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
				documentId, account, Timestamp.from(now.plus(properties.linkLifetime())), Timestamp.from(now));
		return token;
	}

	/**
	 * The copy behind a link, for the account it was made for.
	 *
	 * @throws IssuanceRefusedException when the link expired, or the copy was revoked or is past its period
	 * @throws NotFoundException for an unknown token or another account's link
	 */
	public Download download(String token, UUID account) {
		if (token == null || token.length() > 100) {
			throw new NotFoundException("link");
		}
		String hash = Issuance.sha256Hex(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		List<Object[]> rows = jdbc.query("SELECT document_id, account_id, expires_at FROM issuance_download "
				+ "WHERE token_sha256 = ?", (rs, i) -> new Object[] { rs.getObject(1, UUID.class),
						rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant() }, hash);
		if (rows.isEmpty() || !account.equals(rows.get(0)[1])) {
			throw new NotFoundException("link");
		}
		if (!clock.instant().isBefore((Instant) rows.get(0)[2])) {
			throw new IssuanceRefusedException("issuance.download.linkExpired");
		}
		IssuedDocument d = documents.find((UUID) rows.get(0)[0]).orElseThrow(() -> new NotFoundException("document"));
		if (!downloadable(d)) {
			throw new IssuanceRefusedException(d.isRevoked() ? "issuance.download.revoked" : "issuance.download.expired");
		}
		accessLog.record(AccessAction.ISSUE_CERTIFICATE, d.subjects(), "本人によるダウンロード / downloaded by the resident "
				+ d.issueNumber());
		return new Download(d, documents.pdf(d.id()));
	}

	/** A copy and its signed PDF. */
	public record Download(IssuedDocument document, byte[] pdf) {
	}
}
