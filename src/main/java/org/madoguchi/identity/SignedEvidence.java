package org.madoguchi.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * One electronic signature as checked and kept (署名検証記録): what it was for, the verdict of the cryptography,
 * and who in the register signed. Kept also when refused, as evidence of the attempt.
 *
 * @param contentSha256 SHA-256 (hex) of the exact bytes that were signed (the canonical form of the submission)
 * @param outcome       whether the signature is accepted for the subject, and if not why
 * @param report        the cryptographic verification (chain, CRLs, times, signer's 基本4情報)
 * @param signerAtena   宛名番号 of the signer in the register, when matched
 * @param matchMethod   how the signer was matched, when matched
 */
public record SignedEvidence(UUID id, String subjectType, UUID subjectId, String contentSha256, Outcome outcome,
		SignatureReport report, String signerAtena, MatchMethod matchMethod, Instant checkedAt) {

	/** Whether the signature stands for the subject. */
	public enum Outcome {
		/** Valid signature by a resident in the register who is the expected person. */
		ACCEPTED,
		/** The cryptographic check failed: see the report's reason. */
		SIGNATURE_INVALID,
		/** Valid signature, but no living resident in the register matches the certificate. */
		SIGNER_NOT_IN_REGISTER,
		/** Valid signature by a resident, but not by the applicant. */
		SIGNER_NOT_APPLICANT
	}

	/** How the signer was found in the register. */
	public enum MatchMethod {
		/** The 署名用電子証明書's serial recorded with the resident's card. */
		CERTIFICATE_SERIAL,
		/** 氏名, 住所, 生年月日 and 性別 of the certificate equal the register's. */
		BASIC_FOUR_INFO
	}

	public boolean accepted() {
		return outcome == Outcome.ACCEPTED;
	}

	/**
	 * Message key of the outcome for residents and staff: {@code identity.signature.<REASON>} for a failed check,
	 * {@code identity.outcome.<OUTCOME>} otherwise.
	 */
	public String messageKey() {
		return outcome == Outcome.SIGNATURE_INVALID ? "identity.signature." + report.reason().name()
				: "identity.outcome." + outcome.name();
	}
}
