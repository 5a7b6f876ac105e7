package org.madoguchi.registry.web;

import java.time.Instant;
import java.time.LocalDate;

import org.madoguchi.registry.Qualifications;
import org.madoguchi.registry.ResidentRecord;

/**
 * The API's view of a snapshot. The 個人番号 is never included: {@code myNumberRegistered} says whether
 * there is one, and the reveal endpoint (審査/管理者, logged) returns it.
 */
public record ResidentJson(String atenaNumber, int historyNumber, String householdNumber, String relationship,
		int memberOrder, String status, String type, String familyName, String givenName, String familyNameKana,
		String givenNameKana, boolean kanaConfirmed, String formerFamilyName, String formerFamilyNameKana,
		String aliasName, String aliasNameKana, String alphabetName, String birthDate, String birthDateJapanese,
		String gender, String honseki, String hittousha, String nationality, String foreignCategory,
		String residenceStatus, String residencePeriod, LocalDate residenceExpiry, String residenceCardNumber,
		LocalDate becameResidentDate, String townCode, String address, String addressKatagaki, String postalCode,
		LocalDate addressFixedDate, String previousAddress, String destinationAddress, String residentCode,
		boolean myNumberRegistered, boolean voterRegistered, Qualifications qualifications, String removalReason, LocalDate removalDate,
		String changeReason, String changeReasonJapanese, LocalDate changeDate, LocalDate notifiedDate,
		Instant processedAt, String processedBy, String changeNote) {

	public static ResidentJson of(ResidentRecord r) {
		var n = r.name();
		var f = r.familyRegister();
		var x = r.foreign();
		var a = r.address();
		return new ResidentJson(r.atenaNumber().value(), r.historyNumber(), r.householdNumber().value(), r.relationship(),
				r.memberOrder(), r.status().name(), r.type().name(), n.family(), n.given(), n.familyKana(), n.givenKana(),
				n.kanaConfirmed(), n.formerFamily(), n.formerFamilyKana(), n.alias(), n.aliasKana(), n.alphabetName(),
				r.birthDate().iso(), r.birthDate().japanese(), r.gender().name(), f == null ? null : f.honseki(),
				f == null ? null : f.hittousha(), x == null ? null : x.nationality(), x == null ? null : x.category(),
				x == null ? null : x.status(), x == null ? null : x.period(), x == null ? null : x.expiry(),
				x == null ? null : x.cardNumber(), r.becameResidentDate(), a.townCode(), a.text(), a.katagaki(),
				a.postalCode(), r.addressFixedDate(), r.previousAddress(), r.destinationAddress(), r.residentCode(),
				r.hasMyNumber(), r.voterRegistered(), r.qualifications(), r.removalReason() == null ? null : r.removalReason().name(),
				r.removalDate(), r.changeReason().name(), r.changeReason().japanese(), r.changeDate(), r.notifiedDate(),
				r.processedAt(), r.processedBy(), r.changeNote());
	}
}
