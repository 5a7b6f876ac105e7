package org.madoguchi.identity;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.CMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;

import org.madoguchi.identity.SignatureReport.CrlUse;
import org.madoguchi.identity.SignatureReport.Reason;
import org.madoguchi.identity.SignatureReport.Verdict;

/**
 * Verifies detached CMS SignedData (PKCS#7, DER) made with a My Number Card certificate, offline: a signature over a
 * document made with a 署名用電子証明書 ({@link #verify}), or the answer to a sign-in challenge made with a
 * 利用者証明用電子証明書 ({@link #verifyAuthentication}). It checks the signature, the strength of the algorithms,
 * the certificate's type (policy and keyUsage, {@link CertificateUse}), the certification path to configured trust
 * anchors and revocation by CRLs from a {@link CrlSource}. It fails closed: anything it cannot prove gives
 * {@link Verdict#INVALID}, with the reason.
 *
 * <p>Order of checks: form → algorithm strength of the signature and the signer certificate
 * ({@link AlgorithmStrength}) → signature → certificate type (the other type's policy), policy, keyUsage → validity
 * of the signer certificate at the validation time → path, and the strength of the CAs on it → revocation (CRL
 * signature algorithm, freshness, entry). For signing, the validation time is the signingTime signed attribute if
 * present, else now; note that signingTime is the signer's own claim (a time-stamp token would prove it; not yet
 * supported). For signing in it is always now. Revocation is judged with the CRL held now, whatever the validation
 * time, and a CRL past its nextUpdate is not trusted; a revoked certificate is refused even when revoked after the
 * signing time, because JPKI revokes a 署名用 certificate on every change of name or address and the platform then
 * needs a fresh signature anyway.
 *
 * <p>Certificate policies are checked on the signer's certificate only, against {@link JpkiProfile}; the CA
 * certificates carry none in the test PKI, so PKIX runs without an initial policy set.
 */
public final class SignatureVerifier {

	/** Larger signature blobs are refused before parsing (a JPKI signature with its certificates is ~2-6 KB). */
	public static final int MAX_SIGNATURE_BYTES = 64 * 1024;

	/** keyUsage bit for keyCertSign, RFC 5280 §4.2.1.3. */
	private static final int KEY_CERT_SIGN = 5;

	/** keyUsage, basicConstraints, certificatePolicies. */
	private static final Set<String> SHORT_PATH_CRITICAL = Set.of("2.5.29.15", "2.5.29.19", "2.5.29.32");

	private static final int MAX_CACHED_CA_PATHS = 64;

	private static final int MAX_CACHED_CA_CERTIFICATES = 256;

	private static final JcaX509CertificateConverter CONVERTER = new JcaX509CertificateConverter();

	/** Immutable after construction; building one per signature cost more than the RSA verification. */
	private static final CMSSignatureAlgorithmNameGenerator SIGNATURE_NAMES = new DefaultCMSSignatureAlgorithmNameGenerator();

	private static final DigestCalculatorProvider DIGESTS = digests();

	private static final String RSASSA_PSS = "1.2.840.113549.1.1.10";

	/** Used for RSASSA-PSS signatures only (see {@link #contentVerifiers}); not registered globally. */
	private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

	/** Other certificates embedded in signatures (CA certificates in practice), parsed once, by encoding. */
	private final Map<CaPathKey, X509Certificate> caCertificates = new ConcurrentHashMap<>();

	private final Set<TrustAnchor> trustAnchors;

	private final Set<X509Certificate> anchorCertificates;

	private final Map<CaPathKey, CaPath> caPaths = new ConcurrentHashMap<>();

	private final Map<PublicKey, VerifiedCrl> verifiedCrls = new ConcurrentHashMap<>();

	private final List<X509Certificate> intermediates;

	private final CrlSource crls;

	private final Clock clock;

	/** A CRL issued longer ago than this is not trusted even before its nextUpdate; null: no such limit. */
	private final Duration maxCrlAge;

	/**
	 * @param trustAnchors  root certificates to trust (e.g. the JPKI root for 署名用)
	 * @param intermediates CA certificates that may be needed to build the path (signers often include only their own)
	 * @param crls          where CRLs come from
	 * @param clock         "now"
	 */
	public SignatureVerifier(Collection<X509Certificate> trustAnchors, Collection<X509Certificate> intermediates,
			CrlSource crls, Clock clock) {
		this(trustAnchors, intermediates, crls, clock, null);
	}

	/**
	 * @param maxCrlAge a CRL whose thisUpdate is older than this is treated like one past its nextUpdate
	 *     ({@link Reason#STALE_CRL}); null for no limit beyond nextUpdate
	 */
	public SignatureVerifier(Collection<X509Certificate> trustAnchors, Collection<X509Certificate> intermediates,
			CrlSource crls, Clock clock, Duration maxCrlAge) {
		if (trustAnchors.isEmpty()) {
			throw new IllegalArgumentException("at least one trust anchor is required");
		}
		this.trustAnchors = trustAnchors.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet());
		this.anchorCertificates = Set.copyOf(trustAnchors);
		this.intermediates = List.copyOf(intermediates);
		this.crls = crls;
		this.clock = clock;
		this.maxCrlAge = maxCrlAge;
	}

	/**
	 * The same trust settings, judged at another moment with other revocation data: to check a kept signature again
	 * years later, at the time it was first checked and with the CRLs kept with it.
	 */
	public SignatureVerifier asOf(Instant time, CrlSource revocationData) {
		return new SignatureVerifier(anchorCertificates, intermediates, revocationData,
				Clock.fixed(time, java.time.ZoneOffset.UTC), maxCrlAge);
	}

	/**
	 * Verifies {@code signature} (detached CMS, DER) over {@code content}, made with a 署名用電子証明書. Never throws
	 * for bad input.
	 */
	public SignatureReport verify(byte[] content, byte[] signature) {
		return check(content, signature, CertificateUse.SIGNING);
	}

	/**
	 * Verifies the answer to a sign-in challenge (利用者証明用電子証明書による認証): a detached CMS signature over exactly
	 * the challenge bytes, made with a 利用者証明用電子証明書 that is valid now. The caller makes the challenge
	 * (random, single use, short-lived) and maps {@link SignatureReport#certificateSerial()} to the resident. Never
	 * throws for bad input.
	 */
	public SignatureReport verifyAuthentication(byte[] challenge, byte[] response) {
		if (challenge != null && challenge.length == 0) {
			return new Result(clock.instant()).fail(Reason.MALFORMED, "empty challenge");
		}
		return check(challenge, response, CertificateUse.AUTHENTICATION);
	}

	private SignatureReport check(byte[] content, byte[] signature, CertificateUse use) {
		Instant checkedAt = clock.instant();
		Result r = new Result(checkedAt);
		if (content == null) {
			return r.fail(Reason.MALFORMED, "no content given");
		}
		if (signature == null || signature.length == 0) {
			return r.fail(Reason.MALFORMED, "empty signature");
		}
		if (signature.length > MAX_SIGNATURE_BYTES) {
			return r.fail(Reason.MALFORMED,
					"signature of " + signature.length + " bytes exceeds " + MAX_SIGNATURE_BYTES + " bytes");
		}
		SignerInformation signer;
		X509CertificateHolder signerHolder;
		X509Certificate certificate;
		List<X509Certificate> embedded = new ArrayList<>();
		try {
			CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(content), signature);
			Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
			if (signers.size() != 1) {
				return r.fail(Reason.MALFORMED, "expected exactly one signer, found " + signers.size());
			}
			signer = signers.iterator().next();
			@SuppressWarnings("unchecked")
			Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
			if (matches.isEmpty()) {
				return r.fail(Reason.MALFORMED, "the signer's certificate is not in the signature");
			}
			signerHolder = matches.iterator().next();
			certificate = CONVERTER.getCertificate(signerHolder);
			for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
				embedded.add(holder.equals(signerHolder) ? certificate : caCertificate(holder));
			}
		}
		catch (CMSException | GeneralSecurityException | java.io.IOException | RuntimeException ex) {
			return r.fail(Reason.MALFORMED, "not a CMS SignedData: " + ex.getMessage());
		}
		r.serial = certificate.getSerialNumber();
		r.signer = JpkiProfile.decode(certificate).orElse(null);

		// Weak algorithms are refused before anything is computed with them.
		String weak = AlgorithmStrength.signerInfo(signer);
		if (weak == null) {
			weak = AlgorithmStrength.certificate(certificate, true);
		}
		if (weak != null) {
			return r.fail(Reason.WEAK_ALGORITHM, weak);
		}

		try {
			// Built from the public key, not the certificate, so that validity is judged below with our reasons.
			SignerInformationVerifier verifier = new SignerInformationVerifier(SIGNATURE_NAMES,
					new DefaultSignatureAlgorithmIdentifierFinder(),
					contentVerifiers(signer).build(certificate.getPublicKey()), DIGESTS);
			if (!signer.verify(verifier)) {
				return r.fail(Reason.SIGNATURE_MISMATCH, "signature does not match the content");
			}
		}
		catch (CMSException ex) {
			return r.fail(Reason.SIGNATURE_MISMATCH, "signature does not verify: " + ex.getMessage());
		}
		catch (OperatorCreationException | RuntimeException ex) {
			return r.fail(Reason.MALFORMED, "signature cannot be checked: " + ex.getMessage());
		}

		Optional<SignatureReport> wrongUse = checkUse(signerHolder, certificate, use, r);
		if (wrongUse.isPresent()) {
			return wrongUse.get();
		}

		Optional<Instant> signingTime;
		try {
			signingTime = signingTime(signer);
		}
		catch (RuntimeException ex) {
			return r.fail(Reason.MALFORMED, "unreadable signingTime attribute: " + ex.getMessage());
		}
		r.validationTime = use.validationTime(signingTime.orElse(null), checkedAt);
		try {
			certificate.checkValidity(Date.from(r.validationTime));
		}
		catch (CertificateExpiredException ex) {
			return r.fail(Reason.EXPIRED, "certificate expired " + certificate.getNotAfter().toInstant()
					+ ", before the validation time " + r.validationTime);
		}
		catch (CertificateNotYetValidException ex) {
			return r.fail(Reason.NOT_YET_VALID, "certificate valid only from " + certificate.getNotBefore().toInstant()
					+ ", after the validation time " + r.validationTime);
		}

		List<X509Certificate> path;
		try {
			path = buildPath(certificate, embedded, Date.from(r.validationTime));
		}
		catch (CertPathBuilderException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof CertPathValidatorException cpve
					&& cpve.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
				return r.fail(Reason.EXPIRED, "a CA certificate on the path expired: " + cpve.getMessage());
			}
			if (cause instanceof CertPathValidatorException cpve
					&& cpve.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
				return r.fail(Reason.NOT_YET_VALID, "a CA certificate on the path is not yet valid: " + cpve.getMessage());
			}
			return r.fail(Reason.UNTRUSTED, "no path to a trusted root: " + ex.getMessage());
		}
		catch (GeneralSecurityException ex) {
			return r.fail(Reason.UNTRUSTED, "path validation failed: " + ex.getMessage());
		}
		r.chain = path.stream().map(c -> c.getSubjectX500Principal().getName()).toList();
		// The CAs' keys and the algorithms they were signed with (the anchor's self-signature proves nothing).
		for (int i = 1; i < path.size(); i++) {
			String weakCa = AlgorithmStrength.certificate(path.get(i), i < path.size() - 1);
			if (weakCa != null) {
				return r.fail(Reason.WEAK_ALGORITHM, weakCa);
			}
		}

		// Revocation of every certificate on the path except the anchor, each by its issuer's CRL.
		for (int i = 0; i < path.size() - 1; i++) {
			Optional<SignatureReport> failure = checkRevocation(path.get(i), path.get(i + 1), checkedAt, r);
			if (failure.isPresent()) {
				return failure.get();
			}
		}
		return r.ok();
	}

	/**
	 * The certificate is of the type the use needs (its JPKI policy; the other type's policy is the wrong card
	 * certificate) and its keyUsage allows the use.
	 */
	private static Optional<SignatureReport> checkUse(X509CertificateHolder holder, X509Certificate certificate,
			CertificateUse use, Result r) {
		Set<ASN1ObjectIdentifier> policies;
		try {
			policies = CertificateUse.policies(holder);
		}
		catch (RuntimeException ex) {
			return Optional.of(r.fail(Reason.WRONG_POLICY, "unreadable certificatePolicies: " + ex.getMessage()));
		}
		if (policies.contains(use.other().policy())) {
			return Optional.of(r.fail(Reason.WRONG_CERTIFICATE_TYPE, "a " + use.other().label
					+ " certificate cannot be used to " + use.purpose + "; a " + use.label + " certificate is needed"));
		}
		if (!policies.contains(use.policy())) {
			return Optional.of(r.fail(Reason.WRONG_POLICY, "certificatePolicies lacks " + use.policy().getId()
					+ " of a " + use.label + " certificate (has " + policies + ")"));
		}
		String keyUsage = use.keyUsageProblem(certificate.getKeyUsage());
		return keyUsage == null ? Optional.empty() : Optional.of(r.fail(Reason.WRONG_KEY_USAGE, keyUsage));
	}

	/**
	 * Path from the certificate to an anchor, anchor included last. The usual case (a 署名用 certificate issued by a
	 * known CA, nothing exotic in it) takes a short way: the CA's own path is validated by PKIX once and cached by
	 * the CA certificate's encoding, and only the signer's certificate is checked per signature, including the
	 * signature of its issuer over it. Anything else goes through full PKIX path building.
	 */
	private List<X509Certificate> buildPath(X509Certificate certificate, List<X509Certificate> embedded, Date at)
			throws GeneralSecurityException {
		List<X509Certificate> path = shortPath(certificate, embedded, at);
		return path != null ? path : pkixPath(certificate, embedded, at);
	}

	/** The short way of {@link #buildPath}, or null when it does not apply or fails (PKIX then decides why). */
	private List<X509Certificate> shortPath(X509Certificate certificate, List<X509Certificate> embedded, Date at) {
		if (!plainEndEntity(certificate)) {
			return null;
		}
		List<X509Certificate> candidates = new ArrayList<>(intermediates);
		candidates.addAll(embedded);
		for (X509Certificate issuer : candidates) {
			if (!issuer.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()) || !plainCa(issuer)) {
				continue;
			}
			List<X509Certificate> caPath = validatedCaPath(issuer, embedded, at);
			if (caPath == null) {
				continue;
			}
			try {
				certificate.verify(issuer.getPublicKey());
			}
			catch (GeneralSecurityException | RuntimeException ex) {
				continue;
			}
			List<X509Certificate> path = new ArrayList<>(caPath.size() + 1);
			path.add(certificate);
			path.addAll(caPath);
			return path;
		}
		return null;
	}

	/**
	 * An end-entity certificate whose checks PKIX would reduce to issuer signature, names and validity: not a CA
	 * and no critical extension besides keyUsage, basicConstraints and certificatePolicies (with no policy
	 * constraints configured, PKIX accepts any policy). Its signature algorithm was checked before
	 * ({@link AlgorithmStrength}: SHA-2 RSA, RSASSA-PSS or ECDSA, all of which PKIX would verify the same way).
	 */
	private static boolean plainEndEntity(X509Certificate certificate) {
		if (certificate.getBasicConstraints() != -1) {
			return false;
		}
		Set<String> critical = certificate.getCriticalExtensionOIDs();
		return critical == null || SHORT_PATH_CRITICAL.containsAll(critical);
	}

	/** A CA certificate that may sign certificates, with a key {@link AlgorithmStrength} accepts. */
	private static boolean plainCa(X509Certificate ca) {
		boolean[] keyUsage = ca.getKeyUsage();
		if (ca.getBasicConstraints() < 0 || (keyUsage != null && (keyUsage.length <= KEY_CERT_SIGN || !keyUsage[KEY_CERT_SIGN]))) {
			return false;
		}
		if (ca.getExtensionValue(Extension.nameConstraints.getId()) != null) {
			return false;
		}
		return AlgorithmStrength.key(ca.getPublicKey(), "the CA") == null;
	}

	/** The CA's PKIX-validated path (CA first, anchor last), cached while {@code at} lies within all validities. */
	private List<X509Certificate> validatedCaPath(X509Certificate ca, List<X509Certificate> embedded, Date at) {
		CaPathKey key;
		try {
			key = new CaPathKey(ca.getEncoded());
		}
		catch (GeneralSecurityException ex) {
			return null;
		}
		CaPath cached = caPaths.get(key);
		if (cached != null && cached.covers(at)) {
			return cached.path();
		}
		List<X509Certificate> path;
		if (anchorCertificates.contains(ca)) {
			path = List.of(ca);
		}
		else {
			try {
				path = pkixPath(ca, embedded, at);
			}
			catch (GeneralSecurityException | RuntimeException ex) {
				return null;
			}
		}
		if (caPaths.size() >= MAX_CACHED_CA_PATHS) {
			caPaths.clear(); // a handful of CAs in practice; the bound only guards against abuse via embedded CAs
		}
		caPaths.put(key, CaPath.of(List.copyOf(path)));
		return path;
	}

	/** Path from the certificate to an anchor by full PKIX building and validation, anchor included last. */
	private List<X509Certificate> pkixPath(X509Certificate certificate, List<X509Certificate> embedded, Date at)
			throws GeneralSecurityException {
		X509CertSelector target = new X509CertSelector();
		target.setCertificate(certificate);
		PKIXBuilderParameters parameters;
		try {
			parameters = new PKIXBuilderParameters(trustAnchors, target);
		}
		catch (InvalidAlgorithmParameterException ex) {
			throw new IllegalStateException(ex);
		}
		List<X509Certificate> candidates = new ArrayList<>(intermediates);
		candidates.addAll(embedded);
		parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(candidates)));
		parameters.setDate(at);
		// Revocation is checked below with our own freshness rules (the JDK's checker looks for a CRL current at
		// the validation date, which for a past signingTime would reject every CRL issued since).
		parameters.setRevocationEnabled(false);
		PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
			.build(parameters);
		// Validate the built path once more explicitly (builder and validator share the PKIX rules).
		CertPathValidator.getInstance("PKIX").validate(result.getCertPath(), parameters);
		List<X509Certificate> path = new ArrayList<>();
		result.getCertPath().getCertificates().forEach(c -> path.add((X509Certificate) c));
		path.add(result.getTrustAnchor().getTrustedCert());
		return path;
	}

	/**
	 * The JDK's providers, except for RSASSA-PSS: Bouncy Castle's CMS names it "SHA256WITHRSASSA-PSS", which only
	 * its own provider knows (the JDK has one "RSASSA-PSS" taking the hash as a parameter).
	 */
	private static JcaContentVerifierProviderBuilder contentVerifiers(SignerInformation signer) {
		return RSASSA_PSS.equals(signer.getEncryptionAlgOID())
				? new JcaContentVerifierProviderBuilder().setProvider(BOUNCY_CASTLE)
				: new JcaContentVerifierProviderBuilder();
	}

	private static DigestCalculatorProvider digests() {
		try {
			return new JcaDigestCalculatorProviderBuilder().build();
		}
		catch (OperatorCreationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An embedded certificate other than the signer's, parsed once per distinct encoding. */
	private X509Certificate caCertificate(X509CertificateHolder holder) throws java.io.IOException,
			java.security.cert.CertificateException {
		CaPathKey key = new CaPathKey(holder.getEncoded());
		X509Certificate cached = caCertificates.get(key);
		if (cached != null) {
			return cached;
		}
		X509Certificate certificate = CONVERTER.getCertificate(holder);
		if (caCertificates.size() >= MAX_CACHED_CA_CERTIFICATES) {
			caCertificates.clear();
		}
		caCertificates.put(key, certificate);
		return certificate;
	}

	/** A CA certificate's encoding as a cache key (arrays compare by content). */
	private record CaPathKey(byte[] encoded) {

		@Override
		public boolean equals(Object other) {
			return other instanceof CaPathKey k && Arrays.equals(encoded, k.encoded);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(encoded);
		}
	}

	/** A validated CA path and the time window in which every certificate on it is valid. */
	private record CaPath(List<X509Certificate> path, Date notBefore, Date notAfter) {

		static CaPath of(List<X509Certificate> path) {
			Date notBefore = path.stream().map(X509Certificate::getNotBefore).max(Date::compareTo).orElseThrow();
			Date notAfter = path.stream().map(X509Certificate::getNotAfter).min(Date::compareTo).orElseThrow();
			return new CaPath(path, notBefore, notAfter);
		}

		boolean covers(Date at) {
			return !at.before(notBefore) && !at.after(notAfter);
		}
	}

	/** True when the CRL is signed by the key; remembered for the CRL object last seen per issuer key. */
	private boolean crlSignedBy(X509CRL crl, PublicKey key) {
		VerifiedCrl last = verifiedCrls.get(key);
		if (last != null && last.crl() == crl) {
			return true;
		}
		try {
			crl.verify(key);
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			return false;
		}
		verifiedCrls.put(key, new VerifiedCrl(crl));
		return true;
	}

	/** A CRL object whose signature was checked; compared by identity, as the same object cannot change. */
	private record VerifiedCrl(X509CRL crl) {
	}

	private Optional<SignatureReport> checkRevocation(X509Certificate certificate, X509Certificate issuer,
			Instant now, Result r) {
		Optional<X509CRL> held = crls.latest(certificate.getIssuerX500Principal());
		if (held.isEmpty()) {
			return Optional.of(r.fail(Reason.REVOCATION_UNKNOWN,
					"no CRL held for " + certificate.getIssuerX500Principal().getName()));
		}
		X509CRL crl = held.get();
		if (!crlSignedBy(crl, issuer.getPublicKey())) {
			return Optional.of(r.fail(Reason.REVOCATION_UNKNOWN,
					"the CRL of " + crl.getIssuerX500Principal().getName() + " is not signed by its issuer"));
		}
		r.crls.add(new CrlUse(crl.getIssuerX500Principal().getName(), crlNumber(crl),
				crl.getThisUpdate().toInstant(), crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant()));
		String weak = AlgorithmStrength.crl(crl);
		if (weak != null) {
			return Optional.of(r.fail(Reason.WEAK_ALGORITHM, weak));
		}
		if (crl.getNextUpdate() == null || now.isAfter(crl.getNextUpdate().toInstant())) {
			return Optional.of(r.fail(Reason.STALE_CRL, "the CRL of " + crl.getIssuerX500Principal().getName()
					+ " was due for renewal at " + crl.getNextUpdate() + "; revocation status unknown"));
		}
		if (maxCrlAge != null && crl.getThisUpdate().toInstant().plus(maxCrlAge).isBefore(now)) {
			return Optional.of(r.fail(Reason.STALE_CRL, "the CRL of " + crl.getIssuerX500Principal().getName()
					+ " was issued " + crl.getThisUpdate().toInstant() + ", longer than " + maxCrlAge
					+ " ago; revocation status unknown"));
		}
		if (now.isBefore(crl.getThisUpdate().toInstant())) {
			return Optional.of(r.fail(Reason.REVOCATION_UNKNOWN, "the CRL of "
					+ crl.getIssuerX500Principal().getName() + " is dated in the future: " + crl.getThisUpdate()));
		}
		X509CRLEntry entry = crl.getRevokedCertificate(certificate);
		if (entry != null) {
			return Optional.of(r.fail(Reason.REVOKED, "certificate " + certificate.getSerialNumber().toString(16)
					+ " was revoked " + entry.getRevocationDate().toInstant()));
		}
		return Optional.empty();
	}

	private static BigInteger crlNumber(X509CRL crl) {
		byte[] value = crl.getExtensionValue(Extension.cRLNumber.getId());
		if (value == null) {
			return null;
		}
		try {
			return ASN1Integer.getInstance(ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(value).getOctets()))
				.getValue();
		}
		catch (java.io.IOException | RuntimeException ex) {
			return null;
		}
	}

	private static Optional<Instant> signingTime(SignerInformation signer) {
		AttributeTable signed = signer.getSignedAttributes();
		if (signed == null) {
			return Optional.empty();
		}
		Attribute attribute = signed.get(CMSAttributes.signingTime);
		if (attribute == null) {
			return Optional.empty();
		}
		if (attribute.getAttrValues().size() != 1) {
			// RFC 5652 §11.3: exactly one value; several would let the signer pick the validation time.
			throw new IllegalArgumentException("signingTime has " + attribute.getAttrValues().size() + " values");
		}
		ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
		return Optional.of(Time.getInstance(value).getDate().toInstant());
	}

	/** Collects the facts as checks run, so that a failure still reports what was learnt. */
	private static final class Result {

		final Instant checkedAt;

		Instant validationTime;

		BasicFourInfo signer;

		BigInteger serial;

		List<String> chain = List.of();

		final List<CrlUse> crls = new ArrayList<>();

		Result(Instant checkedAt) {
			this.checkedAt = checkedAt;
			this.validationTime = checkedAt;
		}

		SignatureReport fail(Reason reason, String detail) {
			return new SignatureReport(Verdict.INVALID, reason, detail, signer, serial, chain, crls, validationTime,
					checkedAt);
		}

		SignatureReport ok() {
			return new SignatureReport(Verdict.VALID, Reason.OK, "signature valid", signer, serial, chain, crls,
					validationTime, checkedAt);
		}
	}
}
