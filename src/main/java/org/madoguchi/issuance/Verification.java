package org.madoguchi.issuance;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.madoguchi.issuance.document.DocumentKind;
import org.madoguchi.issuance.signing.PdfSignatureCheck;
import org.madoguchi.issuance.signing.PdfSignatureReport;
import org.madoguchi.ledger.InclusionProof;
import org.madoguchi.ledger.InvalidProofException;
import org.madoguchi.ledger.Ledger;
import org.madoguchi.ledger.MerkleTree;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public verification (電子証明書の確認) of an issued copy, for anyone holding the PDF or its QR link: is the
 * seal valid, who issued it and when, under which 発行番号, has it been revoked, and the proof that its issuance is
 * in the transparency log. Nothing here reveals personal data: the QR code carries a random code, and the record
 * shown holds no name, address or 宛名番号.
 */
@Service
@Transactional(readOnly = true)
public class Verification {

	/** Larger uploads are refused before being parsed (an issued copy is a few hundred KB at most). */
	public static final int MAX_UPLOAD_BYTES = PdfSignatureCheck.MAX_PDF_BYTES;

	static final int MAX_CODE_LENGTH = 64;

	private final PdfSignatureCheck signatureCheck;

	private final IssuedDocuments documents;

	private final Ledger ledger;

	private final IssuanceProperties properties;

	Verification(PdfSignatureCheck signatureCheck, IssuedDocuments documents, Ledger ledger,
			IssuanceProperties properties) {
		this.signatureCheck = signatureCheck;
		this.documents = documents;
		this.ledger = ledger;
		this.properties = properties;
	}

	/** Checks an uploaded file: its seal first, then whether this very file is a copy the city issued. */
	public Result verify(byte[] pdf) {
		PdfSignatureReport report = signatureCheck.check(pdf);
		if (!report.valid()) {
			return new Result(Outcome.INVALID, report, null);
		}
		Optional<IssuedDocument> issued = documents.findBySha256(report.sha256());
		if (issued.isEmpty()) {
			return new Result(Outcome.NOT_ISSUED, report, null);
		}
		Record record = record(issued.get());
		return new Result(record.revoked() ? Outcome.REVOKED : Outcome.VALID, report, record);
	}

	/** What the QR link shows: the record of the copy with that code, without checking any file. */
	public Optional<Record> byCode(String code) {
		if (code == null || code.isEmpty() || code.length() > MAX_CODE_LENGTH
				|| !code.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
			return Optional.empty();
		}
		return documents.findByCode(code).map(this::record);
	}

	private Record record(IssuedDocument d) {
		return new Record(properties.cityName(), d.kind(), d.issueNumber(), d.issuedAt(), d.pages(), d.channel(),
				d.isRevoked(), d.revokedAt(), d.documentSha256(), d.verificationCode(), proof(d));
	}

	/**
	 * The inclusion proof of the copy's issuance entry in the latest signed checkpoint, checked here as any client
	 * would: the leaf is rebuilt from the record (not read from the log), so a log that lost or changed the entry
	 * gives no valid proof.
	 */
	private LogProof proof(IssuedDocument d) {
		OptionalLong index = ledger.indexOf(d.ledgerEntryId());
		Optional<Ledger.SignedCheckpoint> checkpoint = ledger.latestCheckpoint();
		if (index.isEmpty() || checkpoint.isEmpty() || index.getAsLong() >= checkpoint.get().checkpoint().size()) {
			return LogProof.pending();
		}
		long size = checkpoint.get().checkpoint().size();
		byte[] leaf = MerkleTree.leafHash(IssuanceEntries.issuance(properties.cityName(), d));
		InclusionProof proof = ledger.inclusionProof(index.getAsLong(), size);
		boolean verified;
		try {
			proof.verify(leaf, checkpoint.get().checkpoint().rootHash());
			verified = true;
		}
		catch (InvalidProofException e) {
			verified = false;
		}
		Base64.Encoder b64 = Base64.getEncoder();
		return new LogProof(true, verified, index.getAsLong(), size, b64.encodeToString(leaf),
				proof.path().stream().map(b64::encodeToString).toList(), checkpoint.get().note());
	}

	/** The overall answer. */
	public enum Outcome {
		/** sealed by the city, unchanged, issued and recorded, not revoked */
		VALID,
		/** genuine, but the city revoked it (e.g. reissued after a mistake) */
		REVOKED,
		/** the seal is valid but the city has no record of this file */
		NOT_ISSUED,
		/** the seal is missing, broken or not the city's; {@link PdfSignatureReport} says why */
		INVALID
	}

	/**
	 * @param record the issuance record, when the file is one the city issued
	 */
	public record Result(Outcome outcome, PdfSignatureReport signature, Record record) {
	}

	/**
	 * What anyone may see of an issued copy.
	 *
	 * @param channel counter or electronic issuance (part of the log entry, so that anyone can rebuild it)
	 * @param sha256 SHA-256 (hex) of the whole signed PDF, to compare with {@code sha256sum}
	 */
	public record Record(String city, DocumentKind kind, String issueNumber, Instant issuedAt, int pages,
			IssueChannel channel, boolean revoked, Instant revokedAt, String sha256, String code, LogProof logProof) {
	}

	/**
	 * The log proof: entry {@code index} is in the tree of {@code treeSize} entries whose root the signed checkpoint
	 * {@code checkpoint} carries.
	 *
	 * @param recorded false while the entry waits to be sequenced (a few seconds after issuance)
	 * @param verified whether the proof checked out here against the checkpoint
	 * @param leafHash base64 RFC 6962 leaf hash of the entry rebuilt from the record
	 * @param path base64 hashes of the inclusion proof, bottom up
	 */
	public record LogProof(boolean recorded, boolean verified, long index, long treeSize, String leafHash,
			List<String> path, String checkpoint) {

		static LogProof pending() {
			return new LogProof(false, false, -1, 0, null, List.of(), null);
		}
	}
}
