package org.madoguchi.procedures;

/**
 * A member of the applicant's household as the HOUSEHOLD_MEMBER picker offers it.
 * {@code birthDate} is ISO {@code yyyy-MM-dd} (or with {@code 00} parts when 不詳).
 */
public record HouseholdMember(String atenaNumber, String name, String birthDate) {
}
