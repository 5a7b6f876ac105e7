package org.madoguchi.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * The log's two keys: the Ed25519 checkpoint signing key (署名鍵) and the HMAC key of entry commitments (秘匿化鍵).
 * In production both come from the environment; in development they are generated once into
 * {@code madoguchi.ledger.dev-key-file} and its sibling {@code commitment.key}.
 */
final class LedgerKeys {

	static final int COMMITMENT_KEY_BYTES = 32;

	final NoteSigner signer;

	final NoteVerifier verifier;

	private final SecretKeySpec commitmentKey;

	private LedgerKeys(NoteSigner signer, NoteVerifier verifier, byte[] commitmentKey) {
		this.signer = signer;
		this.verifier = verifier;
		this.commitmentKey = new SecretKeySpec(commitmentKey, "HmacSHA256");
	}

	static LedgerKeys load(LedgerProperties properties) {
		String signingKey = properties.signingKey();
		String commitment = properties.commitmentKey();
		if ((signingKey == null || signingKey.isBlank()) && properties.devKeyFile() != null) {
			signingKey = devSigningKey(properties.devKeyFile(), properties.origin());
		}
		if ((commitment == null || commitment.isBlank()) && properties.devKeyFile() != null) {
			commitment = devCommitmentKey(properties.devKeyFile().resolveSibling("commitment.key"));
		}
		if (signingKey == null || signingKey.isBlank()) {
			throw new IllegalStateException("透明性ログの署名鍵がありません (no ledger signing key: set MADOGUCHI_LEDGER_SIGNING_KEY)");
		}
		if (commitment == null || commitment.isBlank()) {
			throw new IllegalStateException("透明性ログの秘匿化鍵がありません (no ledger commitment key: set MADOGUCHI_LEDGER_COMMITMENT_KEY)");
		}
		NoteSigner signer = NoteSigner.parse(signingKey);
		if (!signer.name().equals(properties.origin())) {
			throw new IllegalStateException("署名鍵の名前がログの名前と違います (ledger signing key is named " + signer.name()
					+ " but madoguchi.ledger.origin is " + properties.origin() + ")");
		}
		NoteVerifier verifier = verifierOf(signer);
		if (verifier.keyId() != signer.keyId()) {
			throw new IllegalStateException("署名鍵の鍵IDが鍵に合いません (the key ID in the ledger signing key does not match the key)");
		}
		byte[] hmacKey;
		try {
			hmacKey = Base64.getDecoder().decode(commitment.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("秘匿化鍵がBase64ではありません (ledger commitment key is not base64)");
		}
		if (hmacKey.length < COMMITMENT_KEY_BYTES) {
			throw new IllegalStateException("秘匿化鍵が短すぎます (ledger commitment key must have at least 32 bytes)");
		}
		return new LedgerKeys(signer, verifier, hmacKey);
	}

	/** HMAC-SHA256 of the data under the commitment key. */
	byte[] commitment(byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(commitmentKey);
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 failed", ex);
		}
	}

	/** The Go note private key string of a new Ed25519 key. */
	static String generateSigningKey(String name) {
		try {
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			byte[] pkcs8 = pair.getPrivate().getEncoded();
			byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - NoteKeys.RAW_KEY_SIZE, pkcs8.length);
			NoteVerifier verifier = NoteVerifier.of(name, pair.getPublic());
			return "PRIVATE+KEY+" + name + "+" + NoteKeys.hexId(verifier.keyId()) + "+" + NoteKeys.typedKeyBase64(seed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 is missing", ex);
		}
	}

	/** The verifier of a signer; the JDK cannot derive an Ed25519 public key from a seed, BouncyCastle can. */
	static NoteVerifier verifierOf(NoteSigner signer) {
		PrivateKey key = signer.privateKey();
		byte[] pkcs8 = key.getEncoded();
		byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - NoteKeys.RAW_KEY_SIZE, pkcs8.length);
		byte[] raw = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
		return NoteVerifier.of(signer.name(), NoteKeys.publicKey(raw));
	}

	private static String devSigningKey(Path file, String origin) {
		String existing = readIfExists(file);
		if (existing != null) {
			return existing;
		}
		return write(file, generateSigningKey(origin));
	}

	private static String devCommitmentKey(Path file) {
		String existing = readIfExists(file);
		if (existing != null) {
			return existing;
		}
		byte[] key = new byte[COMMITMENT_KEY_BYTES];
		new SecureRandom().nextBytes(key);
		return write(file, Base64.getEncoder().encodeToString(key));
	}

	private static String readIfExists(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String write(Path file, String value) {
		try {
			Path dir = file.toAbsolutePath().getParent();
			Files.createDirectories(dir);
			Path tmp = Files.createTempFile(dir, ".key", ".tmp");
			try {
				Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the directory's permissions protect the key
			}
			Files.writeString(tmp, value + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
			try {
				// two processes starting at once: the first key written wins, the other reads it
				Files.move(tmp, file);
			}
			catch (java.nio.file.FileAlreadyExistsException ex) {
				Files.deleteIfExists(tmp);
				return Files.readString(file, StandardCharsets.UTF_8).strip();
			}
			return value;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
