package org.madoguchi.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** RFC 6238 arithmetic, RFC 4648 base32, and the encryption of secrets at rest. */
class TotpTests {

	/** RFC 6238 Appendix B: the SHA1 seed. */
	static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void rfc6238AppendixBSha1Vectors() {
		assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(59)), 8)).isEqualTo("94287082");
		assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1111111109)), 8)).isEqualTo("07081804");
		assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1111111111)), 8)).isEqualTo("14050471");
		assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1234567890)), 8)).isEqualTo("89005924");
		assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(2000000000)), 8)).isEqualTo("69279037");
		assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(20000000000L)), 8)).isEqualTo("65353130");
		// 6 digits are the last 6 of the same truncation
		assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(59)), 6)).isEqualTo("287082");
		assertThat(Totp.step(Instant.ofEpochSecond(1111111109))).isEqualTo(0x23523EC);
	}

	@Test
	void aCodeIsAcceptedOneStepEitherSideAndNoFurther() {
		long now = Totp.step(Instant.ofEpochSecond(1234567890));
		for (long d = -1; d <= 1; d++) {
			assertThat(Totp.match(SEED, Totp.code(SEED, now + d, 6), now)).hasValue(now + d);
		}
		assertThat(Totp.match(SEED, Totp.code(SEED, now - 2, 6), now)).isEmpty();
		assertThat(Totp.match(SEED, Totp.code(SEED, now + 2, 6), now)).isEmpty();
		assertThat(Totp.match(SEED, "12345", now)).isEmpty();
		assertThat(Totp.match(SEED, null, now)).isEmpty();
	}

	@Test
	void base32AfterRfc4648() {
		assertThat(Totp.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
		assertThat(Totp.base32("foob".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YQ");
		assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(Totp.base32(SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	}

	@Test
	void secretsAreEncryptedForOneAccountOnly() {
		TotpSecrets secrets = new TotpSecrets(settings(AccountSecurityProperties.DEVELOPMENT_TOTP_KEY));
		UUID a = UUID.randomUUID();
		byte[] secret = secrets.newSecret();
		byte[] stored = secrets.encrypt(a, secret);
		assertThat(stored).hasSize(12 + 20 + 16);
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(new String(secret, StandardCharsets.ISO_8859_1));
		assertThat(secrets.decrypt(a, stored)).isEqualTo(secret);
		assertThat(secrets.encrypt(a, secret)).as("random nonce").isNotEqualTo(stored);
		assertThatThrownBy(() -> secrets.decrypt(UUID.randomUUID(), stored)).isInstanceOf(IllegalStateException.class);
		TotpSecrets other = new TotpSecrets(settings(Base64.getEncoder().encodeToString(new byte[32])));
		assertThatThrownBy(() -> other.decrypt(a, stored)).isInstanceOf(IllegalStateException.class);
		assertThat(secrets.codeHash(a, "abcde12345")).isNotEqualTo(other.codeHash(a, "abcde12345"))
			.isNotEqualTo(secrets.codeHash(UUID.randomUUID(), "abcde12345")).hasSize(64);
	}

	@Test
	void aMissingOrWrongKeyIsRefusedAndProductionNeedsOneOfItsOwn() {
		assertThat(new TotpSecrets(settings("")).configured()).isFalse();
		assertThatThrownBy(() -> new TotpSecrets(settings("")).encrypt(UUID.randomUUID(), new byte[20]))
			.hasMessageContaining("madoguchi.accounts.totp-key");
		assertThatThrownBy(() -> new TotpSecrets(settings("c2hvcnQ="))).hasMessageContaining("32 bytes");
		assertThatThrownBy(() -> AccountsProductionGuard.check("")).hasMessageContaining("MADOGUCHI_ACCOUNTS_TOTP_KEY is not set");
		assertThatThrownBy(() -> AccountsProductionGuard.check(AccountSecurityProperties.DEVELOPMENT_TOTP_KEY))
			.hasMessageContaining("development key");
		AccountsProductionGuard.check(Base64.getEncoder().encodeToString(new byte[32]));
	}

	@Test
	void theQrCodeIsAnSvgDataUriThatReadsBackAsTheUri() throws Exception {
		String uri = QrCodes.svgDataUri("otpauth://totp/Madoguchi:a%40example.jp?secret=MZXW6YTBOI&issuer=Madoguchi");
		assertThat(uri).startsWith("data:image/svg+xml;base64,");
		String svg = new String(Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)), StandardCharsets.UTF_8);
		// version 4 or 5 for this length: 33–37 modules plus 2 × 4 of quiet zone
		assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").contains("h1v1h-1z");
		int size = Integer.parseInt(svg.replaceAll("(?s).*viewBox=\"0 0 (\\d+) .*", "$1"));
		assertThat(size).isBetween(33 + 8, 37 + 8);
		assertThat(decodeQr(svg, size)).isEqualTo("otpauth://totp/Madoguchi:a%40example.jp?secret=MZXW6YTBOI&issuer=Madoguchi");
	}

	/** Draws the SVG's unit squares 4 pixels each and reads the QR code back, as a phone's camera would. */
	private static String decodeQr(String svg, int size) throws Exception {
		int scale = 4;
		int[] pixels = new int[size * scale * size * scale];
		java.util.Arrays.fill(pixels, 0xffffff);
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
		while (m.find()) {
			int x = Integer.parseInt(m.group(1));
			int y = Integer.parseInt(m.group(2));
			for (int dy = 0; dy < scale; dy++) {
				for (int dx = 0; dx < scale; dx++) {
					pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0;
				}
			}
		}
		var source = new com.google.zxing.RGBLuminanceSource(size * scale, size * scale, pixels);
		return new com.google.zxing.qrcode.QRCodeReader()
			.decode(new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(source)))
			.getText();
	}

	static AccountSecurityProperties settings(String key) {
		return new AccountSecurityProperties(Duration.ofMinutes(30), null, key, null, null, null);
	}
}
