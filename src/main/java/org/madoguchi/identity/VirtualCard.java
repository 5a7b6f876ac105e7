package org.madoguchi.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A "virtual My Number Card" (仮想マイナンバーカード) for development and tests only: one file holding a
 * 署名用電子証明書 and a 利用者証明用電子証明書 from a {@link TestPki}, each private key encrypted under its PIN, and
 * the PIN retry counters. It imitates the card's PIN rules: 署名用 PIN 6–16 upper-case letters and digits, locked
 * after 5 wrong tries; 利用者証明用 PIN 4 digits, locked after 3; a right PIN resets the counter; a locked slot
 * refuses even the right PIN.
 *
 * <p>Each key: PBKDF2-HMAC-SHA256(PIN, salt) gives 64 bytes; the first 32 are the AES-256-GCM key, the last 32 a PIN
 * check value kept in the file, so a wrong PIN (counted) is told apart from a damaged or altered file (AES-GCM tag
 * fails with the right PIN; not counted). The certificate chain is bound to the key as GCM associated data.
 *
 * <p><b>Not a security device.</b> Whoever can edit the file can reset its counters, and a 4-digit PIN falls to an
 * offline search in seconds; a real card enforces both in hardware. Never use for anything but tests.
 */
final class VirtualCard {

	/** The two PIN-protected functions of the card. */
	enum Slot {
		/** 署名用電子証明書: PIN of 6–16 upper-case letters and digits (英大文字・数字), 5 tries. */
		SIGNING(5, Pattern.compile("[A-Z0-9]{6,16}"), "署名用パスワードは英大文字と数字の6〜16文字です",
				"the signing PIN must be 6-16 upper-case letters A-Z and digits"),
		/** 利用者証明用電子証明書: PIN of 4 digits (数字4桁), 3 tries. */
		AUTHENTICATION(3, Pattern.compile("[0-9]{4}"), "利用者証明用暗証番号は数字4桁です",
				"the authentication PIN must be 4 digits");

		final int maxTries;

		final Pattern format;

		final String formatJa;

		final String formatEn;

		Slot(int maxTries, Pattern format, String formatJa, String formatEn) {
			this.maxTries = maxTries;
			this.format = format;
			this.formatJa = formatJa;
			this.formatEn = formatEn;
		}

		/** Refuses a PIN of the wrong shape before any try is counted (the card application does the same). */
		void checkFormat(String pin) {
			if (pin == null || !format.matcher(pin).matches()) {
				throw new ToolException(formatJa, formatEn);
			}
		}
	}

	/** The file: a format tag, a warning for whoever opens it, and the two slots. */
	record CardFile(String format, String warning, SlotFile signing, SlotFile authentication) {
	}

	/**
	 * One slot as stored (binary values in base64).
	 *
	 * @param chain        the slot's certificate, its CA and the root (DER)
	 * @param salt         PBKDF2 salt
	 * @param iterations   PBKDF2 iterations
	 * @param pinCheck     last 32 bytes of the PBKDF2 output
	 * @param iv           AES-GCM nonce
	 * @param encryptedKey the PKCS#8 private key under AES-256-GCM
	 * @param triesLeft    PIN tries left before the slot locks (0 = locked)
	 */
	record SlotFile(List<String> chain, String salt, int iterations, String pinCheck, String iv, String encryptedKey,
			int triesLeft) {
	}

	static final String FORMAT = "madoguchi-virtual-card/1";

	static final String WARNING = "TEST ONLY - not a My Number Card; for development and tests. "
			+ "テスト専用（本物のマイナンバーカードではありません）。";

	/** PBKDF2 iterations for new cards; stored per slot so that it can change later. */
	static final int ITERATIONS = 100_000;

	private static final int MIN_ITERATIONS = 10_000;

	private static final int MAX_ITERATIONS = 10_000_000;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path file;

	private CardFile card;

	private VirtualCard(Path file, CardFile card) {
		this.file = file;
		this.card = card;
	}

	/** Issues both certificates for the resident and writes a new card file (an existing file is not replaced). */
	static VirtualCard issue(TestPki pki, BasicFourInfo resident, String signingPin, String authenticationPin,
			Path file) {
		Slot.SIGNING.checkFormat(signingPin);
		Slot.AUTHENTICATION.checkFormat(authenticationPin);
		if (Files.exists(file)) {
			throw new ToolException("カードファイル " + file + " は既にあります（上書きしません）",
					"card file " + file + " already exists (not overwritten)");
		}
		CardFile card = new CardFile(FORMAT, WARNING, seal(Slot.SIGNING, pki.issueSigning(resident), signingPin),
				seal(Slot.AUTHENTICATION, pki.issueAuthentication(), authenticationPin));
		VirtualCard virtualCard = new VirtualCard(file, card);
		virtualCard.save();
		return virtualCard;
	}

	/** Reads a card file; a missing, oversized or malformed file is refused. */
	static VirtualCard load(Path file) {
		byte[] bytes = TestPkiDirectory.read(file);
		CardFile card;
		try {
			card = JSON.readValue(bytes, CardFile.class);
		}
		catch (JacksonException ex) {
			throw damaged(file, ex);
		}
		if (card == null || !FORMAT.equals(card.format()) || !complete(card.signing()) || !complete(card.authentication())) {
			throw damaged(file, null);
		}
		return new VirtualCard(file, card);
	}

	private static boolean complete(SlotFile slot) {
		return slot != null && slot.chain() != null && slot.chain().size() == 3 && slot.salt() != null
				&& slot.pinCheck() != null && slot.iv() != null && slot.encryptedKey() != null
				&& slot.iterations() >= MIN_ITERATIONS && slot.iterations() <= MAX_ITERATIONS && slot.triesLeft() >= 0;
	}

	private static ToolException damaged(Path file, Throwable cause) {
		return new ToolException("カードファイル " + file + " が壊れているか、改ざんされています",
				"card file " + file + " is damaged or has been altered", cause);
	}

	/**
	 * Detached CMS signature over the content with the 署名用 key (counts a wrong PIN), CAdES baseline B as
	 * {@link TestSigner} makes it.
	 */
	byte[] sign(byte[] content, String pin) {
		return TestSigner.sign(content, unlock(Slot.SIGNING, pin));
	}

	/** Detached CMS signature over a server challenge with the 利用者証明用 key (counts a wrong PIN). */
	byte[] authenticate(byte[] challenge, String pin) {
		return TestSigner.sign(challenge, unlock(Slot.AUTHENTICATION, pin));
	}

	/** Tries left of a slot (0: locked). */
	int triesLeft(Slot slot) {
		return slotFile(slot).triesLeft();
	}

	/** The certificate of a slot (readable without a PIN, like on the card). */
	X509Certificate certificate(Slot slot) {
		return chain(slotFile(slot)).get(0);
	}

	private TestPki.Credential unlock(Slot slot, String pin) {
		slot.checkFormat(pin);
		SlotFile stored = slotFile(slot);
		if (stored.triesLeft() <= 0) {
			throw new ToolException(slot == Slot.SIGNING ? "署名用電子証明書はロックされています（市区町村の窓口で初期化が必要です）"
					: "利用者証明用電子証明書はロックされています（市区町村の窓口で初期化が必要です）",
					"the " + name(slot) + " certificate is locked after too many wrong PINs");
		}
		try {
			byte[] derived = derive(pin, decode(stored.salt()), stored.iterations());
			if (!MessageDigest.isEqual(Arrays.copyOfRange(derived, 32, 64), decode(stored.pinCheck()))) {
				int left = stored.triesLeft() - 1;
				replace(slot, withTries(stored, left));
				throw new ToolException((slot == Slot.SIGNING ? "署名用パスワード" : "利用者証明用暗証番号") + "が違います（残り " + left + " 回" + (left == 0 ? "、ロックされました" : "") + "）",
						"wrong PIN for the " + name(slot) + " certificate (" + left + " tries left"
								+ (left == 0 ? ", now locked" : "") + ")");
			}
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(derived, 0, 32, "AES"),
					new GCMParameterSpec(128, decode(stored.iv())));
			cipher.updateAAD(associatedData(slot, stored.chain()));
			byte[] pkcs8 = cipher.doFinal(decode(stored.encryptedKey()));
			PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
			List<X509Certificate> chain = chain(stored);
			if (!(key instanceof RSAPrivateCrtKey rsa) || !(chain.get(0).getPublicKey() instanceof RSAPublicKey pub)
					|| !rsa.getModulus().equals(pub.getModulus())) {
				throw damaged(file, null);
			}
			if (stored.triesLeft() < slot.maxTries) {
				replace(slot, withTries(stored, slot.maxTries)); // a right PIN resets the counter, as on the card
			}
			return new TestPki.Credential(chain.get(0), key, chain);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			// AEADBadTagException with the right PIN: key, chain or slot altered; not the holder's mistake, not counted
			throw damaged(file, ex);
		}
	}

	private static String name(Slot slot) {
		return slot == Slot.SIGNING ? "signing" : "authentication";
	}

	private SlotFile slotFile(Slot slot) {
		return slot == Slot.SIGNING ? card.signing() : card.authentication();
	}

	private static SlotFile withTries(SlotFile s, int tries) {
		return new SlotFile(s.chain(), s.salt(), s.iterations(), s.pinCheck(), s.iv(), s.encryptedKey(), tries);
	}

	private void replace(Slot slot, SlotFile updated) {
		card = slot == Slot.SIGNING ? new CardFile(card.format(), card.warning(), updated, card.authentication())
				: new CardFile(card.format(), card.warning(), card.signing(), updated);
		save();
	}

	/** Writes the whole card atomically, so a crash never leaves a card with lost counters or keys. */
	private void save() {
		try {
			TestPkiDirectory.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(card));
		}
		catch (IOException ex) {
			throw new ToolException("カードファイル " + file + " に書き込めません", "cannot write card file " + file + ": " + ex,
					ex);
		}
	}

	private static SlotFile seal(Slot slot, TestPki.Credential credential, String pin) {
		try {
			List<String> chain = new ArrayList<>();
			for (X509Certificate certificate : credential.chain()) {
				chain.add(encode(TestPki.der(certificate)));
			}
			byte[] salt = random(16);
			byte[] iv = random(12);
			byte[] derived = derive(pin, salt, ITERATIONS);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derived, 0, 32, "AES"), new GCMParameterSpec(128, iv));
			cipher.updateAAD(associatedData(slot, chain));
			byte[] encrypted = cipher.doFinal(credential.privateKey().getEncoded());
			return new SlotFile(List.copyOf(chain), encode(salt), ITERATIONS,
					encode(Arrays.copyOfRange(derived, 32, 64)), encode(iv), encode(encrypted), slot.maxTries);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot seal the test key", ex);
		}
	}

	private static byte[] associatedData(Slot slot, List<String> chain) {
		return (FORMAT + "|" + slot.name() + "|" + String.join(",", chain)).getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] derive(String pin, byte[] salt, int iterations) throws GeneralSecurityException {
		PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, 512);
		try {
			return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
		}
		finally {
			spec.clearPassword();
		}
	}

	private List<X509Certificate> chain(SlotFile slot) {
		try {
			CertificateFactory factory = CertificateFactory.getInstance("X.509");
			List<X509Certificate> chain = new ArrayList<>();
			for (String der : slot.chain()) {
				chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(decode(der))));
			}
			return List.copyOf(chain);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw damaged(file, ex);
		}
	}

	private static byte[] random(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static String encode(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static byte[] decode(String base64) {
		return Base64.getDecoder().decode(base64);
	}
}
