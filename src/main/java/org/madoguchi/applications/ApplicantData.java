package org.madoguchi.applications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.madoguchi.accounts.ResidentAccount;
import org.madoguchi.accounts.ResidentAccounts;
import org.madoguchi.procedures.Answers;
import org.madoguchi.procedures.FieldDefinition;
import org.madoguchi.procedures.HouseholdMember;
import org.madoguchi.procedures.ProcedureDefinition;
import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.ResidentRecord;
import org.madoguchi.registry.ResidentRegister;
import org.springframework.stereotype.Component;

/**
 * What the city already knows about an applicant: prefill values and the household for the member picker.
 * The register is used only when the account is linked to a person in it (at the counter or with a My
 * Number Card); otherwise the account's own profile is the source.
 */
@Component
class ApplicantData {

	private final ResidentAccounts accounts;
	private final ResidentRegister register;

	ApplicantData(ResidentAccounts accounts, ResidentRegister register) {
		this.accounts = accounts;
		this.register = register;
	}

	/** The applicant's household from the register, applicant first; empty when not linked. */
	List<HouseholdMember> household(Applicant applicant) {
		return linked(applicant).stream()
			.map(r -> new HouseholdMember(r.atenaNumber().value(), r.name().full(), r.birthDate().iso()))
			.toList();
	}

	private List<ResidentRecord> linked(Applicant applicant) {
		if (applicant.atenaNumber() == null) {
			return List.of();
		}
		return register.ownHousehold(new AtenaNumber(applicant.atenaNumber()));
	}

	/** Starting answers for the fields that declare a {@code prefill} source. */
	Answers prefill(ProcedureDefinition d, Applicant applicant) {
		if (applicant.kind() != Applicant.Kind.RESIDENT) {
			return Answers.empty();
		}
		boolean wanted = d.fields().anyMatch(f -> f.prefill() != null);
		if (!wanted) {
			return Answers.empty();
		}
		ResidentAccount account = accounts.find(applicant.accountId()).orElse(null);
		List<ResidentRecord> household = linked(applicant);
		ResidentRecord me = household.isEmpty() ? null : household.get(0);
		Map<String, Object> values = new LinkedHashMap<>();
		for (FieldDefinition f : d.fields().toList()) {
			if (f.prefill() == null) {
				continue;
			}
			Object v = switch (f.prefill()) {
				case NAME -> me != null ? me.name().full() : account != null ? account.name() : null;
				case KANA -> me != null ? me.name().fullKana() : account != null ? account.kana() : null;
				case BIRTH_DATE -> me != null && me.birthDate().isCalendarDate() ? me.birthDate().iso()
						: account != null && account.birthDate() != null ? account.birthDate().toString() : null;
				case ADDRESS -> me != null ? address(me.address().postalCode(), me.address().text(), me.address().katagaki())
						: account != null && account.address() != null
								? address(account.postalCode(), account.address(), account.building()) : null;
				case PHONE -> account != null ? account.phone() : null;
				case EMAIL -> account != null ? account.email() : null;
				case HOUSEHOLD_HEAD_NAME -> household.stream()
					.filter(ResidentRecord::isHead)
					.map(r -> r.name().full())
					.findFirst()
					.orElse(null);
			};
			if (v != null) {
				values.put(f.id(), v);
			}
		}
		return Answers.of(values);
	}

	private static Map<String, String> address(String postalCode, String text, String building) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("postalCode", postalCode == null ? "" : postalCode);
		m.put("address", text == null ? "" : text);
		m.put("building", building == null ? "" : building);
		return m;
	}
}
