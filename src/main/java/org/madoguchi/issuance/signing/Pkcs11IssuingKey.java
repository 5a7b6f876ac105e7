package org.madoguchi.issuance.signing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The seal key in an HSM (production option), through the JDK's SunPKCS11 provider: the private key never leaves the
 * token; each signature is a PKCS#11 call. The provider instance is configured here and not added to the JVM's
 * provider list, so nothing else in the application signs with the token by accident.
 *
 * <p>A token is chosen by its slot id ({@code slot}) or its position in the slot list ({@code slotListIndex}), the
 * two selectors SunPKCS11 offers; the token label cannot be selected through SunPKCS11's public API.
 */
public final class Pkcs11IssuingKey implements IssuingKey {

	/**
	 * Where the key lies.
	 *
	 * @param library        the PKCS#11 module (e.g. /usr/lib/softhsm/libsofthsm2.so)
	 * @param slot           the slot id, or null
	 * @param slotListIndex  the index in the slot list, or null (one of slot and slotListIndex is needed)
	 * @param alias          the key's label (CKA_LABEL) as the key store alias; blank when the token holds one key
	 * @param pin            the user PIN
	 */
	public record Settings(String library, Long slot, Integer slotListIndex, String alias, char[] pin) {
	}

	private final Provider provider;

	private final PrivateKey privateKey;

	private final List<X509Certificate> chain;

	private Pkcs11IssuingKey(Provider provider, PrivateKey privateKey, List<X509Certificate> chain) {
		this.provider = provider;
		this.privateKey = privateKey;
		this.chain = List.copyOf(chain);
	}

	/**
	 * Logs in to the token and finds the key.
	 *
	 * @param caCertificates CA certificates to complete the chain when the token holds only the seal certificate
	 */
	public static Pkcs11IssuingKey load(Settings settings, List<X509Certificate> caCertificates) {
		Provider provider = provider(settings);
		String where = "PKCS#11 token (" + settings.library() + ")";
		try {
			KeyStore store = KeyStore.getInstance("PKCS11", provider);
			store.load(null, settings.pin());
			String alias = Pkcs12IssuingKey.pickAlias(store, settings.alias(), where);
			PrivateKey key = (PrivateKey) store.getKey(alias, null);
			List<X509Certificate> chain = new ArrayList<>(Pkcs12IssuingKey.chainOf(store, alias, where));
			complete(chain, caCertificates);
			return new Pkcs11IssuingKey(provider, key, chain);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("cannot log in to " + where + " (wrong PIN?): " + ex.getMessage(), ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("cannot read the seal key from " + where + ": " + ex.getMessage(), ex);
		}
	}

	/** A SunPKCS11 provider for the module and slot (not registered with {@link Security}). */
	static Provider provider(Settings settings) {
		if (settings.library() == null || settings.library().isBlank()) {
			throw new IllegalArgumentException("madoguchi.issuance.key.pkcs11.library is not set");
		}
		if ((settings.slot() == null) == (settings.slotListIndex() == null)) {
			throw new IllegalArgumentException(
					"give exactly one of madoguchi.issuance.key.pkcs11.slot and madoguchi.issuance.key.pkcs11.slot-list-index");
		}
		if (settings.library().contains("\n") || settings.library().contains("\"")) {
			throw new IllegalArgumentException("PKCS#11 library path contains a newline or a quote");
		}
		StringBuilder config = new StringBuilder("--name = madoguchi-seal\nlibrary = \"")
			.append(settings.library())
			.append("\"\n");
		if (settings.slot() != null) {
			config.append("slot = ").append(settings.slot()).append('\n');
		}
		else {
			config.append("slotListIndex = ").append(settings.slotListIndex()).append('\n');
		}
		Provider base = Security.getProvider("SunPKCS11");
		if (base == null) {
			throw new IllegalStateException("this JVM has no SunPKCS11 provider");
		}
		try {
			return base.configure(config.toString());
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("cannot load PKCS#11 module " + settings.library() + ": "
					+ (ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage()), ex);
		}
	}

	/** Appends each CA whose subject is the issuer of the chain's last certificate, until the chain ends in a root. */
	private static void complete(List<X509Certificate> chain, List<X509Certificate> cas) {
		for (int guard = 0; guard < 8; guard++) {
			X509Certificate last = chain.get(chain.size() - 1);
			if (last.getIssuerX500Principal().equals(last.getSubjectX500Principal())) {
				return;
			}
			X509Certificate next = cas.stream()
				.filter(c -> c.getSubjectX500Principal().equals(last.getIssuerX500Principal()))
				.findFirst()
				.orElse(null);
			if (next == null || chain.contains(next)) {
				return;
			}
			chain.add(next);
		}
	}

	@Override
	public PrivateKey privateKey() {
		return privateKey;
	}

	@Override
	public List<X509Certificate> chain() {
		return chain;
	}

	@Override
	public Provider provider() {
		return provider;
	}
}
