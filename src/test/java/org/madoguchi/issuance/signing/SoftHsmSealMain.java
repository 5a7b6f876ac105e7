package org.madoguchi.issuance.signing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/**
 * Run by {@link SoftHsmTests} in a JVM of its own, whose environment points SOFTHSM2_CONF at the test's token
 * directory (a PKCS#11 module reads its configuration from the environment, which a running JVM cannot change).
 * Imports the development seal key into the token, then seals a PDF through {@link Pkcs11IssuingKey}.
 *
 * <p>Arguments: library slot pin pki-directory unsigned.pdf sealed.pdf
 */
public final class SoftHsmSealMain {

	public static void main(String[] args) throws Exception {
		String library = args[0];
		long slot = Long.parseLong(args[1]);
		char[] pin = args[2].toCharArray();
		DevIssuingPki pki = DevIssuingPki.ensure(Path.of(args[3]));
		Pkcs11IssuingKey.Settings settings = new Pkcs11IssuingKey.Settings(library, slot, null, "mayor-seal", pin);

		// the city's key ceremony, in short: the key goes into the token once
		Provider provider = Pkcs11IssuingKey.provider(settings);
		KeyStore token = KeyStore.getInstance("PKCS11", provider);
		token.load(null, pin);
		token.setKeyEntry("mayor-seal", pki.sealKey().privateKey(), null,
				new X509Certificate[] { pki.sealKey().certificate() });

		Pkcs11IssuingKey key = Pkcs11IssuingKey.load(settings, List.of(pki.root()));
		System.out.println("key class " + key.privateKey().getClass().getName() + " provider " + key.provider().getName()
				+ " chain " + key.chain().size());
		PadesSigner signer = new PadesSigner(key,
				TimestampClient.inProcess(new DevTimestampAuthority(pki.tsaKey(), Clock.systemUTC())), Clock.systemUTC());
		Files.write(Path.of(args[5]), signer.sign(Files.readAllBytes(Path.of(args[4])),
				new SealDetails("東雲野市長", "住民票の写しの電子交付", "東雲野市")));
		System.out.println("sealed");
	}
}
