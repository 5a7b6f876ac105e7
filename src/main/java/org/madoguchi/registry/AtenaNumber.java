package org.madoguchi.registry;

/**
 * 宛名番号: the city's internal number for a person, 10 digits of which the last is a modulus-11
 * check digit. Assigned by the register, never reused.
 */
public record AtenaNumber(String value) {

	public static final int LENGTH = 10;

	public AtenaNumber {
		if (!ModulusEleven.isValid(value, LENGTH)) {
			throw new IllegalArgumentException("invalid 宛名番号: " + value);
		}
	}

	public static boolean isValid(String value) {
		return ModulusEleven.isValid(value, LENGTH);
	}

	/** The number for the n-th assigned person. */
	public static AtenaNumber ofSerial(long serial) {
		return new AtenaNumber(ModulusEleven.withCheckDigit(String.format("%09d", serial)));
	}

	@Override
	public String toString() {
		return value;
	}
}
