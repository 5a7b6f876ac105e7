package org.madoguchi.registry;

/**
 * Modulus-11 check digit with weights 2–7 cycling from the rightmost data digit, as used for
 * 宛名番号, 世帯番号 and 住民票コード.
 *
 * <p>check = 11 − (Σ digit × weight mod 11); a result of 10 or 11 (remainder 0 or 1) gives 0.
 */
public final class ModulusEleven {

	private ModulusEleven() {
	}

	public static int checkDigit(String dataDigits) {
		int sum = 0;
		int weight = 2;
		for (int i = dataDigits.length() - 1; i >= 0; i--) {
			char c = dataDigits.charAt(i);
			if (c < '0' || c > '9') {
				throw new IllegalArgumentException("not a digit: " + c);
			}
			sum += (c - '0') * weight;
			weight = weight == 7 ? 2 : weight + 1;
		}
		int remainder = sum % 11;
		return remainder <= 1 ? 0 : 11 - remainder;
	}

	/** Appends the check digit to the data digits. */
	public static String withCheckDigit(String dataDigits) {
		return dataDigits + checkDigit(dataDigits);
	}

	/** True if {@code number} is all digits, of the given total length, and its last digit checks. */
	public static boolean isValid(String number, int length) {
		if (number == null || number.length() != length || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return false;
		}
		return checkDigit(number.substring(0, length - 1)) == number.charAt(length - 1) - '0';
	}
}
