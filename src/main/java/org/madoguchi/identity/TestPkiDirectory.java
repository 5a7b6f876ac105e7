package org.madoguchi.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.madoguchi.identity.TestPki.Authority;

/**
 * A {@link TestPki} kept as files in one directory, for the development tools ({@code bin/madoguchi test-pki},
 * {@code virtual-card}). TEST MATERIAL ONLY: the CA keys lie unencrypted on disk.
 *
 * <pre>
 * DIR/root-ca.pem, signing-ca.pem, auth-ca.pem              CA certificates (PEM)
 * DIR/root-ca.key.pem, signing-ca.key.pem, auth-ca.key.pem  CA keys (PKCS#8 PEM, marked test-only)
 * DIR/crl/root-ca.crl, signing-ca.crl, auth-ca.crl          current CRLs (DER)
 * </pre>
 *
 * The CRLs sit in their own folder so that {@link InMemoryCrlSource#fromDirectory} reads only CRLs.
 */
final class TestPkiDirectory {

	/** Written before each key; PEM readers (openssl, ours) skip text outside the BEGIN/END lines. */
	static final String KEY_WARNING = "TEST ONLY - Madoguchi test PKI CA key. Never use in production. "
			+ "テスト専用の鍵です。本番環境では絶対に使用しないでください。\n";

	/** Larger files in the directory are refused (a CA certificate or key is ~2 KB, a test CRL a few KB). */
	static final long MAX_FILE_BYTES = 1024 * 1024;

	private static final Map<Authority, String> FILE_NAMES = Map.of(Authority.ROOT, "root-ca", Authority.SIGNING,
			"signing-ca", Authority.AUTHENTICATION, "auth-ca");

	private TestPkiDirectory() {
	}

	/** Creates a new hierarchy and writes it into the directory, which must not already hold one. */
	static TestPki create(Path dir) {
		if (Files.exists(certificateFile(dir, Authority.ROOT))) {
			throw new ToolException("テスト認証局は既に " + dir + " にあります（上書きしません）",
					"a test PKI already exists in " + dir + " (not overwritten)");
		}
		TestPki pki = TestPki.create();
		try {
			Files.createDirectories(dir.resolve("crl"));
			for (Authority authority : Authority.values()) {
				write(certificateFile(dir, authority), TestPki.pem(pki.certificate(authority)).getBytes(StandardCharsets.US_ASCII));
				write(keyFile(dir, authority),
						(KEY_WARNING + pkcs8Pem(pki.privateKey(authority))).getBytes(StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new ToolException("ディレクトリ " + dir + " に書き込めません", "cannot write to " + dir + ": " + ex, ex);
		}
		writeCrls(dir, pki);
		return pki;
	}

	/** Reads the hierarchy back, with its revocations and CRL numbers. */
	static TestPki load(Path dir) {
		Map<Authority, X509Certificate> certificates = new EnumMap<>(Authority.class);
		Map<Authority, PrivateKey> keys = new EnumMap<>(Authority.class);
		Map<Authority, X509CRL> crls = new EnumMap<>(Authority.class);
		for (Authority authority : Authority.values()) {
			certificates.put(authority, readCertificate(certificateFile(dir, authority)));
			keys.put(authority, readKey(keyFile(dir, authority)));
			Path crl = crlFile(dir, authority);
			if (Files.exists(crl)) {
				crls.put(authority, readCrl(crl));
			}
		}
		return TestPki.restore(Clock.systemUTC(), certificates, keys, crls);
	}

	/** Publishes fresh CRLs of all three CAs (atomically per file). */
	static void writeCrls(Path dir, TestPki pki) {
		try {
			Files.createDirectories(dir.resolve("crl"));
			for (Authority authority : Authority.values()) {
				write(crlFile(dir, authority), TestPki.der(pki.crl(authority)));
			}
		}
		catch (IOException ex) {
			throw new ToolException("CRL を " + dir + " に書き込めません", "cannot write CRLs to " + dir + ": " + ex, ex);
		}
	}

	/** The trust anchor (root CA) of the directory. */
	static X509Certificate root(Path dir) {
		return readCertificate(certificateFile(dir, Authority.ROOT));
	}

	/** The two issuing CAs of the directory. */
	static List<X509Certificate> intermediates(Path dir) {
		return List.of(readCertificate(certificateFile(dir, Authority.SIGNING)),
				readCertificate(certificateFile(dir, Authority.AUTHENTICATION)));
	}

	/** The folder holding the CRLs (for {@link InMemoryCrlSource#fromDirectory}). */
	static Path crlDirectory(Path dir) {
		return dir.resolve("crl");
	}

	static Path certificateFile(Path dir, Authority authority) {
		return dir.resolve(FILE_NAMES.get(authority) + ".pem");
	}

	static Path keyFile(Path dir, Authority authority) {
		return dir.resolve(FILE_NAMES.get(authority) + ".key.pem");
	}

	static Path crlFile(Path dir, Authority authority) {
		return crlDirectory(dir).resolve(FILE_NAMES.get(authority) + ".crl");
	}

	/** Writes through a temporary file and a rename, so a reader never sees half a file. */
	static void write(Path file, byte[] content) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		Path temporary = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
		try {
			Files.write(temporary, content);
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/** Reads a file of bounded size; a missing or unreadable file is a ToolException naming it. */
	static byte[] read(Path file) {
		try {
			if (Files.size(file) > MAX_FILE_BYTES) {
				throw new ToolException("ファイル " + file + " が大きすぎます（上限 " + MAX_FILE_BYTES + " バイト）",
						"file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
			}
			return Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			throw new ToolException("ファイル " + file + " がありません", "file " + file + " does not exist", ex);
		}
		catch (IOException ex) {
			throw new ToolException("ファイル " + file + " を読めません", "cannot read " + file + ": " + ex, ex);
		}
	}

	private static X509Certificate readCertificate(Path file) {
		try {
			return (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(read(file)));
		}
		catch (GeneralSecurityException | ClassCastException ex) {
			throw new ToolException("証明書ファイル " + file + " を読めません", "certificate file " + file + " is unreadable", ex);
		}
	}

	private static X509CRL readCrl(Path file) {
		try {
			return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(read(file)));
		}
		catch (GeneralSecurityException | ClassCastException ex) {
			throw new ToolException("CRL ファイル " + file + " を読めません", "CRL file " + file + " is unreadable", ex);
		}
	}

	/** PKCS#8 PEM ("BEGIN PRIVATE KEY"); JcaPEMWriter would write the older PKCS#1 form for an RSA key. */
	static String pkcs8Pem(PrivateKey key) {
		return "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
	}

	private static PrivateKey readKey(Path file) {
		String text = new String(read(file), StandardCharsets.UTF_8);
		int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
		int end = text.indexOf("-----END PRIVATE KEY-----");
		try {
			if (begin < 0 || end < begin) {
				throw new IllegalArgumentException("no PKCS#8 PEM block");
			}
			String base64 = text.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end).replaceAll("\\s", "");
			return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new ToolException("鍵ファイル " + file + " を読めません（PKCS#8 PEM の RSA 鍵が必要です）",
					"key file " + file + " is not an RSA PKCS#8 PEM key", ex);
		}
	}
}
