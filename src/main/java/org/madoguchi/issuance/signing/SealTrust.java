package org.madoguchi.issuance.signing;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a seal is checked against: the city's issuing CA root (信頼の起点), the roots a time-stamp authority may
 * chain to, and the CAs' current CRLs (失効リスト).
 */
public interface SealTrust {

	/** Roots the seal certificate must chain to. */
	List<X509Certificate> anchors();

	/** Roots the TSA certificate must chain to. */
	List<X509Certificate> tsaAnchors();

	/** Current CRLs, one per CA below a root (and the root's own for the certificates it issued). */
	List<X509CRL> crls();

	/** Fixed material (tests, benchmarks). */
	static SealTrust of(List<X509Certificate> anchors, List<X509Certificate> tsaAnchors, List<X509CRL> crls) {
		List<X509Certificate> a = List.copyOf(anchors);
		List<X509Certificate> t = List.copyOf(tsaAnchors);
		List<X509CRL> c = List.copyOf(crls);
		return new SealTrust() {
			@Override
			public List<X509Certificate> anchors() {
				return a;
			}

			@Override
			public List<X509Certificate> tsaAnchors() {
				return t;
			}

			@Override
			public List<X509CRL> crls() {
				return c;
			}
		};
	}
}
