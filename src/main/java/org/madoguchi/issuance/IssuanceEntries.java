package org.madoguchi.issuance;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.madoguchi.ledger.LedgerSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the transparency log records of an issued copy and of its revocation: the 発行番号, the kind of document,
 * the time, the city and the SHA-256 of the signed PDF — no name, no address, no 宛名番号. The bytes are JSON with
 * a fixed key order, so that {@code ledger verify} can rebuild them from the row and anyone holding the PDF can
 * find its entry by hash.
 */
final class IssuanceEntries {

	static final String ISSUANCE = "issuance";

	static final String REVOCATION = "revocation";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private IssuanceEntries() {
	}

	static byte[] issuance(String city, IssuedDocument d) {
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("type", ISSUANCE);
		e.put("city", city);
		e.put("issueNumber", d.issueNumber());
		e.put("documentKind", d.kind().name());
		e.put("issuedAt", d.issuedAt().toString());
		e.put("pages", d.pages());
		e.put("channel", d.channel().name());
		e.put("sha256", d.documentSha256());
		return bytes(e);
	}

	static byte[] revocation(String city, IssuedDocument d) {
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("type", REVOCATION);
		e.put("city", city);
		e.put("issueNumber", d.issueNumber());
		e.put("sha256", d.documentSha256());
		e.put("revokedAt", d.revokedAt().toString());
		return bytes(e);
	}

	private static byte[] bytes(Map<String, Object> entry) {
		return JSON.writeValueAsString(entry).getBytes(StandardCharsets.UTF_8);
	}

	/** A reference that is not a document id (an edited entry row) matches no row: reported as gone. */
	private static Optional<UUID> id(String reference) {
		try {
			return Optional.of(UUID.fromString(reference));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/**
	 * Lets {@code ledger verify} compare each entry of one kind with its row in {@code issued_document}: an issuance
	 * with the row as it is, a revocation with the row's revocation (a row that lost its revoked_at is reported).
	 */
	record DocumentSource(String kind, IssuedDocuments documents, String city) implements LedgerSource {

		@Override
		public Optional<byte[]> currentEntry(String reference) {
			Optional<IssuedDocument> row = id(reference).flatMap(documents::find);
			return ISSUANCE.equals(kind) ? row.map(d -> issuance(city, d))
					: row.filter(IssuedDocument::isRevoked).map(d -> revocation(city, d));
		}
	}
}
