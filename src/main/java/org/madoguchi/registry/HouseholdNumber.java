package org.madoguchi.registry;

/** 世帯番号: the number of a household, 10 digits with a modulus-11 check digit. */
public record HouseholdNumber(String value) {

	public static final int LENGTH = 10;

	public HouseholdNumber {
		if (!ModulusEleven.isValid(value, LENGTH)) {
			throw new IllegalArgumentException("invalid 世帯番号: " + value);
		}
	}

	public static boolean isValid(String value) {
		return ModulusEleven.isValid(value, LENGTH);
	}

	/** Household numbers start with 5 so that they are never confused with a 宛名番号. */
	public static HouseholdNumber ofSerial(long serial) {
		return new HouseholdNumber(ModulusEleven.withCheckDigit("5" + String.format("%08d", serial)));
	}

	@Override
	public String toString() {
		return value;
	}
}
