package org.madoguchi.registry;

/**
 * 住民票コード: 11 digits issued through the 住基ネット, the last a modulus-11 check digit
 * (weights 2–7 from the right). Unique across the register.
 */
public record ResidentCode(String value) {

	public static final int LENGTH = 11;

	public ResidentCode {
		if (!isValid(value)) {
			throw new IllegalArgumentException("invalid 住民票コード: " + value);
		}
	}

	public static boolean isValid(String value) {
		return ModulusEleven.isValid(value, LENGTH);
	}

	@Override
	public String toString() {
		return value;
	}
}
