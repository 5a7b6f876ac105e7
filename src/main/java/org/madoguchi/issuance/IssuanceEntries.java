package org.madoguchi.issuance;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.madoguchi.ledger.LedgerSource;
import org.springframework.stereotype.Component;

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

	/** Lets {@code ledger verify} compare each issuance entry with its row in {@code issued_document}. */
	@Component
	static class IssuanceSource implements LedgerSource {

		private final IssuedDocuments documents;

		private final IssuanceProperties properties;

		IssuanceSource(IssuedDocuments documents, IssuanceProperties properties) {
			this.documents = documents;
			this.properties = properties;
		}

		@Override
		public String kind() {
			return ISSUANCE;
		}

		@Override
		public Optional<byte[]> currentEntry(String reference) {
			return id(reference).flatMap(documents::find).map(d -> issuance(properties.cityName(), d));
		}
	}

	/** The same for revocations: a revocation whose row lost its revoked_at is reported. */
	@Component
	static class RevocationSource implements LedgerSource {

		private final IssuedDocuments documents;

		private final IssuanceProperties properties;

		RevocationSource(IssuedDocuments documents, IssuanceProperties properties) {
			this.documents = documents;
			this.properties = properties;
		}

		@Override
		public String kind() {
			return REVOCATION;
		}

		@Override
		public Optional<byte[]> currentEntry(String reference) {
			return id(reference).flatMap(documents::find)
				.filter(IssuedDocument::isRevoked)
				.map(d -> revocation(properties.cityName(), d));
		}
	}
}
