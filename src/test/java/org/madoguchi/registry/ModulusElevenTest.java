package org.madoguchi.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Modulus-11 check digits (weights 2–7 cycling from the rightmost data digit; remainder 0 or 1 → 0).
 * Every expected digit below was computed by hand, not with the class under test.
 */
class ModulusElevenTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({
			// 9×2+8×3+7×4+6×5+5×6+4×7+3×2+2×3+1×4 = 174; 174 mod 11 = 9; 11 − 9 = 2
			"123456789, 2",
			// 1×2 = 2; 11 − 2 = 9
			"000000001, 9",
			// 5×2 = 10; 11 − 10 = 1
			"000000005, 1",
			// 6×2 = 12; remainder 1 → 0
			"000000006, 0",
			// 4×2 + 1×3 = 11; remainder 0 → 0
			"000000014, 0",
			// the 7th digit from the right weighs 2 again (cycle), not 8: 1×2 = 2 → 9
			"001000000, 9",
			// the 8th weighs 3: 1×3 = 3 → 8
			"010000000, 8",
			// 住民票コード data (10 digits): 0×2+9×3+8×4+7×5+6×6+5×7+4×2+3×3+2×4+1×5 = 195; 195 mod 11 = 8 → 3
			"1234567890, 3" })
	void checkDigitMatchesHandComputation(String data, int expected) {
		assertThat(ModulusEleven.checkDigit(data)).isEqualTo(expected);
		assertThat(ModulusEleven.withCheckDigit(data)).isEqualTo(data + expected);
		assertThat(ModulusEleven.isValid(data + expected, data.length() + 1)).isTrue();
	}

	@Test
	void everyOtherLastDigitIsInvalid() {
		for (int d = 0; d <= 9; d++) {
			assertThat(ModulusEleven.isValid("123456789" + d, 10)).as("last digit %d", d).isEqualTo(d == 2);
		}
	}

	@Test
	void rejectsWrongLengthNonDigitsAndNull() {
		assertThat(ModulusEleven.isValid("1234567892", 11)).isFalse();
		assertThat(ModulusEleven.isValid("123456789", 10)).isFalse();
		assertThat(ModulusEleven.isValid("12345678a2", 10)).isFalse();
		assertThat(ModulusEleven.isValid("１２３４５６７８９2", 10)).as("full-width digits").isFalse();
		assertThat(ModulusEleven.isValid(null, 10)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> ModulusEleven.checkDigit("12a"));
	}

	@Test
	void atenaNumberOfSerialRoundTrip() {
		AtenaNumber a = AtenaNumber.ofSerial(123456789);
		assertThat(a.value()).isEqualTo("1234567892");
		assertThat(new AtenaNumber(a.value())).isEqualTo(a);
		assertThat(AtenaNumber.ofSerial(1).value()).isEqualTo("0000000019");
		assertThat(a.toString()).isEqualTo("1234567892");
		for (long serial : new long[] { 1, 2, 10, 99, 12345, 999_999_999 }) {
			AtenaNumber n = AtenaNumber.ofSerial(serial);
			assertThat(n.value()).hasSize(10).startsWith(String.format("%09d", serial));
			assertThat(AtenaNumber.isValid(n.value())).isTrue();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "1234567890", "1234567893", "0000000010", "123456789", "12345678921", "" })
	void atenaNumberRejectsWrongCheckDigitOrLength(String value) {
		assertThat(AtenaNumber.isValid(value)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new AtenaNumber(value));
	}

	@Test
	void householdNumberOfSerialRoundTrip() {
		// "500000001": 1×2 + 5×4 = 22; remainder 0 → 0
		assertThat(HouseholdNumber.ofSerial(1).value()).isEqualTo("5000000010");
		// "500000002": 2×2 + 5×4 = 24; 24 mod 11 = 2 → 9
		assertThat(HouseholdNumber.ofSerial(2).value()).isEqualTo("5000000029");
		HouseholdNumber h = HouseholdNumber.ofSerial(4711);
		assertThat(h.value()).startsWith("5").hasSize(10);
		assertThat(new HouseholdNumber(h.value())).isEqualTo(h);
	}

	@ParameterizedTest
	@ValueSource(strings = { "5000000011", "5000000020", "500000001", "50000000100" })
	void householdNumberRejectsWrongCheckDigitOrLength(String value) {
		assertThat(HouseholdNumber.isValid(value)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new HouseholdNumber(value));
	}

	@Test
	void residentCodeUsesTheSameRuleOnElevenDigits() {
		assertThat(ResidentCode.isValid("12345678903")).isTrue();
		assertThat(new ResidentCode("12345678903").value()).isEqualTo("12345678903");
		assertThat(ResidentCode.isValid("12345678904")).isFalse();
		assertThat(ResidentCode.isValid("1234567892")).as("10 digits").isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new ResidentCode("12345678900"));
	}
}
