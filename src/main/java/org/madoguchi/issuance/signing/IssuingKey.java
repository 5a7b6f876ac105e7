package org.madoguchi.issuance.signing;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The key that seals issued documents (市長の公印の電子証明書) and its certificate chain. The private key may live in
 * a file ({@link Pkcs12IssuingKey}) or in an HSM ({@link Pkcs11IssuingKey}); the signer asks only for a JCA
 * signature with the given provider.
 */
public interface IssuingKey {

	/** The private key (for PKCS#11 a handle: the key never leaves the token). */
	PrivateKey privateKey();

	/** The seal certificate: the first of the chain. */
	default X509Certificate certificate() {
		return chain().get(0);
	}

	/** The seal certificate first, then its CAs towards (and possibly including) the root. */
	List<X509Certificate> chain();

	/** The JCA provider to sign with, or {@code null} for the default providers. */
	Provider provider();

	/** The JCA signature algorithm for this key: SHA-256 with ECDSA or RSA (PKCS#1 v1.5). */
	default String signatureAlgorithm() {
		return switch (certificate().getPublicKey().getAlgorithm()) {
			case "EC" -> "SHA256withECDSA";
			case "RSA" -> "SHA256withRSA";
			default -> throw new IllegalStateException(
					"unsupported seal key algorithm " + certificate().getPublicKey().getAlgorithm());
		};
	}
}
