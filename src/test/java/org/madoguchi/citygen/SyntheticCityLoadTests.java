package org.madoguchi.citygen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.ResidentRecord;
import org.madoguchi.registry.ResidentRegister;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Loads a small city through the bulk path (COPY on PostgreSQL, JDBC batches on H2) and reads it back
 * through the register: every value survives the trip.
 */
@SpringBootTest
class SyntheticCityLoadTests {

	@Autowired
	SyntheticCity city;

	@Autowired
	ResidentRegister register;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@WithMockUser(username = "tester", roles = "EXAMINER")
	void aLoadedCityReadsBackThroughTheRegister() {
		long before = jdbc.queryForObject("SELECT COUNT(*) FROM resident", Long.class);
		// a fresh seed each run: the database may keep cities of earlier runs, and one seed always gives the same numbers
		long seed = System.nanoTime();
		SyntheticCity.Result r = city.generate(600, seed, n -> {
		});
		assertThat(r.persons()).isGreaterThanOrEqualTo(600);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resident", Long.class)).isEqualTo(before + r.persons());
		List<String> loaded = jdbc.queryForList("SELECT atena_number FROM resident_record WHERE change_note = ? "
				+ "AND my_number_enc IS NOT NULL AND resident_type = 'JAPANESE' ORDER BY atena_number", String.class,
				"synthetic city seed " + seed);
		assertThat(loaded).isNotEmpty();
		AtenaNumber a = new AtenaNumber(loaded.get(loaded.size() / 2));
		ResidentRecord rec = register.person(a).record();
		assertThat(rec.name().familyKana()).isNotBlank();
		assertThat(rec.address().text()).startsWith("千葉県東雲野市");
		assertThat(rec.historyNumber()).isEqualTo(1);
		assertThat(register.revealMyNumber(a, "test")).hasSize(12);
		assertThat(register.household(rec.householdNumber())).extracting(ResidentRecord::householdNumber)
			.containsOnly(rec.householdNumber());
		long feed = jdbc.queryForObject("SELECT COUNT(*) FROM register_change WHERE atena_number = ?", Long.class, a.value());
		assertThat(feed).isEqualTo(1);
	}
}
