package org.madoguchi.identity;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Hashtable;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
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
 */
public final class TestSigner {

	private TestSigner() {
	}

	/** Detached signature over the content with signingTime = now; the signer and its CA certificate included. */
	public static byte[] sign(byte[] content, TestPki.Credential credential) {
		return sign(content, credential, Instant.now());
	}

	/**
	 * Detached signature with the given signingTime signed attribute (null: no signingTime attribute at all).
	 */
	public static byte[] sign(byte[] content, TestPki.Credential credential, Instant signingTime) {
		try {
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			JcaSignerInfoGeneratorBuilder builder = new JcaSignerInfoGeneratorBuilder(
					new JcaDigestCalculatorProviderBuilder().build());
			Hashtable<Object, Attribute> attributes = new Hashtable<>();
			if (signingTime != null) {
				attributes.put(CMSAttributes.signingTime, new Attribute(CMSAttributes.signingTime,
						new DERSet(new Time(java.util.Date.from(signingTime)))));
				builder.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)));
			}
			else {
				// The default generator adds signingTime = now; leave it out entirely instead.
				builder.setSignedAttributeGenerator(parameters -> {
					ASN1EncodableVector v = new ASN1EncodableVector();
					Hashtable<?, ?> defaults = new DefaultSignedAttributeTableGenerator().getAttributes(parameters)
						.toHashtable();
					defaults.remove(CMSAttributes.signingTime);
					defaults.values().forEach(a -> v.add((Attribute) a));
					return new AttributeTable(v);
				});
			}
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
}
