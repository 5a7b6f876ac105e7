package org.madoguchi.registry;

/**
 * A person as a certified copy (住民票の写し) is made from: the latest committed snapshot with the protections in
 * force, and the 個人番号 in clear only when the copy is to show it.
 *
 * @param myNumber the decrypted 個人番号, or null when not asked for (or not registered)
 */
public record CertificateSubject(PersonView person, String myNumber) {

	public ResidentRecord record() {
		return person.record();
	}
}
