package org.madoguchi.issuance.signing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Production mode refuses to start without the seal: key, trust anchor, CRL and TSA must be configured and the key
 * and anchor must load; and it refuses the development city PKI (its keys lie on disk under a published password).
 * It runs after all singletons exist, so that the other guards' findings come first.
 */
@Component
@Profile("prod")
class SealProductionGuard implements SmartInitializingSingleton {

	private final SealProperties properties;

	private final IssuingKey key;

	private final SealTrust trust;

	SealProductionGuard(SealProperties properties, IssuingKey key, SealTrust trust) {
		this.properties = properties;
		this.key = key;
		this.trust = trust;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> problems = problems(properties);
		if (problems.isEmpty()) {
			try {
				key.certificate();
			}
			catch (RuntimeException ex) {
				problems.add("the seal key does not load: " + ex.getMessage());
			}
			try {
				trust.anchors();
			}
			catch (RuntimeException ex) {
				problems.add("madoguchi.issuance.trust-anchor does not load: " + ex.getMessage());
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Refusing to start in production mode:\n - " + String.join("\n - ", problems));
		}
	}

	static List<String> problems(SealProperties properties) {
		List<String> problems = new ArrayList<>();
		if (properties.dev()) {
			problems.add("madoguchi.issuance.dev-directory is set: the development seal PKI is for development only");
			return problems;
		}
		SealProperties.Key key = properties.key();
		if ("pkcs11".equals(key.type())) {
			SealProperties.Pkcs11 p = key.pkcs11();
			if (!SealProperties.notBlank(p.library())) {
				problems.add("madoguchi.issuance.key.pkcs11.library (the HSM's PKCS#11 module) is not set");
			}
			if ((p.slot() == null) == (p.slotListIndex() == null)) {
				problems.add("give one of madoguchi.issuance.key.pkcs11.slot and .slot-list-index");
			}
			if (!SealProperties.notBlank(p.pin())) {
				problems.add("MADOGUCHI_ISSUANCE_PKCS11_PIN (the HSM user PIN) is not set");
			}
		}
		else if ("pkcs12".equals(key.type())) {
			if (!SealProperties.notBlank(key.path())) {
				problems.add("madoguchi.issuance.key.path (the PKCS#12 file of the mayor's seal) is not set");
			}
			if (!SealProperties.notBlank(key.password())) {
				problems.add("MADOGUCHI_ISSUANCE_KEY_PASSWORD (the seal key store's password) is not set");
			}
		}
		else {
			problems.add("madoguchi.issuance.key.type must be pkcs12 or pkcs11, not " + key.type());
		}
		if (!SealProperties.notBlank(properties.trustAnchor())) {
			problems.add("madoguchi.issuance.trust-anchor (PEM of the city's issuing CA root) is not set");
		}
		if (properties.crl().isEmpty()) {
			problems.add("madoguchi.issuance.crl (the issuing CA's CRL, file or URL) is not set");
		}
		if (!SealProperties.notBlank(properties.tsaUrl())) {
			problems.add("madoguchi.issuance.tsa-url (an RFC 3161 time-stamp authority) is not set");
		}
		return problems;
	}
}
