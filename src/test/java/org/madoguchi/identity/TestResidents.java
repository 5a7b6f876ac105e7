package org.madoguchi.identity;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.madoguchi.citygen.SyntheticCity;
import org.madoguchi.registry.ResidentRecord;
import org.madoguchi.registry.ResidentRegister;
import org.madoguchi.registry.ResidentSearch;
import org.springframework.jdbc.core.JdbcTemplate;

/** Residents of a synthetic city for the card tests (a small city is generated when none is left). */
final class TestResidents {

	private static final String WITHOUT_CARD = "SELECT atena_number FROM resident_record WHERE latest "
			+ "AND status = 'RESIDENT' AND auth_cert_serial IS NULL AND birth_date NOT LIKE '%00%' "
			+ "ORDER BY atena_number DESC";

	private TestResidents() {
	}

	/** A living resident with a complete birth date (a certificate must carry it) and no card yet. */
	static ResidentRecord withoutCard(JdbcTemplate jdbc, SyntheticCity city, ResidentRegister register) {
		List<String> candidates = jdbc.queryForList(WITHOUT_CARD, String.class);
		if (candidates.isEmpty()) {
			city.generate(40, ThreadLocalRandom.current().nextLong(), n -> {
			});
			candidates = jdbc.queryForList(WITHOUT_CARD, String.class);
		}
		for (String atena : candidates) {
			List<ResidentRecord> found = register.search(new ResidentSearch(atena, null, null, null, null, false, 1, 0));
			if (!found.isEmpty()) {
				return found.get(0);
			}
		}
		throw new IllegalStateException("no living resident to issue a card to");
	}
}
