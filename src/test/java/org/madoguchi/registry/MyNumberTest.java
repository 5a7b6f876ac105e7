package org.madoguchi.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 個人番号 check digit per 施行令 第8条: Pn = n-th digit from the right of the 11 data digits,
 * Qn = n + 1 (1 ≤ n ≤ 6) or n − 5 (7 ≤ n ≤ 11); r = Σ Pn×Qn mod 11; check = 0 if r ≤ 1 else 11 − r.
 * The expected digits were computed by hand.
 */
class MyNumberTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({
			// P1..P11 = 1,0,9,8,7,6,5,4,3,2,1; Q = 2,3,4,5,6,7,2,3,4,5,6
			// 2+0+36+40+42+42+10+12+12+10+6 = 212; 212 mod 11 = 3; 11 − 3 = 8
			"12345678901, 8",
			// P = 9,0,1,2,3,4,5,6,7,8,9: 18+0+4+10+18+28+10+18+28+40+54 = 228; mod 11 = 8 → 3
			"98765432109, 3",
			// P7 = 1 weighs Q7 = 2: r = 2 → 9 (a weight of 8 would give 3)
			"00001000000, 9",
			// P11 = 1 weighs Q11 = 6: r = 6 → 5
			"10000000000, 5",
			// 6×2 = 12: r = 1 → 0
			"00000000006, 0",
			// 4×2 + 1×3 = 11: r = 0 → 0
			"00000000014, 0" })
	void checkDigitFollowsTheOfficialRule(String data, int expected) {
		assertThat(MyNumber.checkDigit(data)).isEqualTo(expected);
		assertThat(MyNumber.withCheckDigit(data).value()).isEqualTo(data + expected);
		assertThat(MyNumber.isValid(data + expected)).isTrue();
		assertThat(MyNumber.isValid(data + ((expected + 1) % 10))).isFalse();
	}

	@Test
	void rejectsMalformedNumbers() {
		assertThat(MyNumber.isValid(null)).isFalse();
		assertThat(MyNumber.isValid("12345678901")).as("11 digits").isFalse();
		assertThat(MyNumber.isValid("1234567890188")).as("13 digits").isFalse();
		assertThat(MyNumber.isValid("1234-5678-9018")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new MyNumber("123456789012"));
	}

	@Test
	void maskShowsOnlyTheLastFourDigits() {
		MyNumber n = new MyNumber("123456789018");
		assertThat(n.masked()).isEqualTo("********9018");
		assertThat(n.masked()).doesNotContain("12345678");
		assertThat(n.toString()).isEqualTo(n.masked());
		assertThat(MyNumber.mask("987654321093")).isEqualTo("********1093");
	}

	/**
	 * Found bug: {@code MyNumber.isValid} tests digits with {@link Character#isDigit}, which accepts
	 * full-width (and other Unicode) digits, but then does arithmetic with {@code c - '0'}. Eleven
	 * full-width zeros followed by an ASCII "1" pass, and the cipher later encodes the value as US-ASCII
	 * ("???????????1"), so the stored number cannot be revealed and HMACs of different inputs collide.
	 */
	@Test
	void rejectsFullWidthDigits() {
		assertThat(MyNumber.isValid("０００００００００００1")).isFalse();
		assertThat(MyNumber.isValid("１２３４５６７８９０１８")).isFalse();
	}
}
