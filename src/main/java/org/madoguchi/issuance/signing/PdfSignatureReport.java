package org.madoguchi.issuance.signing;

import java.time.Instant;

/**
 * What the public verification page (真正性の確認) shows about an uploaded PDF.
 *
 * @param verdict        the one answer; {@link Verdict#VALID} only when every check passed
 * @param detail         why, in English (for logs and support; the page words its own text per verdict)
 * @param signerSubject  the seal certificate's subject (RFC 2253), when a signer certificate was found
 * @param signerName     its common name (e.g. 東雲野市長), when found
 * @param signingTime    the time-stamp's genTime, when the time-stamp was valid
 * @param sha256         SHA-256 of the whole uploaded file, lower-case hex (always set)
 * @param signatureCount how many signature dictionaries the PDF holds (0 when not readable)
 */
public record PdfSignatureReport(Verdict verdict, String detail, String signerSubject, String signerName,
		Instant signingTime, String sha256, int signatureCount) {

	/** The outcome of a check. */
	public enum Verdict {
		/** Sealed by the city, unchanged, whole document covered, time-stamped, not revoked. */
		VALID,
		/** Larger than {@link PdfSignatureCheck#MAX_PDF_BYTES}: not read. */
		TOO_LARGE,
		/** Not a PDF at all (no %PDF- header). */
		NOT_A_PDF,
		/** A PDF that cannot be parsed, is truncated, or whose signature structure is broken. */
		DAMAGED,
		/** A PDF without any signature. */
		NO_SIGNATURE,
		/** The signed bytes changed after sealing (digest or signature mismatch). */
		MODIFIED,
		/** Bytes were appended or an incremental update was saved after the seal. */
		NOT_WHOLE_DOCUMENT,
		/** Signed, but not with a certificate that chains to the city's trust anchor. */
		UNTRUSTED_SIGNER,
		/** The seal certificate (or a CA above it) is revoked according to the CRL. */
		SIGNER_REVOKED,
		/** Revocation cannot be decided: no CRL for a certificate in the chain, or the CRL is stale or unverifiable. */
		REVOCATION_UNKNOWN,
		/** The signature time-stamp is missing, not over this signature value, or from an unacceptable TSA. */
		TIMESTAMP_INVALID,
		/** A signature of another kind (e.g. /SubFilter adbe.pkcs7.detached, several signers, a weak hash). */
		UNSUPPORTED
	}

	/** Whether the document is an unaltered, city-sealed original. */
	public boolean valid() {
		return verdict == Verdict.VALID;
	}
}
