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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.madoguchi.identity.OddCertificates.Shape;
import org.madoguchi.identity.SignatureReport.Reason;
import org.madoguchi.identity.SignatureReport.Verdict;
import org.madoguchi.identity.TestPki.Authority;

/**
 * Every verdict of {@link SignatureVerifier}, for documents ({@code verify}) and sign-in challenges
 * ({@code verifyAuthentication}), with real RSA and EC keys and certificates from {@link TestPki} (odd ones from
 * {@link OddCertificates}).
 */
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

	@Test
	void signatureOverOtherBytesIsASignatureMismatch() {
		byte[] other = Jcs.canonicalize(Map.of("procedure", "転出届", "applicant", "東雲 花子"));
		assertRefused(verifier().verify(CONTENT, TestSigner.sign(other, resident)), Reason.SIGNATURE_MISMATCH);
	}

	@Test
	void certificateWithoutTheSigningPolicyIsRefused() {
		TestPki.Credential none = OddCertificates.issue(pki, Authority.SIGNING, Shape.jpkiSigning().withPolicies());
		SignatureReport report = verifier().verify(CONTENT, TestSigner.sign(CONTENT, none));
		assertRefused(report, Reason.WRONG_POLICY);
		assertThat(report.detail()).contains(JpkiProfile.SIGNING_POLICY.getId());

		TestPki.Credential foreign = OddCertificates.issue(pki, Authority.SIGNING,
				Shape.jpkiSigning().withPolicies(new ASN1ObjectIdentifier("1.2.392.999.1")));
		assertRefused(verifier().verify(CONTENT, TestSigner.sign(CONTENT, foreign)), Reason.WRONG_POLICY);
	}

	@Test
	void signingPolicyWithoutNonRepudiationIsTheWrongKeyUsage() {
		TestPki.Credential odd = OddCertificates.issue(pki, Authority.SIGNING,
				Shape.jpkiSigning().withKeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
		SignatureReport report = verifier().verify(CONTENT, TestSigner.sign(CONTENT, odd));
		assertRefused(report, Reason.WRONG_KEY_USAGE);
		assertThat(report.detail()).contains("nonRepudiation");
	}

	@Test
	void smallKeysAreRefusedWithTheReason() {
		TestPki.Credential small = OddCertificates.issue(pki, Authority.SIGNING,
				Shape.jpkiSigning().withKeys(OddCertificates.rsa(1024)));
		SignatureReport report = verifier().verify(CONTENT, TestSigner.sign(CONTENT, small));
		assertRefused(report, Reason.WEAK_ALGORITHM);
		assertThat(report.detail()).contains("RSA key of 1024 bits");

		// a CA on the path with a small key: the signer's own certificate is fine
		TestPki.Credential rootCa = new TestPki.Credential(pki.root(), pki.privateKey(Authority.ROOT),
				List.of(pki.root()));
		TestPki.Credential weakCa = OddCertificates.issue(rootCa, Shape.jpkiSigning()
			.withKeys(OddCertificates.rsa(1024))
			.withKeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
			.withPolicies(), true);
		TestPki.Credential underWeakCa = OddCertificates.issue(weakCa, Shape.jpkiSigning(), false);
		SignatureReport viaWeakCa = verifier().verify(CONTENT, TestSigner.sign(CONTENT, underWeakCa));
		assertRefused(viaWeakCa, Reason.WEAK_ALGORITHM);
		assertThat(viaWeakCa.detail()).contains(weakCa.certificate().getSubjectX500Principal().getName())
			.contains("1024 bits");
	}

	@Test
	void sha1AndMd5AreRefusedWithTheReason() {
		SignatureReport sha1 = verifier().verify(CONTENT, OddCertificates.sign(CONTENT, resident, "SHA1withRSA"));
		assertRefused(sha1, Reason.WEAK_ALGORITHM);
		assertThat(sha1.detail()).contains("SHA1").contains("SHA-256");
		SignatureReport md5 = verifier().verify(CONTENT, OddCertificates.sign(CONTENT, resident, "MD5withRSA"));
		assertRefused(md5, Reason.WEAK_ALGORITHM);
		assertThat(md5.detail()).contains("MD5");

		TestPki.Credential sha1Certificate = OddCertificates.issue(pki, Authority.SIGNING,
				Shape.jpkiSigning().withIssuerAlgorithm("SHA1withRSA"));
		SignatureReport report = verifier().verify(CONTENT, TestSigner.sign(CONTENT, sha1Certificate));
		assertRefused(report, Reason.WEAK_ALGORITHM);
		assertThat(report.detail()).contains("SHA1WITHRSA");

		InMemoryCrlSource sha1Crl = new InMemoryCrlSource(
				List.of(pki.crl(Authority.ROOT), OddCertificates.crl(pki, Authority.SIGNING, "SHA1withRSA")));
		SignatureReport crl = verifier(sha1Crl).verify(CONTENT, TestSigner.sign(CONTENT, resident));
		assertRefused(crl, Reason.WEAK_ALGORITHM);
		assertThat(crl.detail()).contains("CRL");
	}

	@Test
	void strongerAlgorithmsAndEcKeysAreAccepted() {
		assertThat(verifier().verify(CONTENT, OddCertificates.sign(CONTENT, resident, "SHA512withRSA")).reason())
			.isEqualTo(Reason.OK);
		SignatureReport pss = verifier().verify(CONTENT, OddCertificates.sign(CONTENT, resident, "SHA256withRSAandMGF1"));
		assertThat(pss.reason()).as(pss.detail()).isEqualTo(Reason.OK);
		for (String curve : List.of("secp256r1", "secp384r1")) {
			TestPki.Credential ec = OddCertificates.issue(pki, Authority.SIGNING,
					Shape.jpkiSigning().withKeys(OddCertificates.ec(curve)));
			SignatureReport report = verifier().verify(CONTENT, OddCertificates.sign(CONTENT, ec, "SHA256withECDSA"));
			assertThat(report.reason()).as(curve + ": " + report.detail()).isEqualTo(Reason.OK);
		}
	}

	// ------------------------------------------------------------ sign-in with the 利用者証明用電子証明書

	static final byte[] CHALLENGE = HexFormat.of().parseHex("8f0e6a1c2b3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071829304a5b6c7");

	@Test
	void authenticationResponseOverTheChallengeIsValidAndNamesTheCertificate() {
		TestPki.Credential card = pki.issueAuthentication();
		SignatureReport report = verifier().verifyAuthentication(CHALLENGE, TestSigner.sign(CHALLENGE, card));
		assertThat(report.reason()).as(report.detail()).isEqualTo(Reason.OK);
		assertThat(report.certificateSerial()).isEqualTo(card.certificate().getSerialNumber());
		assertThat(report.signer()).as("a 利用者証明用 certificate carries no 基本4情報").isNull();
		assertThat(report.chainSubjects().get(1)).contains("Authentication CA");
		assertThat(report.validationTime()).isEqualTo(report.checkedAt());
	}

	@Test
	void eachCertificateIsRefusedForTheOthersUse() {
		SignatureReport signingToSignIn = verifier().verifyAuthentication(CHALLENGE,
				TestSigner.sign(CHALLENGE, resident));
		assertRefused(signingToSignIn, Reason.WRONG_CERTIFICATE_TYPE);
		assertThat(signingToSignIn.detail()).contains("署名用").contains("sign in");

		SignatureReport signInToSign = verifier().verify(CONTENT, TestSigner.sign(CONTENT, pki.issueAuthentication()));
		assertRefused(signInToSign, Reason.WRONG_CERTIFICATE_TYPE);
		assertThat(signInToSign.detail()).contains("利用者証明用").contains("sign a document");
	}

	@Test
	void authenticationPolicyAndKeyUsageAreChecked() {
		TestPki.Credential noPolicy = OddCertificates.issue(pki, Authority.AUTHENTICATION,
				Shape.jpkiAuthentication().withPolicies());
		assertRefused(verifier().verifyAuthentication(CHALLENGE, TestSigner.sign(CHALLENGE, noPolicy)),
				Reason.WRONG_POLICY);
		TestPki.Credential withNonRepudiation = OddCertificates.issue(pki, Authority.AUTHENTICATION,
				Shape.jpkiAuthentication().withKeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
		assertRefused(verifier().verifyAuthentication(CHALLENGE, TestSigner.sign(CHALLENGE, withNonRepudiation)),
				Reason.WRONG_KEY_USAGE);
		TestPki.Credential encryptionOnly = OddCertificates.issue(pki, Authority.AUTHENTICATION,
				Shape.jpkiAuthentication().withKeyUsage(KeyUsage.keyEncipherment));
		assertRefused(verifier().verifyAuthentication(CHALLENGE, TestSigner.sign(CHALLENGE, encryptionOnly)),
				Reason.WRONG_KEY_USAGE);
	}

	@Test
	void authenticationResponseOverOtherBytesIsRefused() {
		TestPki.Credential card = pki.issueAuthentication();
		byte[] earlier = CHALLENGE.clone();
		earlier[0] ^= 1;
		assertRefused(verifier().verifyAuthentication(CHALLENGE, TestSigner.sign(earlier, card)),
				Reason.SIGNATURE_MISMATCH);
	}

	@Test
	void revokedAuthenticationCertificateIsRefused() {
		TestPki.Credential card = pki.issueAuthentication();
		byte[] response = TestSigner.sign(CHALLENGE, card);
		assertThat(verifier().verifyAuthentication(CHALLENGE, response).valid()).isTrue();
		pki.revoke(card.certificate());
		assertRefused(verifier().verifyAuthentication(CHALLENGE, response), Reason.REVOKED);
	}

	@Test
	void authenticationFailsClosedOnAStaleOrMissingCrl() {
		Instant now = Instant.now();
		byte[] response = TestSigner.sign(CHALLENGE, pki.issueAuthentication());
		InMemoryCrlSource stale = new InMemoryCrlSource(List.of(pki.crl(Authority.ROOT),
				pki.crl(Authority.AUTHENTICATION, now.minus(Duration.ofDays(2)), now.minus(Duration.ofMinutes(1)))));
		assertRefused(verifier(stale).verifyAuthentication(CHALLENGE, response), Reason.STALE_CRL);
		// the signing CA's CRL does not help an authentication certificate
		InMemoryCrlSource otherCa = new InMemoryCrlSource(List.of(pki.crl(Authority.ROOT), pki.crl(Authority.SIGNING)));
		assertRefused(verifier(otherCa).verifyAuthentication(CHALLENGE, response), Reason.REVOCATION_UNKNOWN);
	}

	@Test
	void authenticationIsJudgedNowWhateverTheSigningTimeClaims() {
		Instant now = Instant.now();
		TestPki.Credential expired = OddCertificates.issue(pki, Authority.AUTHENTICATION,
				Shape.jpkiAuthentication().withValidity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1))));
		// for a document this would be judged at the claimed signingTime and pass (signedWhileValidStaysValid...)
		byte[] response = TestSigner.sign(CHALLENGE, expired, now.minus(Duration.ofDays(10)));
		SignatureReport report = verifier().verifyAuthentication(CHALLENGE, response);
		assertRefused(report, Reason.EXPIRED);
		assertThat(report.validationTime()).isEqualTo(report.checkedAt());

		TestPki.Credential future = OddCertificates.issue(pki, Authority.AUTHENTICATION,
				Shape.jpkiAuthentication().withValidity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(400))));
		assertRefused(verifier().verifyAuthentication(CHALLENGE, TestSigner.sign(CHALLENGE, future, null)),
				Reason.NOT_YET_VALID);
	}

	@Test
	void authenticationCertificateOfAnotherCaIsUntrusted() {
		TestPki.Credential forged = TestPki.create().issueAuthentication();
		assertRefused(verifier().verifyAuthentication(CHALLENGE, TestSigner.sign(CHALLENGE, forged)),
				Reason.UNTRUSTED);
	}

	@Test
	void malformedAuthenticationResponsesAreRefusedWithoutExceptions() {
		byte[] response = TestSigner.sign(CHALLENGE, pki.issueAuthentication());
		SignatureVerifier verifier = verifier();
		assertRefused(verifier.verifyAuthentication(CHALLENGE, Arrays.copyOf(response, response.length - 40)),
				Reason.MALFORMED);
		byte[] huge = Arrays.copyOf(response, SignatureVerifier.MAX_SIGNATURE_BYTES + 1);
		SignatureReport tooLarge = verifier.verifyAuthentication(CHALLENGE, huge);
		assertRefused(tooLarge, Reason.MALFORMED);
		assertThat(tooLarge.detail()).contains("exceeds");
		assertRefused(verifier.verifyAuthentication(CHALLENGE, new byte[0]), Reason.MALFORMED);
		assertRefused(verifier.verifyAuthentication(CHALLENGE, null), Reason.MALFORMED);
		assertRefused(verifier.verifyAuthentication(new byte[0], response), Reason.MALFORMED);
		assertRefused(verifier.verifyAuthentication(null, response), Reason.MALFORMED);
	}

	private static void assertRefused(SignatureReport report, Reason reason) {
		assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.INVALID);
		assertThat(report.reason()).as(report.detail()).isEqualTo(reason);
	}
}
