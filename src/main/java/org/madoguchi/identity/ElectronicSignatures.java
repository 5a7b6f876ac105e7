package org.madoguchi.identity;

import java.security.cert.X509CRL;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.madoguchi.identity.SignedEvidence.Outcome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Electronic signatures for other modules (電子署名の検証と保存): checks a detached CMS signature made with a
 * 署名用電子証明書 over the exact bytes the resident signed, finds the signer in the resident register, and keeps
 * the signed bytes, the signature (with its certificates), the CRLs consulted and the report — for an accepted and
 * a refused signature alike — so that the verdict can be checked again years later.
 */
@Service
public class ElectronicSignatures {

	/** Subject type of a signed online application (申請). */
	public static final String APPLICATION = "APPLICATION";

	private final ObjectProvider<SignatureVerifier> verifier;
	private final ObjectProvider<CrlSource> crls;
	private final SignerMatching matching;
	private final SignatureEvidenceRepository evidence;
	private final ObjectProvider<DevIdentity> dev;
	private final Clock clock;

	ElectronicSignatures(ObjectProvider<SignatureVerifier> verifier, ObjectProvider<CrlSource> crls,
			SignerMatching matching, SignatureEvidenceRepository evidence, ObjectProvider<DevIdentity> dev, Clock clock) {
		this.dev = dev;
		this.verifier = verifier;
		this.crls = crls;
		this.matching = matching;
		this.evidence = evidence;
		this.clock = clock;
	}

	/** True in development and tests, where the test PKI's virtual cards can sign ({@code bin/madoguchi virtual-card}). */
	public boolean developmentCards() {
		return dev.getIfAvailable() != null;
	}

	/** False when no trust anchors are configured: nothing can then be accepted as signed. */
	public boolean available() {
		return verifier.getIfAvailable() != null;
	}

	/**
	 * Verifies and keeps one signature.
	 *
	 * @param subjectType   what was signed, e.g. {@link #APPLICATION}
	 * @param subjectId     its id
	 * @param content       the exact bytes that were signed
	 * @param signature     detached CMS SignedData, DER (size-limited by the verifier)
	 * @param expectedAtena the 宛名番号 the signer must be (the applicant's), or null when anyone in the register may sign
	 * @param checkedBy     who asked (for the record), e.g. {@code account:<id>}
	 * @throws IllegalStateException when signatures are not available (see {@link #available()})
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW) // kept even when the caller's transaction rolls back
	public SignedEvidence verifyAndKeep(String subjectType, UUID subjectId, byte[] content, byte[] signature,
			String expectedAtena, String checkedBy) {
		SignatureVerifier v = verifier.getIfAvailable();
		if (v == null) {
			throw new IllegalStateException("electronic signatures are not configured (madoguchi.identity.trust-anchors)");
		}
		SignatureReport report = v.verify(content, signature);
		Outcome outcome;
		SignerMatching.Match match = null;
		if (!report.valid()) {
			outcome = Outcome.SIGNATURE_INVALID;
		}
		else {
			match = matching.match(report.certificateSerial(), report.signer()).orElse(null);
			outcome = match == null ? Outcome.SIGNER_NOT_IN_REGISTER
					: expectedAtena != null && !expectedAtena.equals(match.atenaNumber()) ? Outcome.SIGNER_NOT_APPLICANT
							: Outcome.ACCEPTED;
		}
		SignedEvidence kept = new SignedEvidence(UUID.randomUUID(), subjectType, subjectId,
				SignatureEvidenceRepository.sha256(content), outcome, report,
				match == null ? null : match.atenaNumber(), match == null ? null : match.method(), clock.instant());
		evidence.insert(kept, content, signature, chainPem(signature), crlsUsed(report), checkedBy);
		return kept;
	}

	/** Everything kept for a subject, newest first. */
	@Transactional(readOnly = true)
	public List<SignedEvidence> evidence(UUID subjectId) {
		return evidence.forSubject(subjectId);
	}

	/** The newest accepted signature of a subject, if any. */
	@Transactional(readOnly = true)
	public Optional<SignedEvidence> accepted(UUID subjectId) {
		return evidence.forSubject(subjectId).stream().filter(SignedEvidence::accepted).findFirst();
	}

	/** The signed bytes and the CMS (DER) of a kept signature: {@code [content, signature]}. */
	@Transactional(readOnly = true)
	public Optional<byte[][]> material(UUID evidenceId) {
		return evidence.material(evidenceId);
	}

	/**
	 * Checks a kept signature again from what was kept: the signed bytes, the CMS and the CRLs, judged at the time of
	 * the first check against today's trust anchors. Evidence that still holds years later gives the same verdict;
	 * a kept row whose bytes were altered does not.
	 */
	@Transactional(readOnly = true)
	public Optional<SignatureReport> recheck(UUID evidenceId) {
		SignatureVerifier v = verifier.getIfAvailable();
		Optional<SignedEvidence> kept = evidence.find(evidenceId);
		if (v == null || kept.isEmpty()) {
			return Optional.empty();
		}
		byte[][] material = evidence.material(evidenceId).orElseThrow();
		InMemoryCrlSource keptCrls = new InMemoryCrlSource();
		try {
			java.security.cert.CertificateFactory factory = java.security.cert.CertificateFactory.getInstance("X.509");
			for (byte[] der : evidence.crls(evidenceId)) {
				keptCrls.add((X509CRL) factory.generateCRL(new java.io.ByteArrayInputStream(der)));
			}
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("a kept CRL cannot be read", ex);
		}
		return Optional.of(v.asOf(kept.get().checkedAt(), keptCrls).verify(material[0], material[1]));
	}

	/** The CRLs the verifier consulted, as held now (matched by issuer and CRL number, so a newer one is not taken). */
	private List<X509CRL> crlsUsed(SignatureReport report) {
		CrlSource source = crls.getIfAvailable();
		List<X509CRL> used = new ArrayList<>();
		if (source == null) {
			return used;
		}
		for (SignatureReport.CrlUse use : report.crls()) {
			source.latest(new X500Principal(use.issuer()))
				.filter(crl -> crl.getThisUpdate().toInstant().equals(use.thisUpdate()))
				.ifPresent(used::add);
		}
		return used;
	}

	/** The certificates carried in the signature, as PEM; null when the blob is not CMS. */
	private static String chainPem(byte[] signature) {
		try {
			StringBuilder pem = new StringBuilder();
			for (X509CertificateHolder holder : new CMSSignedData(signature).getCertificates().getMatches(null)) {
				pem.append(TestPki.pem(holder));
			}
			return pem.length() > 100_000 ? null : pem.toString();
		}
		catch (CMSException | RuntimeException ex) {
			return null;
		}
	}
}
