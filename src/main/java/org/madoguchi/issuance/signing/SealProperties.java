package org.madoguchi.issuance.signing;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code madoguchi.issuance.*} settings of the seal.
 *
 * @param key            the seal key
 * @param trustAnchor    PEM file with the city's issuing CA root (one or more certificates)
 * @param tsaTrustAnchor PEM file with the TSA's root, when the TSA is not of the city's CA (blank: the trust anchor)
 * @param crl            CRL locations, files or http(s) URLs (one per CA)
 * @param crlRefresh     how often a CRL URL is fetched again
 * @param tsaUrl         the RFC 3161 TSA (blank with a dev directory: the built-in development TSA in process)
 * @param tsaTimeout     connect and reply time limit for the TSA
 * @param devDirectory   DEVELOPMENT ONLY: where the development city PKI lives
 */
@ConfigurationProperties("madoguchi.issuance")
record SealProperties(@DefaultValue Key key, String trustAnchor, String tsaTrustAnchor, List<String> crl,
		@DefaultValue("PT15M") Duration crlRefresh, String tsaUrl, @DefaultValue("PT10S") Duration tsaTimeout,
		String devDirectory) {

	SealProperties {
		crl = crl == null ? List.of() : List.copyOf(crl);
	}

	/**
	 * @param type     pkcs12 (default) or pkcs11
	 * @param path     the PKCS#12 file
	 * @param password its password (MADOGUCHI_ISSUANCE_KEY_PASSWORD)
	 * @param alias    the key entry, blank when there is only one
	 * @param pkcs11   the HSM settings
	 */
	record Key(@DefaultValue("pkcs12") String type, String path, String password, String alias,
			@DefaultValue Pkcs11 pkcs11) {

		boolean configured() {
			return "pkcs11".equals(type) ? notBlank(pkcs11.library()) : notBlank(path);
		}
	}

	/**
	 * @param library       the PKCS#11 module
	 * @param slot          slot id
	 * @param slotListIndex index in the slot list (instead of the slot id)
	 * @param alias         the key's label
	 * @param pin           the user PIN (MADOGUCHI_ISSUANCE_PKCS11_PIN)
	 */
	record Pkcs11(String library, Long slot, Integer slotListIndex, String alias, String pin) {
	}

	boolean dev() {
		return notBlank(devDirectory);
	}

	static boolean notBlank(String s) {
		return s != null && !s.isBlank();
	}
}
