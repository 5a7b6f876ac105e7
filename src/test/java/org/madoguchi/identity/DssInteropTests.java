package org.madoguchi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.jaxb.object.Message;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.madoguchi.identity.SignatureReport.Reason;
import org.madoguchi.identity.TestPki.Authority;

/**
 * Signatures of the virtual My Number Card (仮想マイナンバーカード) validated by EU DSS, a CAdES validator no one here
 * wrote, with its default validation policy, offline: the test root is the only trust anchor and CRLs are handed
 * over as files (no OCSP, no AIA, no online CRL fetching).
 */
class DssInteropTests {

	static final String SIGN_PIN = "DSS2026";

	static final String AUTH_PIN = "4321";

	static final BasicFourInfo RESIDENT = new BasicFourInfo("欧州 検証子", "東雲野市本町一丁目2番3号",
			LocalDate.of(1988, 11, 3), "女");

	/** A submission as a resident's browser would send it; the card signs its RFC 8785 canonical form. */
	static final String SUBMISSION = """
			{ "procedure": "転入届", "applicant": { "name": "欧州 検証子", "birthDate": "1988-11-03" },
			  "movedOn": "2026-04-01", "household": [ { "name": "欧州 検証子", "relation": "本人" } ] }""";

	static final byte[] CONTENT = Jcs.canonicalize(JsonMapper.builder().build().readTree(SUBMISSION));

	@TempDir
	static Path dir;

	static TestPki pki;

	@BeforeAll
	static void pki() {
		pki = TestPki.create();
	}

	/** A fresh card per test, so that revoking one test's certificate leaves the others alone. */
	private static VirtualCard card(String name) {
		return VirtualCard.issue(pki, RESIDENT, SIGN_PIN, AUTH_PIN, dir.resolve(name + ".json"));
	}

	@Test
	void cardSignatureIsTotalPassedAsCadesBaselineB() {
		byte[] signature = card("valid").sign(CONTENT, SIGN_PIN);

		DssVerdict verdict = validate(signature, CONTENT, pki.crl(Authority.ROOT), pki.crl(Authority.SIGNING));

		assertThat(verdict.indication()).as(verdict.toString()).isEqualTo(Indication.TOTAL_PASSED);
		assertThat(verdict.format()).as(verdict.toString()).isEqualTo(SignatureLevel.CAdES_BASELINE_B);
	}

	@Test
	void oneChangedByteIsHashFailure() {
		byte[] signature = card("altered").sign(CONTENT, SIGN_PIN);
		byte[] altered = CONTENT.clone();
		altered[altered.length / 2] ^= 0x01;

		DssVerdict verdict = validate(signature, altered, pki.crl(Authority.ROOT), pki.crl(Authority.SIGNING));

		assertThat(verdict.indication()).as(verdict.toString()).isEqualTo(Indication.TOTAL_FAILED);
		assertThat(verdict.subIndication()).as(verdict.toString()).isEqualTo(SubIndication.HASH_FAILURE);
	}

	@Test
	void signatureAfterRevocationIsRevokedNoPoe() {
		VirtualCard card = card("revoked");
		pki.revoke(card.certificate(VirtualCard.Slot.SIGNING));
		X509CRL crl = pki.crl(Authority.SIGNING);
		byte[] signature = card.sign(CONTENT, SIGN_PIN);

		DssVerdict verdict = validate(signature, CONTENT, pki.crl(Authority.ROOT), crl);

		// Without a time-stamp nothing proves the signature existed before the revocation.
		assertThat(verdict.indication()).as(verdict.toString()).isEqualTo(Indication.INDETERMINATE);
		assertThat(verdict.subIndication()).as(verdict.toString()).isEqualTo(SubIndication.REVOKED_NO_POE);
	}

	/**
	 * DSS wants revocation data for every certificate below the anchor: the signing CA's CRL alone is not enough,
	 * the root's CRL (ARL) for the signing CA's own certificate is needed too, as in our verifier.
	 */
	@Test
	void withoutRevocationDataDssDoesNotPass() {
		byte[] signature = card("no-crl").sign(CONTENT, SIGN_PIN);

		for (DssVerdict verdict : List.of(validate(signature, CONTENT),
				validate(signature, CONTENT, pki.crl(Authority.SIGNING)))) {
			assertThat(verdict.indication()).as(verdict.toString()).isEqualTo(Indication.INDETERMINATE);
			assertThat(verdict.subIndication()).as(verdict.toString())
				.isEqualTo(SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE);
			assertThat(verdict.errors()).as(verdict.toString()).anyMatch(e -> e.startsWith("No revocation data found"));
		}
	}

	/**
	 * DSS's default policy only warns about a signing certificate without nonRepudiation, so a signature with the
	 * 利用者証明用 certificate passes there; our verifier refuses it, as a JPKI signature must use the 署名用 one.
	 */
	@Test
	void authenticationCertificateSignaturePassesDssButNotOurVerifier() {
		VirtualCard card = card("auth");
		byte[] signature = card.authenticate(CONTENT, AUTH_PIN);

		DssVerdict verdict = validate(signature, CONTENT, pki.crl(Authority.ROOT), pki.crl(Authority.AUTHENTICATION));
		System.out.println("DSS on a 利用者証明用 signature: " + verdict);

		assertThat(verdict.indication()).as(verdict.toString()).isEqualTo(Indication.TOTAL_PASSED);
		assertThat(verdict.warnings()).as(verdict.toString()).anyMatch(w -> w.contains("key-usage"));
		SignatureReport ours = new SignatureVerifier(List.of(pki.root()),
				List.of(pki.certificate(Authority.SIGNING), pki.certificate(Authority.AUTHENTICATION)),
				new InMemoryCrlSource(pki.crls()), Clock.systemUTC())
			.verify(CONTENT, signature);
		assertThat(ours.reason()).as(ours.detail()).isEqualTo(Reason.WRONG_CERTIFICATE_TYPE);
	}

	/** What DSS's simple report says about the one signature, with its messages for failure output. */
	record DssVerdict(Indication indication, SubIndication subIndication, SignatureLevel format, List<String> errors,
			List<String> warnings) {
	}

	/** Validates a detached CMS over the content with DSS's default policy, trusting only the test root. */
	private static DssVerdict validate(byte[] signature, byte[] content, X509CRL... crls) {
		CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
		trusted.addCertificate(new CertificateToken(pki.root()));
		CommonCertificateVerifier verifier = new CommonCertificateVerifier();
		verifier.setTrustedCertSources(trusted);
		verifier.setAIASource(null);
		verifier.setOcspSource(null);
		verifier.setCrlSource(crls.length == 0 ? null
				: new ExternalResourcesCRLSource(
						Arrays.stream(crls).map(c -> new InMemoryDocument(TestPki.der(c))).toArray(InMemoryDocument[]::new)));

		SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(signature));
		validator.setCertificateVerifier(verifier);
		validator.setDetachedContents(List.of(new InMemoryDocument(content)));
		SimpleReport report = validator.validateDocument().getSimpleReport();
		assertThat(report.getSignaturesCount()).isEqualTo(1);
		String id = report.getFirstSignatureId();
		return new DssVerdict(report.getIndication(id), report.getSubIndication(id), report.getSignatureFormat(id),
				report.getAdESValidationErrors(id).stream().map(Message::getValue).toList(),
				report.getAdESValidationWarnings(id).stream().map(Message::getValue).toList());
	}
}
