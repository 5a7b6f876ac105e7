package org.madoguchi.identity;

import java.io.IOException;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;

/**
 * Which algorithms and key sizes a signature may rest on (暗号アルゴリズムの強度): RSA keys of at least 2048 bits or
 * EC keys on a curve of at least 256 bits (P-256, P-384, P-521), hashed with SHA-256, SHA-384 or SHA-512 — what
 * JPKI uses today (RSA-2048, SHA-256) and what the CRYPTREC list still recommends. SHA-1, MD5, smaller keys, DSA,
 * SHA-3 (not used by JPKI) and anything unknown are refused.
 *
 * <p>Each check answers null when strong enough, else what is too weak, in English for
 * {@link SignatureReport#detail()}. All of them read values the parsed objects already hold, so they cost next to
 * nothing per signature.
 */
final class AlgorithmStrength {

	static final int MIN_RSA_BITS = 2048;

	static final int MIN_EC_BITS = 256;

	/** SHA-256, SHA-384, SHA-512. */
	private static final Set<String> DIGESTS = Set.of("2.16.840.1.101.3.4.2.1", "2.16.840.1.101.3.4.2.2",
			"2.16.840.1.101.3.4.2.3");

	/** sha256/384/512WithRSAEncryption and ecdsa-with-SHA256/384/512: signature algorithms naming their hash. */
	private static final Set<String> SIGNATURES = Set.of("1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12",
			"1.2.840.113549.1.1.13", "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4");

	/** rsaEncryption and id-ecPublicKey: a CMS SignerInfo may name only the key type; the hash is its digest. */
	private static final Set<String> KEY_ONLY = Set.of("1.2.840.113549.1.1.1", "1.2.840.10045.2.1");

	private static final String RSASSA_PSS = "1.2.840.113549.1.1.10";

	private static final String NEEDED = " (RSA of at least " + MIN_RSA_BITS + " bits or EC of at least " + MIN_EC_BITS
			+ " bits, with SHA-256, SHA-384 or SHA-512, is needed)";

	private AlgorithmStrength() {
	}

	/** The digest and signature algorithm of a CMS signer. */
	static String signerInfo(SignerInformation signer) {
		if (!DIGESTS.contains(signer.getDigestAlgOID())) {
			return "the signature uses the digest algorithm " + name(signer.getDigestAlgOID()) + NEEDED;
		}
		String algorithm = signer.getEncryptionAlgOID();
		if (KEY_ONLY.contains(algorithm)) {
			return null;
		}
		return signature("the signature", algorithm, signer.getEncryptionAlgParams());
	}

	/**
	 * The key of a certificate, and, when {@code signedByIssuer} (every certificate but a trust anchor, whose own
	 * signature proves nothing), the algorithm its issuer signed it with.
	 */
	static String certificate(X509Certificate certificate, boolean signedByIssuer) {
		String whose = "the certificate " + certificate.getSubjectX500Principal().getName();
		String key = key(certificate.getPublicKey(), whose);
		if (key != null || !signedByIssuer) {
			return key;
		}
		return signature(whose, certificate.getSigAlgOID(), certificate.getSigAlgParams());
	}

	/** The algorithm a CRL is signed with (its issuer's key is checked as a certificate on the path). */
	static String crl(X509CRL crl) {
		return signature("the CRL of " + crl.getIssuerX500Principal().getName(), crl.getSigAlgOID(),
				crl.getSigAlgParams());
	}

	/** An RSA key of at least 2048 bits or an EC key on a curve of at least 256 bits. */
	static String key(PublicKey key, String whose) {
		if (key instanceof RSAPublicKey rsa) {
			int bits = rsa.getModulus().bitLength();
			return bits >= MIN_RSA_BITS ? null : whose + " has an RSA key of " + bits + " bits" + NEEDED;
		}
		if (key instanceof ECPublicKey ec) {
			int bits = ec.getParams().getCurve().getField().getFieldSize();
			return bits >= MIN_EC_BITS ? null : whose + " has an EC key of " + bits + " bits" + NEEDED;
		}
		return whose + " has a " + key.getAlgorithm() + " key" + NEEDED;
	}

	private static String signature(String what, String algorithm, byte[] parameters) {
		if (SIGNATURES.contains(algorithm)) {
			return null;
		}
		if (RSASSA_PSS.equals(algorithm)) {
			String hashes = pssHashes(parameters);
			return hashes == null ? null : what + " uses RSASSA-PSS with " + hashes + NEEDED;
		}
		return what + " uses the signature algorithm " + name(algorithm) + NEEDED;
	}

	/** Null when the PSS hash and its MGF1 hash are strong; else what they are (absent parameters mean SHA-1). */
	private static String pssHashes(byte[] parameters) {
		try {
			RSASSAPSSparams pss = parameters == null ? new RSASSAPSSparams()
					: RSASSAPSSparams.getInstance(ASN1Primitive.fromByteArray(parameters));
			String hash = pss.getHashAlgorithm().getAlgorithm().getId();
			String mgfHash = AlgorithmIdentifier.getInstance(pss.getMaskGenAlgorithm().getParameters())
				.getAlgorithm()
				.getId();
			return DIGESTS.contains(hash) && DIGESTS.contains(mgfHash) ? null
					: "the hash " + name(hash) + " and the MGF1 hash " + name(mgfHash);
		}
		catch (IOException | RuntimeException ex) {
			return "unreadable parameters";
		}
	}

	/** A readable name for an algorithm OID (only on the refusal path). */
	private static String name(String oid) {
		try {
			return new DefaultAlgorithmNameFinder().getAlgorithmName(new ASN1ObjectIdentifier(oid)) + " (" + oid + ")";
		}
		catch (RuntimeException ex) {
			return String.valueOf(oid);
		}
	}
}
