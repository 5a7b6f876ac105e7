package org.madoguchi.accounts;

import java.time.LocalDate;
import java.util.UUID;

import org.madoguchi.procedures.Assurance;

/**
 * A resident's account as other modules see it.
 *
 * @param language {@code ja} or {@code en}, for mail
 * @param atenaNumber the 宛名番号 of the person in the register this account is linked to, or null
 * @param assurance what this account proves: {@link Assurance#ACCOUNT} once the email is verified
 *     (NONE before), JPKI levels once a My Number Card was used
 */
public record ResidentAccount(UUID id, String email, String name, String kana, LocalDate birthDate, String phone,
		String postalCode, String address, String building, String language, boolean emailVerified,
		String atenaNumber, Assurance assurance) {

	ResidentAccount withAssurance(Assurance raised) {
		return new ResidentAccount(id, email, name, kana, birthDate, phone, postalCode, address, building, language,
				emailVerified, atenaNumber, raised);
	}
}
