package org.madoguchi.issuance.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
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
import org.bouncycastle.asn1.x509.CRLReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our seals validated by EU DSS (PAdES with PDFBox, default policy), offline: the development root as the only
 * trust anchor, its CRL handed over as a file; no OCSP, no AIA, no online CRL fetching.
 *
 * <p>DSS 6.4 reads /Contents with {@code new CMSSignedData(byte[])}, which BouncyCastle 1.85 and later (1.87 here)
 * refuse when the zero padding that every PDF signer writes follows the DER ("Extra data detected in stream",
 * bcgit/bc-java#2360: intentional). The seals given to DSS are therefore made with
 * {@link PadesSigner#signUnpadded}: the same signer, the same structure, /Contents exactly the CMS.
 */
class DssPadesInteropTests {

	@TempDir
	static Path dir;

	static SealFixture city;

	static byte[] unsigned;

	@BeforeAll
	static void city() {
		city = SealFixture.create(dir.resolve("city"));
		unsigned = SamplePdfs.certificate(2);
	}

	@Test
	void sealIsTotalPassedAsPadesBaselineT() {
		Verdict verdict = validate(city, unpadded(city));

		assertThat(verdict.indication()).as(verdict.toString()).isEqualTo(Indication.TOTAL_PASSED);
		assertThat(verdict.level()).as(verdict.toString()).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
		assertThat(verdict.timestamps()).as(verdict.toString()).isEqualTo(1);
	}

	@Test
	void oneChangedByteIsHashFailure() {
		byte[] altered = unpadded(city);
		altered[PdfSignatureCheckTests.indexOf(altered, SamplePdfs.TITLE.getBytes(StandardCharsets.US_ASCII))] = 'X';

		Verdict verdict = validate(city, altered);

		assertThat(verdict.indication()).as(verdict.toString()).isEqualTo(Indication.TOTAL_FAILED);
		assertThat(verdict.subIndication()).as(verdict.toString()).isEqualTo(SubIndication.HASH_FAILURE);
	}

	@Test
	void revokedSealCertificateIsRevoked() {
		SealFixture revoked = SealFixture.create(dir.resolve("revoked"));
		revoked.pki().revoke(revoked.pki().sealKey().certificate(), CRLReason.keyCompromise, Instant.now().minusSeconds(60));

		Verdict verdict = validate(revoked, unpadded(revoked));

		assertThat(verdict.indication()).as(verdict.toString()).isIn(Indication.TOTAL_FAILED, Indication.INDETERMINATE);
		assertThat(verdict.subIndication()).as(verdict.toString()).isIn(SubIndication.REVOKED, SubIndication.REVOKED_NO_POE);
	}

	static byte[] unpadded(SealFixture pki) {
		return pki.signer().signUnpadded(unsigned, SealFixture.DETAILS);
	}

	/** The padded seal, as issued, is refused by DSS 6.4 on BouncyCastle 1.87; when DSS reads it, drop the detour. */
	@Test
	void paddedSealStillTripsDssOnThisBouncyCastle() {
		SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(city.seal(unsigned)));
		validator.setCertificateVerifier(new CommonCertificateVerifier());
		assertThat(validator.validateDocument().getSimpleReport().getSignaturesCount()).isZero();
	}

	record Verdict(Indication indication, SubIndication subIndication, SignatureLevel level, int timestamps,
			List<String> errors) {
	}

	static Verdict validate(SealFixture pki, byte[] pdf) {
		CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
		trusted.addCertificate(new CertificateToken(pki.pki().root()));
		CommonCertificateVerifier verifier = new CommonCertificateVerifier();
		verifier.setTrustedCertSources(trusted);
		verifier.setAIASource(null);
		verifier.setOcspSource(null);
		verifier.setCrlSource(new ExternalResourcesCRLSource(new InMemoryDocument(der(pki.pki().crl()))));

		SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
		validator.setCertificateVerifier(verifier);
		SimpleReport report = validator.validateDocument().getSimpleReport();
		assertThat(report.getSignaturesCount()).isEqualTo(1);
		String id = report.getFirstSignatureId();
		return new Verdict(report.getIndication(id), report.getSubIndication(id), report.getSignatureFormat(id),
				report.getSignatureTimestamps(id).size(),
				report.getAdESValidationErrors(id).stream().map(Message::getValue).toList());
	}

	private static byte[] der(java.security.cert.X509CRL crl) {
		try {
			return crl.getEncoded();
		}
		catch (java.security.cert.CRLException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
