package org.madoguchi.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class MyNumberCipherTest {

	private static final MyNumber NUMBER = new MyNumber("123456789018");

	private static byte[] key(int fill) {
		byte[] k = new byte[32];
		Arrays.fill(k, (byte) fill);
		return k;
	}

	private final MyNumberCipher cipher = new MyNumberCipher(key(1));

	@Test
	void encryptThenDecryptGivesTheNumberBack() {
		EncryptedMyNumber e = cipher.encrypt(NUMBER);
		assertThat(cipher.decrypt(e)).isEqualTo(NUMBER);
		assertThat(new MyNumberCipher(key(1)).decrypt(e)).as("same key, other instance").isEqualTo(NUMBER);
	}

	@Test
	void ciphertextDoesNotShowTheNumber() {
		EncryptedMyNumber e = cipher.encrypt(NUMBER);
		byte[] raw = Base64.getDecoder().decode(e.ciphertext());
		assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain(NUMBER.value());
		assertThat(e.ciphertext()).doesNotContain(NUMBER.value());
		assertThat(e.hmac()).doesNotContain(NUMBER.value()).matches("[0-9a-f]{64}");
		assertThat(e.toString()).doesNotContain(NUMBER.value());
	}

	@Test
	void twoEncryptionsDifferButShareTheHmac() {
		EncryptedMyNumber a = cipher.encrypt(NUMBER);
		EncryptedMyNumber b = cipher.encrypt(NUMBER);
		assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
		assertThat(a.hmac()).isEqualTo(b.hmac()).isEqualTo(cipher.hmac(NUMBER));
		assertThat(cipher.decrypt(b)).isEqualTo(NUMBER);
	}

	@Test
	void differentNumbersHaveDifferentHmacs() {
		assertThat(cipher.hmac(new MyNumber("987654321093"))).isNotEqualTo(cipher.hmac(NUMBER));
	}

	@Test
	void aWrongKeyFailsToDecrypt() {
		EncryptedMyNumber e = cipher.encrypt(NUMBER);
		MyNumberCipher other = new MyNumberCipher(key(2));
		assertThatIllegalStateException().isThrownBy(() -> other.decrypt(e));
		assertThat(other.hmac(NUMBER)).as("the index is keyed too").isNotEqualTo(cipher.hmac(NUMBER));
	}

	@Test
	void tamperedCiphertextFailsToDecrypt() {
		EncryptedMyNumber e = cipher.encrypt(NUMBER);
		byte[] raw = Base64.getDecoder().decode(e.ciphertext());
		raw[raw.length - 1] ^= 1;
		EncryptedMyNumber tampered = new EncryptedMyNumber(Base64.getEncoder().encodeToString(raw), e.hmac());
		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(tampered));
	}

	@Test
	void keyMustBeThirtyTwoBytes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MyNumberCipher(new byte[16]));
		assertThatIllegalArgumentException().isThrownBy(() -> new MyNumberCipher(new byte[31]));
	}

	@Test
	void theDevelopmentKeyIsUsable() {
		MyNumberCipher dev = new MyNumberCipher(Base64.getDecoder().decode(RegisterProperties.DEVELOPMENT_KEY));
		assertThat(dev.decrypt(dev.encrypt(NUMBER))).isEqualTo(NUMBER);
	}
}
