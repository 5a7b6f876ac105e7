package org.madoguchi.identity;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signature verification settings ({@code madoguchi.identity.*}). Without trust anchors no {@link SignatureVerifier}
 * is created (electronic signatures are then not offered).
 *
 * @param trustAnchors    files with the trusted root certificates (PEM or DER), e.g. the JPKI 署名用 root
 * @param intermediates   files with CA certificates that may be needed to build a path (PEM or DER)
 * @param crlDirectory    a directory of CRL files ({@code *.crl}, {@code *.der}, {@code *.pem}) put there by an
 *     operator job (J-LIS gives JPKI CRLs only to registered verifiers); reread on every refresh
 * @param crlUrls         http(s) URLs each serving one CRL
 * @param refreshInterval how often CRLs are reloaded / fetched
 * @param maxCrlAge       a CRL issued (thisUpdate) longer ago than this is not trusted, even before its
 *     nextUpdate; null or zero: only nextUpdate counts
 * @param maxCrlBytes     a larger CRL download or file is refused
 * @param connectTimeout  connect timeout for CRL URLs
 * @param requestTimeout  time limit for a whole CRL download
 * @param devDirectory    DEVELOPMENT AND TESTS ONLY: a directory holding a test PKI (created when missing) and virtual
 *     cards ({@link DevIdentity}); its root is trusted and its CRL folder read, in addition to the settings above.
 *     Production refuses to start with it.
 */
@ConfigurationProperties("madoguchi.identity")
record IdentityProperties(List<Path> trustAnchors, List<Path> intermediates, Path crlDirectory, List<URI> crlUrls,
		Duration refreshInterval, Duration maxCrlAge, Long maxCrlBytes, Duration connectTimeout,
		Duration requestTimeout, Path devDirectory) {

	IdentityProperties {
		trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
		intermediates = intermediates == null ? List.of() : List.copyOf(intermediates);
		crlUrls = crlUrls == null ? List.of() : List.copyOf(crlUrls);
		refreshInterval = refreshInterval == null ? Duration.ofHours(1) : refreshInterval;
		if (maxCrlAge != null && (maxCrlAge.isZero() || maxCrlAge.isNegative())) {
			maxCrlAge = null;
		}
		maxCrlBytes = maxCrlBytes == null ? 64L * 1024 * 1024 : maxCrlBytes;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
		requestTimeout = requestTimeout == null ? Duration.ofMinutes(2) : requestTimeout;
	}
}
