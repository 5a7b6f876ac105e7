package org.madoguchi.identity;

import java.security.cert.X509CRL;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

/**
 * Where revocation lists (失効情報) come from. J-LIS gives JPKI CRLs only to registered verifiers, so the
 * platform takes them by configuration (files fetched by an operator job) rather than fetching them itself.
 */
public interface CrlSource {

	/**
	 * The newest CRL issued by the given CA (by thisUpdate), or empty when none is held. The verifier checks its
	 * signature and freshness itself; a source need not.
	 */
	Optional<X509CRL> latest(X500Principal issuer);
}
