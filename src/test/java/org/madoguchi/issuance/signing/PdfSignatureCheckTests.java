package org.madoguchi.issuance.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.madoguchi.issuance.signing.PdfSignatureReport.Verdict;

/** Every verdict of the seal check, each from a crafted input. */
class PdfSignatureCheckTests {

	@TempDir
	static Path dir;

	static SealFixture city;

	static byte[] unsigned;

	static byte[] sealed;

	/** Before sealing, to the second (a time-stamp's genTime has whole seconds). */
	static Instant sealing;

	@BeforeAll
	static void seal() {
		sealing = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		city = SealFixture.create(dir.resolve("city"));
		unsigned = SamplePdfs.certificate(2);
		sealed = city.seal(unsigned);
	}

	@Test
	void sealedCertificateIsValidWithSignerTimeAndHash() throws Exception {
		PdfSignatureReport report = city.check().check(sealed);

		assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.VALID);
		assertThat(report.valid()).isTrue();
		assertThat(report.signerName()).isEqualTo("東雲野市長");
		assertThat(report.signerSubject()).contains("O=東雲野市");
		assertThat(report.signingTime()).isAfterOrEqualTo(sealing).isBeforeOrEqualTo(Instant.now());
		assertThat(report.signatureCount()).isEqualTo(1);
		assertThat(report.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sealed)));
		// an incremental update: the unsigned original is the sealed file's prefix
		assertThat(Arrays.copyOf(sealed, unsigned.length)).isEqualTo(unsigned);
	}

	@Test
	void signatureDictionaryIsPadesBaseline() throws Exception {
		try (PDDocument document = Loader.loadPDF(sealed)) {
			var signature = document.getLastSignatureDictionary();
			assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
			assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
			assertThat(signature.getSignDate()).isNotNull();
			CMSSignedData cms = cms(sealed);
			SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
			AttributeTable signed = signer.getSignedAttributes();
			assertThat(signed.get(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
			assertThat(signed.get(org.bouncycastle.asn1.cms.CMSAttributes.signingTime)).isNull();
			assertThat(signed.get(org.bouncycastle.asn1.cms.CMSAttributes.contentType)).isNotNull();
			assertThat(signer.getUnsignedAttributes()
				.get(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)).isNotNull();
			assertThat(cms.getCertificates().getMatches(null)).hasSize(2); // seal certificate and root
		}
	}

	@Test
	void oneChangedByteIsModified() {
		byte[] altered = sealed.clone();
		int at = indexOf(altered, SamplePdfs.TITLE.getBytes(StandardCharsets.US_ASCII));
		altered[at] = (byte) 'X'; // "Juminhyo" → "Xuminhyo": still a well-formed PDF

		assertThat(city.check().check(altered).verdict()).isEqualTo(Verdict.MODIFIED);
	}

	@Test
	void changedSignatureValueIsModified() throws Exception {
		byte[] value = cms(sealed).getSignerInfos().getSigners().iterator().next().getSignature();
		int at = indexOf(sealed, HexFormat.of().withUpperCase().formatHex(value).getBytes(StandardCharsets.US_ASCII));
		byte[] altered = sealed.clone();
		altered[at + 20] = (byte) (altered[at + 20] == '0' ? '1' : '0');

		PdfSignatureReport report = city.check().check(altered);

		assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.MODIFIED);
	}

	@Test
	void appendedBytesAreNotTheWholeDocument() {
		byte[] appended = Arrays.copyOf(sealed, sealed.length + 20);
		System.arraycopy("%appended comment\n".getBytes(StandardCharsets.US_ASCII), 0, appended, sealed.length, 18);

		PdfSignatureReport report = city.check().check(appended);

		assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.NOT_WHOLE_DOCUMENT);
	}

	@Test
	void incrementalUpdateAfterTheSealIsNotTheWholeDocument() throws IOException {
		byte[] updated;
		try (PDDocument document = Loader.loadPDF(sealed)) {
			document.getDocumentInformation().setTitle("changed after sealing");
			document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.saveIncremental(out);
			updated = out.toByteArray();
		}
		assertThat(updated.length).isGreaterThan(sealed.length);

		PdfSignatureReport report = city.check().check(updated);

		assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.NOT_WHOLE_DOCUMENT);
	}

	@Test
	void anotherCitysKeyIsUntrusted() {
		SealFixture other = SealFixture.create(dir.resolve("other-city"));

		PdfSignatureReport report = city.check().check(other.seal(unsigned));

		assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.UNTRUSTED_SIGNER);
		assertThat(report.signerName()).isEqualTo("東雲野市長"); // the same name proves nothing
	}

	@Test
	void truncatedIsDamaged() {
		for (int keep : List.of(sealed.length - 10, sealed.length / 2, 100)) {
			PdfSignatureReport report = city.check().check(Arrays.copyOf(sealed, keep));
			assertThat(report.verdict()).as(keep + " bytes: " + report.detail()).isEqualTo(Verdict.DAMAGED);
		}
	}

	@Test
	void notAPdf() {
		assertThat(city.check().check("<html>住民票</html>".getBytes(StandardCharsets.UTF_8)).verdict())
			.isEqualTo(Verdict.NOT_A_PDF);
		assertThat(city.check().check(new byte[0]).verdict()).isEqualTo(Verdict.NOT_A_PDF);
		assertThat(city.check().check(null).verdict()).isEqualTo(Verdict.NOT_A_PDF);
	}

	@Test
	void headerOnlyIsDamaged() {
		assertThat(city.check().check("%PDF-1.7\n garbage".getBytes(StandardCharsets.US_ASCII)).verdict())
			.isEqualTo(Verdict.DAMAGED);
	}

	@Test
	void hugeIsRefusedUnread() {
		byte[] huge = Arrays.copyOf(sealed, PdfSignatureCheck.MAX_PDF_BYTES + 1);

		PdfSignatureReport report = city.check().check(huge);

		assertThat(report.verdict()).isEqualTo(Verdict.TOO_LARGE);
		assertThat(report.sha256()).hasSize(64);
	}

	@Test
	void unsignedPdfHasNoSignature() {
		PdfSignatureReport report = city.check().check(unsigned);

		assertThat(report.verdict()).isEqualTo(Verdict.NO_SIGNATURE);
		assertThat(report.signatureCount()).isZero();
	}

	@Test
	void revokedSealKeyIsRevoked() {
		SealFixture revoked = SealFixture.create(dir.resolve("revoked"));
		revoked.pki().revoke(revoked.pki().sealKey().certificate(), CRLReason.keyCompromise, Instant.now().minusSeconds(60));

		PdfSignatureReport report = revoked.check().check(revoked.seal(unsigned));

		assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.SIGNER_REVOKED);
	}

	@Test
	void compromiseAfterSealingStillRevokes() {
		SealFixture later = SealFixture.create(dir.resolve("compromised-later"));
		byte[] pdf = later.seal(unsigned);
		assertThat(later.check().check(pdf).verdict()).isEqualTo(Verdict.VALID);

		later.pki().revoke(later.pki().sealKey().certificate(), CRLReason.keyCompromise, Instant.now().plusSeconds(5));

		assertThat(later.check().check(pdf).verdict()).isEqualTo(Verdict.SIGNER_REVOKED);
	}

	@Test
	void keyReplacedInDueCourseLeavesEarlierSealsValid() {
		SealFixture replaced = SealFixture.create(dir.resolve("superseded"));
		byte[] pdf = replaced.seal(unsigned);

		replaced.pki().revoke(replaced.pki().sealKey().certificate(), CRLReason.superseded, Instant.now().plusSeconds(5));

		PdfSignatureReport report = replaced.check().check(pdf);
		assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.VALID);
	}

	@Test
	void staleCrlIsRevocationUnknown() {
		// made ten days ago: its week-long CRL ran out three days ago
		DevIssuingPki old = DevIssuingPki.ensure(dir.resolve("stale"), Clock.offset(Clock.systemUTC(), Duration.ofDays(-10)));
		SealFixture stale = SealFixture.create(old);

		PdfSignatureReport report = stale.check().check(stale.seal(unsigned));

		assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.REVOCATION_UNKNOWN);
	}

	@Test
	void noCrlIsRevocationUnknown() {
		PdfSignatureCheck withoutCrl = new PdfSignatureCheck(
				SealTrust.of(List.of(city.pki().root()), List.of(city.pki().root()), List.of()), Clock.systemUTC());

		assertThat(withoutCrl.check(sealed).verdict()).isEqualTo(Verdict.REVOCATION_UNKNOWN);
	}

	@Test
	void withoutTimestampIsTimestampInvalid() throws Exception {
		byte[] stripped = replaceCms(sealed, cms -> {
			SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
			signer = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(new org.bouncycastle.asn1.ASN1EncodableVector()));
			return CMSSignedData.replaceSigners(cms, new SignerInformationStore(signer));
		});

		PdfSignatureReport report = city.check().check(stripped);

		assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.TIMESTAMP_INVALID);
		assertThat(report.signingTime()).isNull();
	}

	@Test
	void timestampOverOtherDataIsTimestampInvalid() {
		TimestampClient elsewhere = digest -> TimestampClient.inProcess(city.tsa()).timestamp(new byte[32]);
		PadesSigner signer = new PadesSigner(city.pki().sealKey(), elsewhere, Clock.systemUTC());

		PdfSignatureReport report = city.check().check(signer.sign(unsigned, SealFixture.DETAILS));

		assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.TIMESTAMP_INVALID);
	}

	@Test
	void timestampFromAnUntrustedTsaIsTimestampInvalid() {
		SealFixture other = SealFixture.create(dir.resolve("other-tsa"));
		PadesSigner signer = new PadesSigner(city.pki().sealKey(), TimestampClient.inProcess(other.tsa()), Clock.systemUTC());

		PdfSignatureReport report = city.check().check(signer.sign(unsigned, SealFixture.DETAILS));

		assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.TIMESTAMP_INVALID);
	}

	@Test
	void timestampByACertificateWithoutTimeStampingUsageIsRefused() {
		// signed by the city's seal key itself: trusted root, but no id-kp-timeStamping
		KeyPair keys = DevIssuingPki.newKeys();
		var cert = DevIssuingPki.certificate(new X500Name("CN=not a TSA"), keys,
				X500Name.getInstance(city.pki().root().getSubjectX500Principal().getEncoded()),
				city.pki().caKey().privateKey(), city.pki().root(), Instant.now().minusSeconds(60),
				Instant.now().plus(Duration.ofDays(1)), DevIssuingPki.Role.TSA_WITHOUT_EKU);
		IssuingKey notTsa = Pkcs12IssuingKey.of(keys.getPrivate(), List.of(cert, city.pki().root()));

		// BouncyCastle's own TSA refuses to issue with such a certificate; our client would refuse its tokens too
		assertThatThrownBy(() -> TimestampClient.inProcess(new DevTimestampAuthority(notTsa, Clock.systemUTC()))
			.timestamp(new byte[32])).isInstanceOf(RuntimeException.class);
	}

	@Test
	void otherSubFilterIsUnsupported() {
		byte[] pkcs7 = replace(sealed, "ETSI.CAdES.detached", "adbe.pkcs7.detached");

		assertThat(city.check().check(pkcs7).verdict()).isEqualTo(Verdict.UNSUPPORTED);
	}

	@Test
	void tsaWithLargeTokensGetsMoreRoom() throws Exception {
		// a TSA whose certificate is bulky (here: 6 KB in a private extension) does not fit the first guess
		KeyPair keys = DevIssuingPki.newKeys();
		var root = city.pki().root();
		var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(root, java.math.BigInteger.TEN,
				java.util.Date.from(Instant.now().minusSeconds(60)), java.util.Date.from(Instant.now().plusSeconds(3600)),
				new javax.security.auth.x500.X500Principal("CN=bulky TSA"), keys.getPublic());
		builder.addExtension(org.bouncycastle.asn1.x509.Extension.extendedKeyUsage, true,
				new org.bouncycastle.asn1.x509.ExtendedKeyUsage(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_timeStamping));
		builder.addExtension(new org.bouncycastle.asn1.ASN1ObjectIdentifier("2.25.1"), false,
				new org.bouncycastle.asn1.DEROctetString(new byte[6000]));
		var cert = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(builder.build(
				new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA").build(city.pki().caKey().privateKey())));
		DevTimestampAuthority bulkyTsa = new DevTimestampAuthority(Pkcs12IssuingKey.of(keys.getPrivate(), List.of(cert, root)),
				Clock.systemUTC());
		PadesSigner signer = new PadesSigner(city.pki().sealKey(), TimestampClient.inProcess(bulkyTsa), Clock.systemUTC());

		PdfSignatureReport first = city.check().check(signer.sign(unsigned, SealFixture.DETAILS));
		PdfSignatureReport second = city.check().check(signer.sign(unsigned, SealFixture.DETAILS));

		assertThat(first.verdict()).as(first.detail()).isEqualTo(Verdict.VALID);
		assertThat(second.verdict()).as(second.detail()).isEqualTo(Verdict.VALID);
	}

	@Test
	void signerRefusesWhatIsNotAPdf() {
		assertThatThrownBy(() -> city.seal("not a pdf".getBytes(StandardCharsets.US_ASCII)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not a readable PDF");
		assertThatThrownBy(() -> city.seal(new byte[PadesSigner.MAX_PDF_BYTES + 1]))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/** The CMS in the seal's /Contents (without the zero padding). */
	static CMSSignedData cms(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf); ASN1InputStream in = new ASN1InputStream(
				document.getLastSignatureDictionary().getContents(pdf))) {
			return new CMSSignedData(ContentInfo.getInstance(in.readObject()));
		}
	}

	/** The sealed PDF with its CMS rewritten in place (the rest of the file, and so the byte range, unchanged). */
	static byte[] replaceCms(byte[] pdf, java.util.function.Function<CMSSignedData, CMSSignedData> change) throws Exception {
		int start = indexOf(pdf, "/Contents <".getBytes(StandardCharsets.US_ASCII)) + 11;
		int end = start;
		while (pdf[end] != '>') {
			end++;
		}
		byte[] der = HexFormat.of().parseHex(new String(pdf, start, end - start, StandardCharsets.US_ASCII));
		ASN1Primitive object;
		try (ASN1InputStream in = new ASN1InputStream(der)) {
			object = in.readObject();
		}
		byte[] changed = change.apply(new CMSSignedData(ContentInfo.getInstance(object))).getEncoded("DER");
		String hex = HexFormat.of().withUpperCase().formatHex(changed);
		assertThat(hex.length()).isLessThanOrEqualTo(end - start);
		byte[] out = pdf.clone();
		Arrays.fill(out, start, end, (byte) '0');
		System.arraycopy(hex.getBytes(StandardCharsets.US_ASCII), 0, out, start, hex.length());
		return out;
	}

	static byte[] replace(byte[] pdf, String from, String to) {
		int at = indexOf(pdf, from.getBytes(StandardCharsets.US_ASCII));
		byte[] out = pdf.clone();
		System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, out, at, to.length());
		return out;
	}

	static int indexOf(byte[] data, byte[] pattern) {
		outer: for (int i = 0; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new AssertionError("pattern not found: " + new String(pattern, StandardCharsets.ISO_8859_1));
	}
}
