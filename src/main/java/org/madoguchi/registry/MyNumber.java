package org.madoguchi.registry;

/**
 * 個人番号 (My Number): 12 digits, the last a check digit per the 行政手続における特定の個人を識別するための
 * 番号の利用等に関する法律施行令 第8条 (weights 2–7 then 2–6 from the right, modulus 11).
 * Never logged or printed in clear: {@link #toString()} masks it.
 */
public record MyNumber(String value) {

	public MyNumber {
		if (!isValid(value)) {
			throw new IllegalArgumentException("invalid 個人番号");
		}
	}

	public static boolean isValid(String value) {
		if (value == null || value.length() != 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return false;
		}
		return checkDigit(value.substring(0, 11)) == value.charAt(11) - '0';
	}

	static int checkDigit(String elevenDigits) {
		int sum = 0;
		for (int n = 1; n <= 11; n++) {
			int digit = elevenDigits.charAt(11 - n) - '0';
			int weight = n <= 6 ? n + 1 : n - 5;
			sum += digit * weight;
		}
		int remainder = sum % 11;
		return remainder <= 1 ? 0 : 11 - remainder;
	}

	public static MyNumber withCheckDigit(String elevenDigits) {
		return new MyNumber(elevenDigits + checkDigit(elevenDigits));
	}

	/** The masked form shown to staff who may not see it: only the last four digits. */
	public String masked() {
		return mask(value);
	}

	public static String mask(String value) {
		return "********" + value.substring(8);
	}

	@Override
	public String toString() {
		return masked();
	}
}
