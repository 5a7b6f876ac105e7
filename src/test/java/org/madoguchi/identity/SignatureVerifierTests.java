package org.madoguchi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.madoguchi.identity.SignatureReport.Reason;
import org.madoguchi.identity.SignatureReport.Verdict;
import org.madoguchi.identity.TestPki.Authority;

/** Every verdict of {@link SignatureVerifier}, with real RSA keys and certificates from {@link TestPki}. */
class SignatureVerifierTests {

	static final BasicFourInfo RESIDENT = new BasicFourInfo("東雲 花子", "東雲野市本町一丁目2番3号",
			LocalDate.of(1990, 4, 1), "女");

	static final byte[] CONTENT = Jcs.canonicalize(Map.of("procedure", "転入届", "applicant", "東雲 花子"));

	static TestPki pki;

	static TestPki.Credential resident;

	@BeforeAll
	static void pki() {
		pki = TestPki.create();
		resident = pki.issueSigning(RESIDENT);
	}

	private static SignatureVerifier verifier(CrlSource crls) {
		return new SignatureVerifier(List.of(pki.root()),
				List.of(pki.certificate(Authority.SIGNING), pki.certificate(Authority.AUTHENTICATION)), crls,
				Clock.systemUTC());
	}

	private static SignatureVerifier verifier() {
		return verifier(new InMemoryCrlSource(pki.crls()));
	}

	@Test
	void validSignatureReportsTheSignerAndWhatWasChecked() {
		Instant signedAt = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		SignatureReport report = verifier().verify(CONTENT, TestSigner.sign(CONTENT, resident, signedAt));

		assertThat(report.verdict()).isEqualTo(Verdict.VALID);
		assertThat(report.reason()).isEqualTo(Reason.OK);
		assertThat(report.signer()).isEqualTo(RESIDENT);
		assertThat(report.certificateSerial()).isEqualTo(resident.certificate().getSerialNumber());
		assertThat(report.validationTime()).isEqualTo(signedAt);
		assertThat(report.chainSubjects()).hasSize(3);
		assertThat(report.chainSubjects().get(1)).contains("Signing CA");
		assertThat(report.chainSubjects().get(2)).contains("Root CA");
		assertThat(report.crls()).hasSize(2);
		assertThat(report.crls()).allSatisfy(crl -> {
			assertThat(crl.crlNumber()).isPositive();
			assertThat(crl.thisUpdate()).isBefore(crl.nextUpdate());
		});
	}

	@Test
	void withoutSigningTimeTheCertificateIsJudgedNow() {
		SignatureReport report = verifier().verify(CONTENT, TestSigner.sign(CONTENT, resident, null));
		assertThat(report.valid()).isTrue();
		assertThat(report.validationTime()).isEqualTo(report.checkedAt());
	}

	@Test
	void alteredContentIsASignatureMismatch() {
		byte[] signature = TestSigner.sign(CONTENT, resident);
		byte[] altered = CONTENT.clone();
		altered[altered.length - 3] ^= 1;
		assertRefused(verifier().verify(altered, signature), Reason.SIGNATURE_MISMATCH);
	}

	@Test
	void alteredSignatureValueIsASignatureMismatch() {
		byte[] signature = TestSigner.sign(CONTENT, resident);
		signature[signature.length - 10] ^= 1; // inside the RSA signature value at the end of the SignerInfo
		assertRefused(verifier().verify(CONTENT, signature), Reason.SIGNATURE_MISMATCH);
	}

	@Test
	void authenticationCertificateIsTheWrongType() {
		TestPki.Credential login = pki.issueAuthentication();
		SignatureReport report = verifier().verify(CONTENT, TestSigner.sign(CONTENT, login));
		assertRefused(report, Reason.WRONG_CERTIFICATE_TYPE);
		assertThat(report.signer()).as("a 利用者証明用 certificate carries no 基本4情報").isNull();
	}

	@Test
	void revokedCertificateIsRefused() {
		TestPki.Credential moved = pki.issueSigning(RESIDENT);
		byte[] signature = TestSigner.sign(CONTENT, moved);
		assertThat(verifier().verify(CONTENT, signature).valid()).isTrue();

		pki.revoke(moved.certificate());
		assertRefused(verifier().verify(CONTENT, signature), Reason.REVOKED);
	}

	@Test
	void otherCaIsUntrusted() {
		TestPki stranger = TestPki.create();
		TestPki.Credential forged = stranger.issueSigning(RESIDENT);
		SignatureReport report = verifier().verify(CONTENT, TestSigner.sign(CONTENT, forged));
		assertRefused(report, Reason.UNTRUSTED);
		assertThat(report.signer()).as("claims are reported, but the verdict says not to believe them")
			.isEqualTo(RESIDENT);
	}

	@Test
	void expiredAndNotYetValidCertificates() {
		Instant now = Instant.now();
		TestPki.Credential expired = pki.issueSigning(RESIDENT, now.minus(Duration.ofDays(400)),
				now.minus(Duration.ofDays(1)));
		assertRefused(verifier().verify(CONTENT, TestSigner.sign(CONTENT, expired)), Reason.EXPIRED);

		TestPki.Credential future = pki.issueSigning(RESIDENT, now.plus(Duration.ofDays(1)),
				now.plus(Duration.ofDays(400)));
		assertRefused(verifier().verify(CONTENT, TestSigner.sign(CONTENT, future)), Reason.NOT_YET_VALID);
	}

	@Test
	void signedWhileValidStaysValidAfterExpiry() {
		Instant now = Instant.now();
		TestPki.Credential expired = pki.issueSigning(RESIDENT, now.minus(Duration.ofDays(400)),
				now.minus(Duration.ofDays(1)));
		byte[] signature = TestSigner.sign(CONTENT, expired, now.minus(Duration.ofDays(10)));
		assertThat(verifier().verify(CONTENT, signature).verdict()).isEqualTo(Verdict.VALID);
	}

	@Test
	void crlPastItsNextUpdateFailsClosed() {
		Instant now = Instant.now();
		InMemoryCrlSource crls = new InMemoryCrlSource(List.of(pki.crl(Authority.ROOT),
				pki.crl(Authority.SIGNING, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)))));
		SignatureReport report = verifier(crls).verify(CONTENT, TestSigner.sign(CONTENT, resident));
		assertRefused(report, Reason.STALE_CRL);
		assertThat(report.crls()).isNotEmpty();
	}

	@Test
	void crlOlderThanTheConfiguredAgeFailsClosedBeforeItsNextUpdate() {
		byte[] signature = TestSigner.sign(CONTENT, resident, null);
		Instant issued = Instant.now().minus(Duration.ofHours(3));
		InMemoryCrlSource crls = new InMemoryCrlSource(List.of(pki.crl(Authority.ROOT),
				pki.crl(Authority.SIGNING, issued, Instant.now().plus(Duration.ofDays(1)))));
		SignatureVerifier strict = new SignatureVerifier(List.of(pki.root()), List.of(pki.certificate(Authority.SIGNING)),
				crls, Clock.systemUTC(), Duration.ofHours(2));
		SignatureVerifier lenient = new SignatureVerifier(List.of(pki.root()),
				List.of(pki.certificate(Authority.SIGNING)), crls, Clock.systemUTC(), Duration.ofHours(4));

		assertRefused(strict.verify(CONTENT, signature), Reason.STALE_CRL);
		assertThat(lenient.verify(CONTENT, signature).valid()).isTrue();
	}

	@Test
	void theCachedCaPathStillChecksEachSignersCertificateSignature() {
		SignatureVerifier verifier = verifier();
		assertThat(verifier.verify(CONTENT, TestSigner.sign(CONTENT, resident, null)).valid()).isTrue();
		// Same subject and issuer name, but issued by another PKI's CA: the cached path of the real CA must not help.
		TestPki other = TestPki.create();
		TestPki.Credential forged = other.issueSigning(RESIDENT);
		assertRefused(verifier.verify(CONTENT, TestSigner.sign(CONTENT, forged, null)), Reason.UNTRUSTED);
	}

	@Test
	void missingCrlFailsClosed() {
		InMemoryCrlSource onlyRoot = new InMemoryCrlSource(List.of(pki.crl(Authority.ROOT)));
		assertRefused(verifier(onlyRoot).verify(CONTENT, TestSigner.sign(CONTENT, resident)),
				Reason.REVOCATION_UNKNOWN);
	}

	@Test
	void crlSignedBySomeoneElseIsNotBelieved() {
		TestPki stranger = TestPki.create();
		// Same issuer name, other key: a forged "nothing revoked" list.
		InMemoryCrlSource forged = new InMemoryCrlSource(
				List.of(pki.crl(Authority.ROOT), stranger.crl(Authority.SIGNING)));
		assertRefused(verifier(forged).verify(CONTENT, TestSigner.sign(CONTENT, resident)),
				Reason.REVOCATION_UNKNOWN);
	}

	@Test
	void malformedInputIsRefusedWithoutExceptions() {
		byte[] signature = TestSigner.sign(CONTENT, resident);
		SignatureVerifier verifier = verifier();
		assertRefused(verifier.verify(CONTENT, Arrays.copyOf(signature, signature.length / 2)), Reason.MALFORMED);
		assertRefused(verifier.verify(CONTENT, new byte[0]), Reason.MALFORMED);
		assertRefused(verifier.verify(CONTENT, null), Reason.MALFORMED);
		assertRefused(verifier.verify(CONTENT, "not a signature".getBytes(StandardCharsets.UTF_8)), Reason.MALFORMED);
		assertRefused(verifier.verify(CONTENT, new byte[SignatureVerifier.MAX_SIGNATURE_BYTES + 1]), Reason.MALFORMED);
		assertRefused(verifier.verify(null, signature), Reason.MALFORMED);
	}

	@Test
	void crlsLoadFromADirectoryAndTheNewestWins(@TempDir Path dir) throws Exception {
		Instant now = Instant.now();
		Files.write(dir.resolve("signing-old.crl"),
				TestPki.der(pki.crl(Authority.SIGNING, now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)))));
		Files.writeString(dir.resolve("signing-new.pem"), TestPki.pem(pki.crl(Authority.SIGNING)));
		Files.write(dir.resolve("root.der"), TestPki.der(pki.crl(Authority.ROOT)));
		Files.writeString(dir.resolve("README.txt"), "ignored");
		SignatureReport report = verifier(InMemoryCrlSource.fromDirectory(dir)).verify(CONTENT,
				TestSigner.sign(CONTENT, resident));
		assertThat(report.reason()).isEqualTo(Reason.OK);
	}

	@Test
	void certificatesCarryTheJpkiShape() throws Exception {
		X509Certificate signing = resident.certificate();
		assertThat(signing.getKeyUsage()[1]).as("nonRepudiation").isTrue();
		assertThat(signing.getKeyUsage()[0]).as("digitalSignature").isTrue();
		assertThat(signing.getSigAlgName()).isEqualToIgnoringCase("SHA256withRSA");
		assertThat(((java.security.interfaces.RSAPublicKey) signing.getPublicKey()).getModulus().bitLength())
			.isEqualTo(2048);
		assertThat(JpkiProfile.decode(signing)).contains(RESIDENT);

		X509Certificate login = pki.issueAuthentication().certificate();
		assertThat(login.getKeyUsage()[1]).isFalse();
		assertThat(login.getKeyUsage()[0]).isTrue();
		assertThat(JpkiProfile.decode(login)).isEmpty();
		assertThat(login.getSubjectX500Principal().getName()).doesNotContain("花子");

		KeyStore p12 = KeyStore.getInstance("PKCS12");
		p12.load(new ByteArrayInputStream(resident.pkcs12("changeit".toCharArray())), "changeit".toCharArray());
		assertThat(p12.getCertificateChain("resident")).hasSize(3);
		assertThat(p12.getKey("resident", "changeit".toCharArray())).isEqualTo(resident.privateKey());
	}

	private static void assertRefused(SignatureReport report, Reason reason) {
		assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.INVALID);
		assertThat(report.reason()).as(report.detail()).isEqualTo(reason);
	}
}
