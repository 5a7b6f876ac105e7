package org.madoguchi.issuance.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * DEVELOPMENT AND TESTS ONLY ({@code madoguchi.issuance.dev-directory}; production refuses to start with it): the
 * city's own small PKI for the seal, made once in a directory and kept there: a root CA (東雲野市 公印 認証局), the
 * seal certificate of 東雲野市長, a time-stamp authority certificate, and the root's CRL. All keys are ECDSA P-256
 * (a seal signature then costs a fraction of an RSA-3072 one) and lie in PKCS#12 files under a published password.
 *
 * <p>Files: {@code ca.pem} (the trust anchor), {@code ca.p12}, {@code seal.p12}, {@code tsa.p12}, {@code ca.crl}.
 */
public final class DevIssuingPki {

	/** The password of every key store here: these keys are not secret. */
	public static final String PASSWORD = "dev-issuance-not-secret";

	static final String CA_NAME = "C=JP, O=東雲野市, OU=DEVELOPMENT ONLY, CN=東雲野市 公印 認証局 (DEVELOPMENT ONLY)";

	static final String SEAL_NAME = "C=JP, O=東雲野市, OU=DEVELOPMENT ONLY, CN=東雲野市長";

	static final String TSA_NAME = "C=JP, O=東雲野市, OU=DEVELOPMENT ONLY, CN=東雲野市 時刻認証局 (DEVELOPMENT ONLY)";

	/** A development CRL lives a week and is republished when less than two days are left. */
	static final Duration CRL_LIFETIME = Duration.ofDays(7);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path directory;

	private final Clock clock;

	private final Pkcs12IssuingKey ca;

	private final Pkcs12IssuingKey seal;

	private final Pkcs12IssuingKey tsa;

	private DevIssuingPki(Path directory, Clock clock) {
		this.directory = directory;
		this.clock = clock;
		this.ca = readKey("ca.p12");
		this.seal = readKey("seal.p12");
		this.tsa = readKey("tsa.p12");
	}

	/** The PKI in the directory, made on first use; a CRL close to its nextUpdate is republished. */
	public static synchronized DevIssuingPki ensure(Path directory) {
		return ensure(directory, Clock.systemUTC());
	}

	static synchronized DevIssuingPki ensure(Path directory, Clock clock) {
		if (!Files.exists(directory.resolve("tsa.p12"))) {
			generate(directory, clock);
		}
		DevIssuingPki pki = new DevIssuingPki(directory, clock);
		if (!Files.exists(pki.crlFile())
				|| pki.crl().getNextUpdate().toInstant().isBefore(clock.instant().plus(Duration.ofDays(2)))) {
			pki.publishCrl();
		}
		return pki;
	}

	private static void generate(Path directory, Clock clock) {
		try {
			Files.createDirectories(directory);
			Instant now = clock.instant();
			Instant from = now.minus(Duration.ofDays(1));
			KeyPair caKeys = newKeys();
			X500Name caName = new X500Name(CA_NAME);
			X509Certificate root = certificate(caName, caKeys, caName, caKeys.getPrivate(), null, from,
					now.plus(Duration.ofDays(3650)), Role.CA);
			KeyPair sealKeys = newKeys();
			X509Certificate sealCert = certificate(new X500Name(SEAL_NAME), sealKeys, caName, caKeys.getPrivate(), root,
					from, now.plus(Duration.ofDays(3 * 365)), Role.SEAL);
			KeyPair tsaKeys = newKeys();
			X509Certificate tsaCert = certificate(new X500Name(TSA_NAME), tsaKeys, caName, caKeys.getPrivate(), root,
					from, now.plus(Duration.ofDays(5 * 365)), Role.TSA);
			writeKey(directory.resolve("tsa.p12"), tsaKeys.getPrivate(), List.of(tsaCert, root));
			writeKey(directory.resolve("seal.p12"), sealKeys.getPrivate(), List.of(sealCert, root));
			writeKey(directory.resolve("ca.p12"), caKeys.getPrivate(), List.of(root));
			write(directory.resolve("ca.pem"), pem(root).getBytes(StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the development seal PKI in " + directory, ex);
		}
	}

	/** What a certificate is for. */
	enum Role {
		CA, SEAL, TSA, TSA_WITHOUT_EKU
	}

	/** A certificate for the role, signed by the issuer's key (the issuer certificate is null for a root). */
	static X509Certificate certificate(X500Name subject, KeyPair keys, X500Name issuer, PrivateKey issuerKey,
			X509Certificate issuerCertificate, Instant from, Instant to, Role role) {
		try {
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, newSerial(), Date.from(from),
					Date.from(to), subject, keys.getPublic());
			JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
			if (issuerCertificate != null) {
				builder.addExtension(Extension.authorityKeyIdentifier, false,
						utils.createAuthorityKeyIdentifier(issuerCertificate));
			}
			switch (role) {
				case CA -> {
					builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
					builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
				}
				case SEAL -> {
					builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
					builder.addExtension(Extension.keyUsage, true,
							new KeyUsage(KeyUsage.nonRepudiation | KeyUsage.digitalSignature));
				}
				case TSA, TSA_WITHOUT_EKU -> {
					builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
					builder.addExtension(Extension.keyUsage, true,
							new KeyUsage(KeyUsage.nonRepudiation | KeyUsage.digitalSignature));
					if (role == Role.TSA) {
						// RFC 3161 §2.3: exactly id-kp-timeStamping, critical
						builder.addExtension(Extension.extendedKeyUsage, true,
								new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
					}
				}
			}
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
		}
		catch (GeneralSecurityException | IOException | OperatorCreationException ex) {
			throw new IllegalStateException("cannot make a development certificate", ex);
		}
	}

	/** A fresh ECDSA P-256 key pair. */
	static KeyPair newKeys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static BigInteger newSerial() {
		return new BigInteger(127, RANDOM).add(BigInteger.ONE);
	}

	/** The root CA certificate: the trust anchor. */
	public X509Certificate root() {
		return ca.certificate();
	}

	/** The seal key of 東雲野市長, with its chain. */
	public Pkcs12IssuingKey sealKey() {
		return seal;
	}

	/** The key of the development time-stamp authority. */
	public Pkcs12IssuingKey tsaKey() {
		return tsa;
	}

	/** The root CA's key and certificate (tests issue odd certificates with it). */
	Pkcs12IssuingKey caKey() {
		return ca;
	}

	public Path directory() {
		return directory;
	}

	/** The trust anchor as PEM. */
	public Path trustAnchorFile() {
		return directory.resolve("ca.pem");
	}

	/** The seal key store (password {@link #PASSWORD}). */
	public Path sealKeyFile() {
		return directory.resolve("seal.p12");
	}

	/** The root CA's current CRL (DER). */
	public Path crlFile() {
		return directory.resolve("ca.crl");
	}

	/** The CRL as it is on disk now. */
	public X509CRL crl() {
		try {
			return (X509CRL) CertificateFactory.getInstance("X.509")
				.generateCRL(new ByteArrayInputStream(Files.readAllBytes(crlFile())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot read " + crlFile(), ex);
		}
	}

	/** Revokes a certificate of this CA (reason as in RFC 5280, e.g. {@link CRLReason#keyCompromise}) and republishes the CRL. */
	public synchronized void revoke(X509Certificate certificate, int reason, Instant when) {
		if (!certificate.getIssuerX500Principal().equals(root().getSubjectX500Principal())) {
			throw new IllegalArgumentException("not issued by this development CA: " + certificate.getSubjectX500Principal());
		}
		publish(certificate.getSerialNumber(), reason, when);
	}

	/** Writes a fresh CRL with the same entries (and the next CRL number). */
	public synchronized void publishCrl() {
		publish(null, 0, null);
	}

	private void publish(BigInteger serial, int reason, Instant when) {
		Instant now = clock.instant();
		X500Name caName = X500Name.getInstance(root().getSubjectX500Principal().getEncoded());
		X509v2CRLBuilder builder = new X509v2CRLBuilder(caName, Date.from(now));
		builder.setNextUpdate(Date.from(now.plus(CRL_LIFETIME)));
		long number = 1;
		if (Files.exists(crlFile())) {
			X509CRL last = crl();
			if (last.getRevokedCertificates() != null) {
				for (X509CRLEntry entry : last.getRevokedCertificates()) {
					if (!entry.getSerialNumber().equals(serial)) {
						builder.addCRLEntry(entry.getSerialNumber(), entry.getRevocationDate(), reasonOf(entry));
					}
				}
			}
			byte[] value = last.getExtensionValue(Extension.cRLNumber.getId());
			if (value != null) {
				number = CRLNumber.getInstance(ASN1OctetString.getInstance(value).getOctets()).getCRLNumber().longValue() + 1;
			}
		}
		if (serial != null) {
			builder.addCRLEntry(serial, Date.from(when), reason);
		}
		try {
			builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(root()));
			X509CRL crl = new JcaX509CRLConverter()
				.getCRL(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.privateKey())));
			write(crlFile(), crl.getEncoded());
		}
		catch (GeneralSecurityException | IOException | OperatorCreationException ex) {
			throw new IllegalStateException("cannot publish the development CRL", ex);
		}
	}

	private static int reasonOf(X509CRLEntry entry) {
		byte[] value = entry.getExtensionValue(Extension.reasonCode.getId());
		if (value == null) {
			return CRLReason.unspecified;
		}
		return ASN1Enumerated.getInstance(ASN1OctetString.getInstance(value).getOctets()).intValueExact();
	}

	private Pkcs12IssuingKey readKey(String file) {
		return Pkcs12IssuingKey.load(directory.resolve(file), PASSWORD.toCharArray(), null);
	}

	private static void writeKey(Path file, PrivateKey key, List<X509Certificate> chain) throws IOException {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry("seal", key, PASSWORD.toCharArray(), chain.toArray(new X509Certificate[0]));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			store.store(out, PASSWORD.toCharArray());
			write(file, out.toByteArray());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Replaces the file in one step, so that a reader never sees half a CRL. */
	private static void write(Path file, byte[] content) throws IOException {
		Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
		Files.write(temp, content);
		Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	static String pem(Object object) {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(object);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString();
	}
}
