package org.madoguchi.identity;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import org.madoguchi.identity.TestPki.Authority;

/**
 * Certificates, CRLs and signatures of shapes {@link TestPki} and {@link TestSigner} never make — weak keys and
 * algorithms, missing policies, wrong keyUsage, odd validity — issued under a TestPki CA with its real key, so that
 * only the one odd property can be the reason for a refusal.
 */
final class OddCertificates {

	/** Bouncy Castle signs what the JDK does not name the same way (RSASSA-PSS as "SHA256withRSAandMGF1"). */
	private static final BouncyCastleProvider BC = new BouncyCastleProvider();

	private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() & 0x7fff_ffffL);

	/** What the certificate looks like; {@link #jpkiSigning()} and {@link #jpkiAuthentication()} start as TestPki's. */
	record Shape(KeyPair keys, String issuerAlgorithm, int keyUsage, List<ASN1ObjectIdentifier> policies,
			Instant notBefore, Instant notAfter) {

		static Shape jpkiSigning() {
			return new Shape(rsa(2048), "SHA256withRSA", KeyUsage.nonRepudiation | KeyUsage.digitalSignature,
					List.of(JpkiProfile.SIGNING_POLICY), Instant.now().minus(Duration.ofDays(1)),
					Instant.now().plus(Duration.ofDays(365)));
		}

		static Shape jpkiAuthentication() {
			return jpkiSigning().withKeyUsage(KeyUsage.digitalSignature).withPolicies(JpkiProfile.AUTHENTICATION_POLICY);
		}

		Shape withKeys(KeyPair other) {
			return new Shape(other, issuerAlgorithm, keyUsage, policies, notBefore, notAfter);
		}

		Shape withIssuerAlgorithm(String other) {
			return new Shape(keys, other, keyUsage, policies, notBefore, notAfter);
		}

		Shape withKeyUsage(int other) {
			return new Shape(keys, issuerAlgorithm, other, policies, notBefore, notAfter);
		}

		Shape withPolicies(ASN1ObjectIdentifier... other) {
			return new Shape(keys, issuerAlgorithm, keyUsage, List.of(other), notBefore, notAfter);
		}

		Shape withValidity(Instant from, Instant to) {
			return new Shape(keys, issuerAlgorithm, keyUsage, policies, from, to);
		}
	}

	private OddCertificates() {
	}

	/** An end-entity certificate of the shape, issued by one of the PKI's CAs; chain up to its root. */
	static TestPki.Credential issue(TestPki pki, Authority ca, Shape shape) {
		return issue(new TestPki.Credential(pki.certificate(ca), pki.privateKey(ca), List.of(pki.certificate(ca),
				pki.root())), shape, false);
	}

	/** A certificate of the shape issued by the given CA credential; a CA itself when {@code ca} is true. */
	static TestPki.Credential issue(TestPki.Credential issuer, Shape shape, boolean ca) {
		try {
			X500Name subject = new X500Name("C=JP, O=Madoguchi Test PKI, CN=odd " + SERIALS.incrementAndGet());
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(),
					BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(shape.notBefore()),
					Date.from(shape.notAfter()), subject, shape.keys().getPublic());
			builder.addExtension(Extension.basicConstraints, true,
					ca ? new BasicConstraints(0) : new BasicConstraints(false));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(shape.keyUsage()));
			if (!shape.policies().isEmpty()) {
				builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(
						shape.policies().stream().map(PolicyInformation::new).toArray(PolicyInformation[]::new)));
			}
			X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder
				.build(new JcaContentSignerBuilder(shape.issuerAlgorithm()).build(issuer.privateKey())));
			List<X509Certificate> chain = new ArrayList<>();
			chain.add(certificate);
			chain.addAll(issuer.chain());
			return new TestPki.Credential(certificate, shape.keys().getPrivate(), List.copyOf(chain));
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot issue an odd test certificate", ex);
		}
	}

	/** A detached CMS signature with the given algorithm (e.g. SHA1withRSA), the chain minus the root included. */
	static byte[] sign(byte[] content, TestPki.Credential signer, String algorithm) {
		try {
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(
					new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
						.build(new JcaContentSignerBuilder(algorithm).setProvider(BC).build(signer.privateKey()),
								signer.certificate()));
			generator.addCertificates(new JcaCertStore(signer.chain().subList(0, signer.chain().size() - 1)));
			return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot make an odd test signature", ex);
		}
	}

	/** A current CRL of the CA (nothing revoked) signed with the given algorithm. */
	static X509CRL crl(TestPki pki, Authority ca, String algorithm) {
		PrivateKey key = pki.privateKey(ca);
		Instant now = Instant.now();
		X509v2CRLBuilder builder = new X509v2CRLBuilder(
				X500Name.getInstance(pki.certificate(ca).getSubjectX500Principal().getEncoded()), Date.from(now));
		builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
		try {
			return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder(algorithm).build(key)));
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot make an odd test CRL", ex);
		}
	}

	static KeyPair rsa(int bits) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(bits);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static KeyPair ec(String curve) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec(curve));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
