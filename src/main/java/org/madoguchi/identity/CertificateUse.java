package org.madoguchi.identity;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The two uses of a My Number Card certificate, told apart by the certificate policy of its type
 * ({@link JpkiProfile}) and its keyUsage: a 署名用電子証明書 signs documents (nonRepudiation), a
 * 利用者証明用電子証明書 answers sign-in challenges (digitalSignature, never nonRepudiation). Each is refused for the
 * other's use: a sign-in proves only who is at the keyboard, not consent to a document, and a signing certificate
 * carries the 基本4情報, which a sign-in must not hand out.
 */
enum CertificateUse {

	/** 署名用電子証明書: judged at the signingTime the signer claims (else now), so old signatures stay checkable. */
	SIGNING("署名用 (signing)", "sign a document"),

	/** 利用者証明用電子証明書: judged now; the response is fresh because the challenge is. */
	AUTHENTICATION("利用者証明用 (authentication)", "sign in");

	/** keyUsage bits, RFC 5280 §4.2.1.3. */
	private static final int DIGITAL_SIGNATURE = 0;

	private static final int NON_REPUDIATION = 1;

	final String label;

	final String purpose;

	CertificateUse(String label, String purpose) {
		this.label = label;
		this.purpose = purpose;
	}

	ASN1ObjectIdentifier policy() {
		return this == SIGNING ? JpkiProfile.SIGNING_POLICY : JpkiProfile.AUTHENTICATION_POLICY;
	}

	CertificateUse other() {
		return this == SIGNING ? AUTHENTICATION : SIGNING;
	}

	/** The time certificates are judged at: the claimed signingTime when signing (if any), now when signing in. */
	Instant validationTime(Instant signingTime, Instant now) {
		return this == SIGNING && signingTime != null ? signingTime : now;
	}

	/** The policy identifiers of the certificate (empty without the extension). */
	static Set<ASN1ObjectIdentifier> policies(X509CertificateHolder certificate) {
		Extension extension = certificate.getExtension(Extension.certificatePolicies);
		Set<ASN1ObjectIdentifier> policies = new HashSet<>();
		if (extension != null) {
			for (PolicyInformation information : CertificatePolicies.getInstance(extension.getParsedValue())
				.getPolicyInformation()) {
				policies.add(information.getPolicyIdentifier());
			}
		}
		return policies;
	}

	/** Null when the keyUsage allows this use; else what is wrong with it. */
	String keyUsageProblem(boolean[] keyUsage) {
		boolean digitalSignature = has(keyUsage, DIGITAL_SIGNATURE);
		boolean nonRepudiation = has(keyUsage, NON_REPUDIATION);
		if (this == SIGNING) {
			return nonRepudiation ? null : "keyUsage lacks nonRepudiation, which a 署名用 certificate needs to sign";
		}
		if (!digitalSignature) {
			return "keyUsage lacks digitalSignature, which a 利用者証明用 certificate needs to sign in";
		}
		return nonRepudiation ? "keyUsage has nonRepudiation, which a 利用者証明用 certificate never has" : null;
	}

	/** A missing keyUsage extension allows nothing here (JPKI certificates always carry it). */
	private static boolean has(boolean[] keyUsage, int bit) {
		return keyUsage != null && keyUsage.length > bit && keyUsage[bit];
	}
}
