package org.madoguchi.identity;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of verifying one electronic signature (電子署名の検証結果), kept with the application as evidence, or
 * one answer to a sign-in challenge made with a 利用者証明用電子証明書.
 *
 * @param verdict          VALID or INVALID; there is no "maybe": anything not proven is INVALID
 * @param reason           why (OK when valid)
 * @param detail           technical explanation for staff and logs (English, not shown to residents)
 * @param signer           the 基本4情報 from the signing certificate, or null when not read (a 利用者証明用
 *     certificate carries none)
 * @param certificateSerial serial of the signer's certificate (matches the resident record), or null
 * @param chainSubjects    subjects from the signing certificate up to the trust anchor, when a path was built
 * @param crls             CRLs consulted during revocation checking
 * @param validationTime   the time the certificate validity was judged at (for a document the signingTime if
 *     signed, else checkedAt; for a sign-in always checkedAt)
 * @param checkedAt        when the verification ran
 */
public record SignatureReport(Verdict verdict, Reason reason, String detail, BasicFourInfo signer,
		BigInteger certificateSerial, List<String> chainSubjects, List<CrlUse> crls, Instant validationTime,
		Instant checkedAt) {

	public SignatureReport {
		chainSubjects = chainSubjects == null ? List.of() : List.copyOf(chainSubjects);
		crls = crls == null ? List.of() : List.copyOf(crls);
	}

	/** Overall result. */
	public enum Verdict {
		VALID, INVALID
	}

	/** The reason behind the verdict. */
	public enum Reason {
		/** All checks passed. */
		OK,
		/** Not a DER CMS SignedData with exactly one signer and its certificate, empty, or too large. */
		MALFORMED,
		/** The signature does not match the content (content or signature altered, or made over other bytes). */
		SIGNATURE_MISMATCH,
		/**
		 * A hash, signature algorithm or key too weak: anything but SHA-256/384/512 with RSA of at least 2048 bits or
		 * EC of at least 256 bits, on the signature, a certificate of the path or a CRL.
		 */
		WEAK_ALGORITHM,
		/**
		 * The other card certificate (by its policy): a 利用者証明用 certificate used to sign a document, or a 署名用
		 * certificate used to sign in.
		 */
		WRONG_CERTIFICATE_TYPE,
		/** The certificate carries neither JPKI certificate policy ({@link JpkiProfile}): not a card certificate. */
		WRONG_POLICY,
		/**
		 * The keyUsage does not allow the use: a 署名用 certificate needs nonRepudiation, a 利用者証明用 certificate
		 * digitalSignature without nonRepudiation.
		 */
		WRONG_KEY_USAGE,
		/** No path to a configured trust anchor. */
		UNTRUSTED,
		/** A certificate on the path had expired at the validation time. */
		EXPIRED,
		/** A certificate on the path was not yet valid at the validation time. */
		NOT_YET_VALID,
		/** A certificate on the path is on its issuer's CRL. */
		REVOKED,
		/** The held CRL is past its nextUpdate (or has none): revocation status is not known. */
		STALE_CRL,
		/** No CRL is held for an issuer on the path, or the held CRL is not validly signed by it. */
		REVOCATION_UNKNOWN
	}

	/** One CRL used for the revocation check. */
	public record CrlUse(String issuer, BigInteger crlNumber, Instant thisUpdate, Instant nextUpdate) {
	}

	public boolean valid() {
		return verdict == Verdict.VALID;
	}
}
