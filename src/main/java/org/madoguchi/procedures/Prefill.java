package org.madoguchi.procedures;

/**
 * Where a field's starting value comes from for a signed-in resident. Register values are only used
 * when the resident's account is linked to a person in the register (by JPKI or at the counter);
 * otherwise the account's own profile is used where it has the value.
 */
public enum Prefill {
	NAME, KANA, BIRTH_DATE, ADDRESS, PHONE, EMAIL, HOUSEHOLD_HEAD_NAME
}
