package org.madoguchi.issuance.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The seal key from a PKCS#12 file (the default; e.g. as a CA hands it out, kept on an encrypted volume). Loaded
 * once; signing then needs no file access.
 */
public final class Pkcs12IssuingKey implements IssuingKey {

	/** A key store is a few kilobytes; anything this large is the wrong file. */
	static final long MAX_FILE_BYTES = 1024 * 1024;

	private final PrivateKey privateKey;

	private final List<X509Certificate> chain;

	private Pkcs12IssuingKey(PrivateKey privateKey, List<X509Certificate> chain) {
		this.privateKey = privateKey;
		this.chain = List.copyOf(chain);
	}

	/**
	 * Loads the key entry with the alias, or the only key entry when {@code alias} is blank.
	 *
	 * @throws IllegalArgumentException with a precise reason (no file, wrong password, no or several key entries)
	 */
	public static Pkcs12IssuingKey load(Path file, char[] password, String alias) {
		try {
			if (!Files.isRegularFile(file)) {
				throw new IllegalArgumentException("seal key store " + file + " does not exist");
			}
			if (Files.size(file) > MAX_FILE_BYTES) {
				throw new IllegalArgumentException("seal key store " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
			}
			KeyStore store = KeyStore.getInstance("PKCS12");
			try (InputStream in = Files.newInputStream(file)) {
				store.load(in, password);
			}
			return fromStore(store, password, alias, file.toString());
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("cannot read seal key store " + file + " (wrong password?): "
					+ ex.getMessage(), ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("cannot read seal key store " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** A key held in memory (tests, benchmarks). */
	public static Pkcs12IssuingKey of(PrivateKey privateKey, List<X509Certificate> chain) {
		return new Pkcs12IssuingKey(privateKey, chain);
	}

	static Pkcs12IssuingKey fromStore(KeyStore store, char[] password, String alias, String where)
			throws GeneralSecurityException {
		String entry = pickAlias(store, alias, where);
		PrivateKey key = (PrivateKey) store.getKey(entry, password);
		return new Pkcs12IssuingKey(key, chainOf(store, entry, where));
	}

	static String pickAlias(KeyStore store, String alias, String where) throws GeneralSecurityException {
		if (alias != null && !alias.isBlank()) {
			if (!store.isKeyEntry(alias)) {
				throw new IllegalArgumentException("no key entry '" + alias + "' in " + where);
			}
			return alias;
		}
		List<String> keys = new ArrayList<>();
		for (String a : Collections.list(store.aliases())) {
			if (store.isKeyEntry(a)) {
				keys.add(a);
			}
		}
		if (keys.size() != 1) {
			throw new IllegalArgumentException(where + " holds " + keys.size() + " key entries " + keys
					+ "; name one with madoguchi.issuance.key.alias");
		}
		return keys.get(0);
	}

	static List<X509Certificate> chainOf(KeyStore store, String alias, String where) throws GeneralSecurityException {
		Certificate[] certificates = store.getCertificateChain(alias);
		if (certificates == null || certificates.length == 0) {
			throw new IllegalArgumentException("key entry '" + alias + "' in " + where + " has no certificate");
		}
		List<X509Certificate> chain = new ArrayList<>();
		for (Certificate c : certificates) {
			chain.add((X509Certificate) c);
		}
		return chain;
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
		return null;
	}
}
