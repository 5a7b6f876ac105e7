package org.madoguchi.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away CA hierarchy shaped like JPKI, for development and tests only (J-LIS hands out its interface
 * specifications and test cards only on application): a root CA, a 署名用 signing CA and a 利用者証明用
 * authentication CA, all RSA-2048 with SHA256withRSA. It issues 署名用電子証明書 (with the 基本4情報, encoded as
 * {@link JpkiProfile} documents) and 利用者証明用電子証明書 (serial only), revokes them and publishes X.509 v2 CRLs.
 *
 * <p>Keys live only in memory. Never configure a TestPki root as a trust anchor in production.
 */
public final class TestPki {

	/** The three certification authorities. */
	public enum Authority {
		ROOT, SIGNING, AUTHENTICATION
	}

	/** An issued certificate with its private key and the chain up to (and including) the root. */
	public record Credential(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> chain) {

		/** The certificate as PEM. */
		public String certificatePem() {
			return pem(certificate);
		}

		/** The private key as unencrypted PEM (test material only). */
		public String privateKeyPem() {
			return pem(privateKey);
		}

		/** The issuing CAs and the root as concatenated PEM (for openssl -CAfile / -certfile). */
		public String chainPem() {
			StringBuilder out = new StringBuilder();
			chain.subList(1, chain.size()).forEach(c -> out.append(pem(c)));
			return out.toString();
		}

		/** Key, certificate and chain as a PKCS#12 store (alias "resident"), readable by openssl pkcs12. */
		public byte[] pkcs12(char[] password) {
			try {
				KeyStore store = KeyStore.getInstance("PKCS12");
				store.load(null, null);
				store.setKeyEntry("resident", privateKey, password, chain.toArray(new Certificate[0]));
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				store.store(out, password);
				return out.toByteArray();
			}
			catch (GeneralSecurityException | IOException ex) {
				throw new IllegalStateException("cannot build PKCS#12", ex);
			}
		}
	}

	private final class Ca {

		final X500Name name;

		final KeyPair keys;

		final X509Certificate certificate;

		final Map<BigInteger, Instant> revoked = new LinkedHashMap<>();

		long crlNumber;

		Ca(X500Name name, KeyPair keys, X509Certificate certificate) {
			this.name = name;
			this.keys = keys;
			this.certificate = certificate;
		}
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Clock clock;

	private final Map<Authority, Ca> authorities = new LinkedHashMap<>();

	private TestPki(Clock clock) {
		this.clock = clock;
	}

	private void generate() {
		Instant now = clock.instant();
		Instant from = now.minus(Duration.ofDays(2 * 365)); // old enough for back-dated signatures in tests
		Instant to = now.plus(Duration.ofDays(3650));
		KeyPair rootKeys = newKeys();
		X500Name rootName = new X500Name("C=JP, O=Madoguchi Test PKI, CN=Madoguchi Test Root CA");
		X509Certificate root = caCertificate(rootName, rootKeys, rootName, rootKeys, from, to);
		authorities.put(Authority.ROOT, new Ca(rootName, rootKeys, root));
		subCa(Authority.SIGNING, "CN=Madoguchi Test Signing CA (署名用)", from, to);
		subCa(Authority.AUTHENTICATION, "CN=Madoguchi Test Authentication CA (利用者証明用)", from, to);
	}

	/** A new hierarchy with fresh keys, CAs valid from two years ago for ten years. */
	public static TestPki create() {
		return create(Clock.systemUTC());
	}

	/** As {@link #create()}, with the given clock as "now". */
	public static TestPki create(Clock clock) {
		TestPki pki = new TestPki(clock);
		pki.generate();
		return pki;
	}

	/**
	 * Rebuilds a hierarchy saved by {@link TestPkiDirectory}: the CA certificates and keys, and from each CA's last
	 * CRL (may be absent) its revoked serials and CRL number, so that the next CRL continues the sequence.
	 */
	static TestPki restore(Clock clock, Map<Authority, X509Certificate> certificates, Map<Authority, PrivateKey> keys,
			Map<Authority, X509CRL> lastCrls) {
		TestPki pki = new TestPki(clock);
		for (Authority authority : Authority.values()) {
			X509Certificate certificate = certificates.get(authority);
			X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
			Ca ca = pki.new Ca(name, new KeyPair(certificate.getPublicKey(), keys.get(authority)), certificate);
			X509CRL last = lastCrls.get(authority);
			if (last != null) {
				if (last.getRevokedCertificates() != null) {
					last.getRevokedCertificates()
						.forEach(e -> ca.revoked.put(e.getSerialNumber(), e.getRevocationDate().toInstant()));
				}
				byte[] number = last.getExtensionValue(Extension.cRLNumber.getId());
				if (number != null) {
					ca.crlNumber = CRLNumber
						.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(number).getOctets())
						.getCRLNumber()
						.longValueExact();
				}
			}
			pki.authorities.put(authority, ca);
		}
		return pki;
	}

	/** The private key of a CA (to save the hierarchy as test files; never leaves development machines). */
	PrivateKey privateKey(Authority authority) {
		return authorities.get(authority).keys.getPrivate();
	}

	/** Whether the certificate was issued by one of this hierarchy's CAs (name and signature both match). */
	boolean issued(X509Certificate certificate) {
		try {
			issuerOf(certificate);
			certificate.verify(issuerOf(certificate).certificate.getPublicKey());
			return true;
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	private void subCa(Authority authority, String cn, Instant from, Instant to) {
		Ca root = authorities.get(Authority.ROOT);
		KeyPair keys = newKeys();
		X500Name name = new X500Name("C=JP, O=Madoguchi Test PKI, " + cn);
		authorities.put(authority, new Ca(name, keys, caCertificate(name, keys, root.name, root.keys, from, to)));
	}

	/** The CA certificate of an authority. */
	public X509Certificate certificate(Authority authority) {
		return authorities.get(authority).certificate;
	}

	/** The root CA certificate (the trust anchor). */
	public X509Certificate root() {
		return certificate(Authority.ROOT);
	}

	/** 署名用電子証明書 valid from yesterday for five years. */
	public Credential issueSigning(BasicFourInfo resident) {
		Instant now = clock.instant();
		return issueSigning(resident, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(5 * 365)));
	}

	/** 署名用電子証明書 with the given validity (to test expired and not-yet-valid certificates). */
	public Credential issueSigning(BasicFourInfo resident, Instant notBefore, Instant notAfter) {
		return issue(Authority.SIGNING, notBefore, notAfter, resident);
	}

	/** 利用者証明用電子証明書 (serial only), valid from yesterday for five years. */
	public Credential issueAuthentication() {
		Instant now = clock.instant();
		return issue(Authority.AUTHENTICATION, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(5 * 365)),
				null);
	}

	private Credential issue(Authority authority, Instant notBefore, Instant notAfter, BasicFourInfo resident) {
		Ca ca = authorities.get(authority);
		KeyPair keys = newKeys();
		BigInteger serial = newSerial();
		// Like JPKI, the subject names no person; the 基本4情報 sit in SubjectDirectoryAttributes.
		X500Name subject = new X500Name("C=JP, O=Madoguchi Test PKI, CN=" + serial.toString(16));
		try {
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.name, serial,
					Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
			JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					utils.createAuthorityKeyIdentifier(ca.certificate));
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					utils.createSubjectKeyIdentifier(keys.getPublic()));
			if (resident != null) {
				builder.addExtension(Extension.keyUsage, true,
						new KeyUsage(KeyUsage.nonRepudiation | KeyUsage.digitalSignature));
				builder.addExtension(Extension.certificatePolicies, false,
						new CertificatePolicies(new PolicyInformation(JpkiProfile.SIGNING_POLICY)));
				builder.addExtension(Extension.subjectDirectoryAttributes, false, JpkiProfile.encode(resident));
			}
			else {
				builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
				builder.addExtension(Extension.certificatePolicies, false,
						new CertificatePolicies(new PolicyInformation(JpkiProfile.AUTHENTICATION_POLICY)));
			}
			X509Certificate certificate = toCertificate(builder.build(signer(ca.keys.getPrivate())));
			List<X509Certificate> chain = new ArrayList<>();
			chain.add(certificate);
			chain.add(ca.certificate);
			chain.add(root());
			return new Credential(certificate, keys.getPrivate(), List.copyOf(chain));
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("cannot issue a test certificate", ex);
		}
	}

	/** Revokes a certificate issued by this PKI (it appears on the next CRL of its issuer). */
	public void revoke(X509Certificate certificate) {
		Ca ca = issuerOf(certificate);
		ca.revoked.put(certificate.getSerialNumber(), clock.instant());
	}

	/** A fresh CRL of the authority: thisUpdate now, nextUpdate in a day. */
	public X509CRL crl(Authority authority) {
		Instant now = clock.instant();
		return crl(authority, now, now.plus(Duration.ofDays(1)));
	}

	/** A CRL with the given update times (to test stale CRLs); each CRL gets the next CRL number. */
	public synchronized X509CRL crl(Authority authority, Instant thisUpdate, Instant nextUpdate) {
		Ca ca = authorities.get(authority);
		X509v2CRLBuilder builder = new X509v2CRLBuilder(ca.name, Date.from(thisUpdate));
		builder.setNextUpdate(Date.from(nextUpdate));
		ca.revoked.forEach((serial, when) -> builder.addCRLEntry(serial, Date.from(when), CRLReason.unspecified));
		try {
			builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(++ca.crlNumber)));
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate));
			X509CRLHolder holder = builder.build(signer(ca.keys.getPrivate()));
			return new JcaX509CRLConverter().getCRL(holder);
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("cannot build a test CRL", ex);
		}
	}

	/** Current CRLs of all three authorities. */
	public List<X509CRL> crls() {
		return List.of(crl(Authority.ROOT), crl(Authority.SIGNING), crl(Authority.AUTHENTICATION));
	}

	private Ca issuerOf(X509Certificate certificate) {
		for (Ca ca : authorities.values()) {
			if (ca.certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
				return ca;
			}
		}
		throw new IllegalArgumentException("certificate " + certificate.getSerialNumber() + " is not from this PKI");
	}

	private static X509Certificate caCertificate(X500Name subject, KeyPair keys, X500Name issuer, KeyPair issuerKeys,
			Instant from, Instant to) {
		try {
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, newSerial(), Date.from(from),
					Date.from(to), subject, keys.getPublic());
			JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(subject.equals(issuer) ? 1 : 0));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					utils.createSubjectKeyIdentifier(keys.getPublic()));
			if (!subject.equals(issuer)) {
				builder.addExtension(Extension.authorityKeyIdentifier, false,
						utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
			}
			return toCertificate(builder.build(signer(issuerKeys.getPrivate())));
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("cannot build a test CA", ex);
		}
	}

	private static ContentSigner signer(PrivateKey key) {
		try {
			return new JcaContentSignerBuilder("SHA256withRSA").build(key);
		}
		catch (OperatorCreationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static X509Certificate toCertificate(X509CertificateHolder holder) throws GeneralSecurityException {
		return new JcaX509CertificateConverter().getCertificate(holder);
	}

	private static KeyPair newKeys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048, RANDOM);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Random positive 64-bit-ish serial, as CAs are required to use unpredictable serials. */
	private static BigInteger newSerial() {
		return new BigInteger(63, RANDOM).add(BigInteger.ONE);
	}

	/** PEM of a certificate, CRL, key generator or anything JcaPEMWriter writes. */
	public static String pem(Object object) {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(object);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString();
	}

	/** DER of a certificate. */
	public static byte[] der(X509Certificate certificate) {
		try {
			return certificate.getEncoded();
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** DER of a CRL. */
	public static byte[] der(X509CRL crl) {
		try {
			return crl.getEncoded();
		}
		catch (CRLException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
