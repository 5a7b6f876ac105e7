package org.madoguchi.issuance.signing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;

import org.madoguchi.issuance.signing.PdfSignatureReport.Verdict;

/**
 * Checks an uploaded PDF the way the public verification page needs: is it a city-sealed original, unchanged? One
 * verdict, {@link Verdict#VALID} only when all of these hold, else the first that fails:
 * <ol>
 * <li>at most {@link #MAX_PDF_BYTES}, a %PDF- header, parseable, with a signature;</li>
 * <li>the seal (the signature whose byte range reaches furthest) covers the whole file except its own /Contents:
 * {@code [0, a, b, c]} with {@code b + c} = file length and the gap exactly the hex string;</li>
 * <li>/SubFilter ETSI.CAdES.detached, one signer, SHA-2, detached content;</li>
 * <li>message digest and signature verify over the byte range; signing-certificate-v2 names the signer;</li>
 * <li>a signature-time-stamp over the signature value, signed by a TSA certificate with id-kp-timeStamping that
 * chains to a TSA anchor, not dated in the future;</li>
 * <li>the seal certificate chains to the city's trust anchor at the time-stamp's time and is for signatures;</li>
 * <li>each certificate below the anchor is on a current, verified CRL of its issuer and not revoked — a revocation
 * after the time-stamp counts only for the benign reasons (superseded, cessationOfOperation, affiliationChanged):
 * a key replaced in due course leaves earlier seals valid; a compromised key does not.</li>
 * </ol>
 * Thread-safe and stateless besides the trust material.
 */
public final class PdfSignatureCheck {

	/** The largest upload read: issued certificates are far smaller. */
	public static final int MAX_PDF_BYTES = 10 * 1024 * 1024;

	/** A time-stamp may come from a TSA whose clock runs slightly ahead of ours. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private static final Set<String> SHA2 = Set.of(NISTObjectIdentifiers.id_sha256.getId(),
			NISTObjectIdentifiers.id_sha384.getId(), NISTObjectIdentifiers.id_sha512.getId());

	private static final Map<String, String> DIGEST_NAMES = Map.of(NISTObjectIdentifiers.id_sha256.getId(), "SHA-256",
			NISTObjectIdentifiers.id_sha384.getId(), "SHA-384", NISTObjectIdentifiers.id_sha512.getId(), "SHA-512");

	private static final Set<java.security.cert.CRLReason> BENIGN = Set.of(java.security.cert.CRLReason.SUPERSEDED,
			java.security.cert.CRLReason.CESSATION_OF_OPERATION, java.security.cert.CRLReason.AFFILIATION_CHANGED);

	private final SealTrust trust;

	private final Clock clock;

	public PdfSignatureCheck(SealTrust trust, Clock clock) {
		this.trust = trust;
		this.clock = clock;
	}

	/** Thrown inside the check with the verdict it ends in. */
	private static final class Stop extends Exception {

		private static final long serialVersionUID = 1L;

		final Verdict verdict;

		Stop(Verdict verdict, String detail) {
			super(detail, null, false, false);
			this.verdict = verdict;
		}
	}

	/** What is known so far, for the report. */
	private static final class Found {

		final String sha256;

		int count;

		String subject;

		String name;

		Instant time;

		Found(String sha256) {
			this.sha256 = sha256;
		}

		PdfSignatureReport report(Verdict verdict, String detail) {
			// the time is set only once the time-stamp passed its checks
			return new PdfSignatureReport(verdict, detail, subject, name, time, sha256, count);
		}
	}

	/** The verdict on the uploaded bytes (never throws for bad input). */
	public PdfSignatureReport check(byte[] pdf) {
		byte[] input = pdf == null ? new byte[0] : pdf;
		Found found = new Found(HexFormat.of().formatHex(sha256(input)));
		if (input.length > MAX_PDF_BYTES) {
			return found.report(Verdict.TOO_LARGE, "larger than " + MAX_PDF_BYTES + " bytes");
		}
		if (!hasHeader(input)) {
			return found.report(Verdict.NOT_A_PDF, "no %PDF- header");
		}
		try (PDDocument document = Loader.loadPDF(input)) {
			List<PDSignature> signatures = document.getSignatureDictionaries();
			found.count = signatures.size();
			if (signatures.isEmpty()) {
				return hasEof(input) ? found.report(Verdict.NO_SIGNATURE, "no signature dictionary")
						: found.report(Verdict.DAMAGED, "no %%EOF at the end: truncated");
			}
			PDSignature seal = null;
			long furthest = -1;
			for (PDSignature signature : signatures) {
				int[] range = signature.getByteRange();
				if (range == null || range.length != 4) {
					return found.report(Verdict.DAMAGED, "a signature without a four-number /ByteRange");
				}
				long end = (long) range[2] + range[3];
				if (end > furthest) {
					furthest = end;
					seal = signature;
				}
			}
			check(input, seal, found);
			return found.report(Verdict.VALID, "sealed by " + found.subject + ", time-stamped " + found.time);
		}
		catch (Stop stop) {
			return found.report(stop.verdict, stop.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			return found.report(Verdict.DAMAGED, "cannot parse the PDF: " + ex.getMessage());
		}
	}

	private void check(byte[] pdf, PDSignature seal, Found found) throws Stop {
		int[] range = seal.getByteRange();
		long end = (long) range[2] + range[3];
		if (range[0] != 0 || range[1] <= 0 || range[2] <= range[1] || range[3] < 0) {
			throw new Stop(Verdict.DAMAGED, "malformed /ByteRange " + Arrays.toString(range));
		}
		if (end > pdf.length) {
			throw new Stop(Verdict.DAMAGED, "truncated: the signed range ends at " + end + ", the file at " + pdf.length);
		}
		if (end < pdf.length) {
			throw new Stop(Verdict.NOT_WHOLE_DOCUMENT,
					(pdf.length - end) + " bytes after the signed range (appended data or a later update)");
		}
		byte[] contents = gap(pdf, range[1], range[2]);
		String subFilter = seal.getSubFilter();
		if (!PadesSigner.ETSI_CADES_DETACHED.getName().equals(subFilter)) {
			throw new Stop(Verdict.UNSUPPORTED, "/SubFilter " + subFilter + " is not ETSI.CAdES.detached");
		}
		byte[] signedBytes = new byte[range[1] + range[3]];
		System.arraycopy(pdf, 0, signedBytes, 0, range[1]);
		System.arraycopy(pdf, range[2], signedBytes, range[1], range[3]);

		CMSSignedData cms = parseCms(contents, signedBytes);
		Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
		if (signers.size() != 1) {
			throw new Stop(Verdict.UNSUPPORTED, signers.size() + " signers in the CMS, expected one");
		}
		SignerInformation signer = signers.iterator().next();
		if (!SHA2.contains(signer.getDigestAlgOID())) {
			throw new Stop(Verdict.UNSUPPORTED, "digest algorithm " + signer.getDigestAlgOID() + " is not SHA-2");
		}
		List<X509Certificate> cmsCertificates = certificates(cms.getCertificates().getMatches(null));
		X509Certificate certificate = certificates(cms.getCertificates().getMatches(signer.getSID())).stream()
			.findFirst()
			.orElseThrow(() -> new Stop(Verdict.UNTRUSTED_SIGNER, "the signer's certificate is not in the signature"));
		found.subject = certificate.getSubjectX500Principal().getName();
		found.name = commonName(found.subject);
		if (signer.getSignedAttributes() == null) {
			throw new Stop(Verdict.UNSUPPORTED, "no signed attributes");
		}
		verifySignature(signer, certificate);
		checkSigningCertificate(signer, certificate);

		TimeStampToken token = timestamp(signer);
		Instant time = token.getTimeStampInfo().getGenTime().toInstant();
		found.time = time;

		PKIXCertPathBuilderResult path = path(certificate, cmsCertificates, trust.anchors(), time)
			.orElseThrow(() -> new Stop(Verdict.UNTRUSTED_SIGNER,
					"the seal certificate does not chain to the city's trust anchor: " + found.subject));
		boolean[] usage = certificate.getKeyUsage();
		if (usage == null || !(usage[0] || usage[1])) {
			throw new Stop(Verdict.UNTRUSTED_SIGNER, "the certificate is not for signatures (keyUsage)");
		}
		checkRevocation(path, time);
		checkTsa(token, time);
	}

	/** The /Contents hex string between the two signed ranges, decoded. */
	private static byte[] gap(byte[] pdf, int from, int to) throws Stop {
		if (pdf[from] != '<' || pdf[to - 1] != '>' || ((to - from - 2) & 1) != 0) {
			throw new Stop(Verdict.DAMAGED, "the unsigned gap is not the /Contents hex string");
		}
		for (int i = from + 1; i < to - 1; i++) {
			if (Character.digit(pdf[i], 16) < 0) {
				throw new Stop(Verdict.DAMAGED, "a non-hex byte in /Contents at offset " + i);
			}
		}
		return HexFormat.of().parseHex(new String(pdf, from + 1, to - from - 2, java.nio.charset.StandardCharsets.US_ASCII));
	}

	private static CMSSignedData parseCms(byte[] contents, byte[] signedBytes) throws Stop {
		try (ASN1InputStream in = new ASN1InputStream(contents)) {
			ASN1Primitive object = in.readObject(); // the zero padding after it is not read
			if (object == null) {
				throw new Stop(Verdict.DAMAGED, "empty /Contents");
			}
			ContentInfo info = ContentInfo.getInstance(object);
			if (!PKCSObjectIdentifiers.signedData.equals(info.getContentType())) {
				throw new Stop(Verdict.UNSUPPORTED, "/Contents is not a CMS SignedData");
			}
			if (SignedData.getInstance(info.getContent()).getEncapContentInfo().getContent() != null) {
				throw new Stop(Verdict.UNSUPPORTED, "the CMS encapsulates its content instead of signing the byte range");
			}
			return new CMSSignedData(new CMSProcessableByteArray(signedBytes), info);
		}
		catch (IOException | CMSException | RuntimeException ex) {
			throw new Stop(Verdict.DAMAGED, "/Contents is not a readable CMS: " + ex.getMessage());
		}
	}

	private static void verifySignature(SignerInformation signer, X509Certificate certificate) throws Stop {
		boolean verified;
		try {
			verified = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
		}
		catch (CMSSignerDigestMismatchException ex) {
			throw new Stop(Verdict.MODIFIED, "the document's digest differs from the signed one: it was changed");
		}
		catch (CMSException ex) {
			throw new Stop(Verdict.MODIFIED, "the signature does not verify: " + ex.getMessage());
		}
		catch (Exception ex) {
			throw new Stop(Verdict.UNSUPPORTED, "the signature cannot be verified: " + ex.getMessage());
		}
		if (!verified) {
			throw new Stop(Verdict.MODIFIED, "the signature value does not verify: signed data were changed");
		}
	}

	/** ESS signing-certificate-v2 must be present (PAdES baseline) and name this very certificate. */
	private static void checkSigningCertificate(SignerInformation signer, X509Certificate certificate) throws Stop {
		Attribute attribute = signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
		if (attribute == null) {
			throw new Stop(Verdict.UNSUPPORTED, "no signing-certificate-v2 attribute: not a PAdES baseline signature");
		}
		try {
			ESSCertIDv2 id = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()[0];
			String algorithm = DIGEST_NAMES.get(id.getHashAlgorithm().getAlgorithm().getId());
			if (algorithm == null
					|| !MessageDigest.isEqual(id.getCertHash(), digest(algorithm, certificate.getEncoded()))) {
				throw new Stop(Verdict.UNTRUSTED_SIGNER, "signing-certificate-v2 names another certificate");
			}
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			throw new Stop(Verdict.DAMAGED, "unreadable signing-certificate-v2: " + ex.getMessage());
		}
	}

	/** The signature-time-stamp, checked against the signature value and the TSA anchors. */
	private TimeStampToken timestamp(SignerInformation signer) throws Stop {
		Attribute attribute = signer.getUnsignedAttributes() == null ? null
				: signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
		if (attribute == null) {
			throw new Stop(Verdict.TIMESTAMP_INVALID, "no signature time-stamp");
		}
		TimeStampToken token;
		X509Certificate tsa;
		try {
			token = new TimeStampToken(ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0)));
			tsa = TimestampExchange.signerOf(token);
		}
		catch (Exception ex) {
			throw new Stop(Verdict.TIMESTAMP_INVALID, "unreadable time-stamp token: " + ex.getMessage());
		}
		String algorithm = DIGEST_NAMES.get(token.getTimeStampInfo().getMessageImprintAlgOID().getId());
		if (algorithm == null || !MessageDigest.isEqual(token.getTimeStampInfo().getMessageImprintDigest(),
				digest(algorithm, signer.getSignature()))) {
			throw new Stop(Verdict.TIMESTAMP_INVALID, "the time-stamp is not over this signature value");
		}
		try {
			// signature, ESS certificate id, TSA certificate valid at genTime with id-kp-timeStamping critical
			token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
		}
		catch (Exception ex) {
			throw new Stop(Verdict.TIMESTAMP_INVALID, "the time-stamp does not verify: " + ex.getMessage());
		}
		Instant time = token.getTimeStampInfo().getGenTime().toInstant();
		if (time.isAfter(clock.instant().plus(CLOCK_SKEW))) {
			throw new Stop(Verdict.TIMESTAMP_INVALID, "the time-stamp is dated in the future: " + time);
		}
		return token;
	}

	/** The TSA certificate chains to a TSA anchor at the time and is not revoked where its CA's CRL is at hand. */
	private void checkTsa(TimeStampToken token, Instant time) throws Stop {
		X509Certificate tsa;
		List<X509Certificate> tokenCertificates;
		try {
			tsa = TimestampExchange.signerOf(token);
			tokenCertificates = certificates(token.getCertificates().getMatches(null));
		}
		catch (Stop | RuntimeException ex) {
			throw new Stop(Verdict.TIMESTAMP_INVALID, ex.getMessage());
		}
		PKIXCertPathBuilderResult path = path(tsa, tokenCertificates, trust.tsaAnchors(), time)
			.orElseThrow(() -> new Stop(Verdict.TIMESTAMP_INVALID,
					"the TSA certificate does not chain to a trusted TSA root: " + tsa.getSubjectX500Principal()));
		try {
			checkRevocationIfKnown(path, time);
		}
		catch (Stop stop) {
			if (stop.verdict == Verdict.REVOCATION_UNKNOWN) {
				throw stop;
			}
			throw new Stop(Verdict.TIMESTAMP_INVALID, "TSA: " + stop.getMessage());
		}
	}

	/** A certification path from the certificate to one of the anchors, valid at the time (revocation apart). */
	private static java.util.Optional<PKIXCertPathBuilderResult> path(X509Certificate target,
			List<X509Certificate> intermediates, List<X509Certificate> anchors, Instant at) {
		if (anchors.isEmpty()) {
			return java.util.Optional.empty();
		}
		try {
			X509CertSelector selector = new X509CertSelector();
			selector.setCertificate(target);
			PKIXBuilderParameters parameters = new PKIXBuilderParameters(
					anchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet()), selector);
			List<X509Certificate> pool = new ArrayList<>(intermediates);
			pool.add(target);
			parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
			parameters.setRevocationEnabled(false); // the CRLs are checked below, with our own rules
			parameters.setDate(Date.from(at));
			return java.util.Optional.of((PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters));
		}
		catch (GeneralSecurityException ex) {
			return java.util.Optional.empty();
		}
	}

	private void checkRevocation(PKIXCertPathBuilderResult path, Instant signedAt) throws Stop {
		List<X509CRL> crls = trust.crls();
		@SuppressWarnings("unchecked")
		List<X509Certificate> certificates = (List<X509Certificate>) path.getCertPath().getCertificates();
		for (int i = 0; i < certificates.size(); i++) {
			X509Certificate certificate = certificates.get(i);
			X509Certificate issuer = i + 1 < certificates.size() ? certificates.get(i + 1)
					: path.getTrustAnchor().getTrustedCert();
			X509CRL crl = crlOf(crls, issuer)
				.orElseThrow(() -> new Stop(Verdict.REVOCATION_UNKNOWN,
						"no verified CRL of " + issuer.getSubjectX500Principal().getName()));
			revoked(certificate, crl, signedAt);
		}
	}

	/** Revocation of the TSA's certificates where a CRL of their issuer is at hand (a TSA of another CA may have none here). */
	private void checkRevocationIfKnown(PKIXCertPathBuilderResult path, Instant signedAt) throws Stop {
		List<X509CRL> crls = trust.crls();
		@SuppressWarnings("unchecked")
		List<X509Certificate> certificates = (List<X509Certificate>) path.getCertPath().getCertificates();
		for (int i = 0; i < certificates.size(); i++) {
			X509Certificate issuer = i + 1 < certificates.size() ? certificates.get(i + 1)
					: path.getTrustAnchor().getTrustedCert();
			var crl = crlOf(crls, issuer);
			if (crl.isPresent()) {
				revoked(certificates.get(i), crl.get(), signedAt);
			}
		}
	}

	private void revoked(X509Certificate certificate, X509CRL crl, Instant signedAt) throws Stop {
		if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(clock.instant())) {
			throw new Stop(Verdict.REVOCATION_UNKNOWN, "the CRL of " + crl.getIssuerX500Principal().getName()
					+ " is stale (nextUpdate " + crl.getNextUpdate().toInstant() + ")");
		}
		X509CRLEntry entry = crl.getRevokedCertificate(certificate);
		if (entry == null) {
			return;
		}
		Instant revokedAt = entry.getRevocationDate().toInstant();
		java.security.cert.CRLReason reason = entry.getRevocationReason();
		if (!revokedAt.isAfter(signedAt) || reason == null || !BENIGN.contains(reason)) {
			throw new Stop(Verdict.SIGNER_REVOKED, certificate.getSubjectX500Principal().getName() + " revoked at "
					+ revokedAt + (reason == null ? "" : " (" + reason + ")"));
		}
	}

	/** The newest CRL issued and signed by the issuer. */
	private static java.util.Optional<X509CRL> crlOf(List<X509CRL> crls, X509Certificate issuer) {
		X509CRL best = null;
		for (X509CRL crl : crls) {
			if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
				continue;
			}
			try {
				crl.verify(issuer.getPublicKey());
			}
			catch (GeneralSecurityException ex) {
				continue;
			}
			if (best == null || crl.getThisUpdate().after(best.getThisUpdate())) {
				best = crl;
			}
		}
		return java.util.Optional.ofNullable(best);
	}

	private static List<X509Certificate> certificates(Collection<?> holders) throws Stop {
		List<X509Certificate> certificates = new ArrayList<>();
		JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
		for (Object holder : holders) {
			try {
				certificates.add(converter.getCertificate((X509CertificateHolder) holder));
			}
			catch (GeneralSecurityException ex) {
				throw new Stop(Verdict.DAMAGED, "an unreadable certificate in the signature");
			}
		}
		return certificates;
	}

	static String commonName(String rfc2253) {
		try {
			for (Rdn rdn : new LdapName(rfc2253).getRdns()) {
				if ("CN".equalsIgnoreCase(rdn.getType())) {
					return rdn.getValue().toString();
				}
			}
		}
		catch (javax.naming.InvalidNameException ex) {
			return null;
		}
		return null;
	}

	private static boolean hasHeader(byte[] pdf) {
		// ISO 32000: the header sits at the start; readers tolerate a little junk before it (up to 1 KB)
		int limit = Math.min(pdf.length - 5, 1024);
		for (int i = 0; i <= limit; i++) {
			if (pdf[i] == '%' && pdf[i + 1] == 'P' && pdf[i + 2] == 'D' && pdf[i + 3] == 'F' && pdf[i + 4] == '-') {
				return true;
			}
		}
		return false;
	}

	private static boolean hasEof(byte[] pdf) {
		int from = Math.max(0, pdf.length - 1024);
		String tail = new String(pdf, from, pdf.length - from, java.nio.charset.StandardCharsets.ISO_8859_1);
		return tail.contains("%%EOF");
	}

	private static byte[] sha256(byte[] bytes) {
		return digest("SHA-256", bytes);
	}

	private static byte[] digest(String algorithm, byte[] bytes) {
		try {
			return MessageDigest.getInstance(algorithm).digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
