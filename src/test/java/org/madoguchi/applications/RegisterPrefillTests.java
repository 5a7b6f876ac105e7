package org.madoguchi.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.madoguchi.citygen.SyntheticCity;
import org.madoguchi.procedures.Assurance;
import org.madoguchi.procedures.HouseholdMember;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A resident whose account is linked to a person in the register gets the form prefilled from the register,
 * and the household-member picker offers exactly that household; a member number not in it is refused.
 */
@SpringBootTest
class RegisterPrefillTests {

	@Autowired
	SyntheticCity city;

	@Autowired
	Applications applications;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aLinkedResidentsFormIsPrefilledFromTheRegisterAndThePickerOffersTheHousehold() {
		city.generate(60, ThreadLocalRandom.current().nextLong(), n -> {
		});
		// a household of at least two living persons, with its head
		Map<String, Object> head = jdbc.queryForMap("SELECT r.atena_number, r.household_number, r.family_name, r.given_name "
				+ "FROM resident_record r WHERE r.latest AND r.status = 'RESIDENT' AND r.relationship = '世帯主' AND "
				+ "(SELECT COUNT(*) FROM resident_record m WHERE m.latest AND m.status = 'RESIDENT' "
				+ "AND m.household_number = r.household_number) >= 2 ORDER BY r.processed_at DESC, r.atena_number LIMIT 1");
		String atena = (String) head.get("atena_number");
		Applicant linked = new Applicant(Applicant.Kind.RESIDENT, UUID.randomUUID(), null, null, "x", "x@example.jp",
				"ja", Assurance.ACCOUNT, atena);

		Application draft = applications.start("juminhyo-copy", linked);
		assertThat(draft.answers().text("name")).isEqualTo(head.get("family_name") + "　" + head.get("given_name"));
		assertThat(draft.answers().text("birthDate")).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(draft.answers().get("address")).isInstanceOf(Map.class);

		List<HouseholdMember> household = applications.context(draft, applications.procedureOf(draft).definition(), linked)
			.household();
		assertThat(household).hasSizeGreaterThanOrEqualTo(2);
		assertThat(household.get(0).atenaNumber()).isEqualTo(atena);
		String other = household.get(1).atenaNumber();

		PageOutcome chosen = applications.savePage(draft.id(), linked, "certificate",
				Map.of("f.scope", new String[] { "some" }, "f.members", new String[] { other }, "f.copies",
						new String[] { "1" }, "f.purpose", new String[] { "pension" }),
				List.of(), null, true);
		assertThat(chosen.errors()).isEmpty();
		assertThat(chosen.application().answers().get("members").toString()).contains(other)
			.contains(household.get(1).name());

		PageOutcome tampered = applications.savePage(draft.id(), linked, "certificate",
				Map.of("f.scope", new String[] { "some" }, "f.members", new String[] { "0000000000" }, "f.copies",
						new String[] { "1" }, "f.purpose", new String[] { "pension" }),
				List.of(), null, true);
		assertThat(tampered.errors()).extracting(e -> e.field()).contains("members");
		// reading the register for the prefill is in the access log
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE action = 'READ_HOUSEHOLD' AND subject LIKE ?",
				Integer.class, atena + "%")).isPositive();
	}
}
