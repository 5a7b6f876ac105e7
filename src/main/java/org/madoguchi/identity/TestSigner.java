package org.madoguchi.identity;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Hashtable;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Makes detached CMS signatures (SHA256withRSA, DER) with a {@link TestPki.Credential}, standing in for the
 * My Number Card's signing function in development and tests. Not for production signing.
 *
 * <p>The signatures are CAdES-BES, and CAdES baseline B (ETSI EN 319 122-1) when they carry a signingTime: the
 * signed attributes are content-type, message-digest, signing-time and signing-certificate-v2 (RFC 5035, an
 * ESSCertIDv2 with the SHA-256 of the signer's certificate and its issuer and serial), which binds the certificate
 * to the signature so that it cannot be swapped for another one with the same key. Validators of the EU (DSS) read
 * a signature without that attribute as plain CMS, not as an advanced electronic signature.
 */
public final class TestSigner {

	private TestSigner() {
	}

	/** Detached signature over the content with signingTime = now; the signer and its CA certificate included. */
	public static byte[] sign(byte[] content, TestPki.Credential credential) {
		return sign(content, credential, Instant.now());
	}

	/**
	 * Detached signature with the given signingTime signed attribute (null: no signingTime attribute at all, which
	 * is still CAdES-BES but no longer baseline B).
	 */
	public static byte[] sign(byte[] content, TestPki.Credential credential, Instant signingTime) {
		try {
			JcaSignerInfoGeneratorBuilder builder = new JcaSignerInfoGeneratorBuilder(
					new JcaDigestCalculatorProviderBuilder().build());
			builder.setSignedAttributeGenerator(signedAttributes(credential.certificate(), signingTime));
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(builder.build(
					new JcaContentSignerBuilder("SHA256withRSA").build(credential.privateKey()),
					credential.certificate()));
			generator.addCertificates(new JcaCertStore(credential.chain().subList(0, credential.chain().size() - 1)));
			return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
		}
		catch (OperatorCreationException | GeneralSecurityException | CMSException | IOException ex) {
			throw new IllegalStateException("cannot make the test signature", ex);
		}
	}

	/**
	 * BouncyCastle's defaults (content-type, message-digest, CMS algorithm protection, signing-time = now) plus
	 * signing-certificate-v2, with the given signing-time or none.
	 */
	private static CMSAttributeTableGenerator signedAttributes(X509Certificate signer, Instant signingTime)
			throws GeneralSecurityException {
		Hashtable<ASN1ObjectIdentifier, Attribute> attributes = new Hashtable<>();
		attributes.put(PKCSObjectIdentifiers.id_aa_signingCertificateV2, signingCertificateV2(signer));
		if (signingTime != null) {
			attributes.put(CMSAttributes.signingTime,
					new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
		}
		DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(
				new AttributeTable(attributes));
		if (signingTime != null) {
			return defaults;
		}
		// The default generator adds signingTime = now when none is given; leave it out entirely instead.
		return parameters -> defaults.getAttributes(parameters).remove(CMSAttributes.signingTime);
	}

	/** ESSCertIDv2 with SHA-256 (the default algorithm, so not encoded) of the certificate, and its issuer/serial. */
	private static Attribute signingCertificateV2(X509Certificate signer) throws GeneralSecurityException {
		byte[] hash = MessageDigest.getInstance("SHA-256").digest(signer.getEncoded());
		JcaX509CertificateHolder holder = new JcaX509CertificateHolder(signer);
		ESSCertIDv2 id = new ESSCertIDv2(hash, new IssuerSerial(holder.getIssuer(), holder.getSerialNumber()));
		return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
				new DERSet(new SigningCertificateV2(id)));
	}
}
