package org.madoguchi.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.madoguchi.registry.ResidentRegister;
import org.madoguchi.registry.ResidentSearch;
import org.madoguchi.procedures.Assurance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The start-dev demo resident, and production refusing to start while one exists. */
@SpringBootTest
class DemoResidentTests {

	@Autowired
	AccountRepository accounts;

	@Autowired
	ResidentRegister register;

	@Autowired
	ResidentPasswords passwords;

	@Autowired
	Clock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ResidentAccounts residentAccounts;

	@Test
	void theDemoResidentIsVerifiedFlaggedLinkedToALivingHeadAndRefusedInProduction() {
		DemoResidentGuard.check(0);
		boolean existed = accounts.findByEmail(DemoResident.EMAIL).isPresent();
		DemoResident runner = new DemoResident(accounts, register, passwords, clock, "");
		try {
			runner.run(null);
			runner.run(null); // a second start keeps the one account
			StoredAccount demo = accounts.findByEmail(DemoResident.EMAIL).orElseThrow();
			assertThat(demo.demo()).isTrue();
			assertThat(passwords.matches(DemoResident.PASSWORD, demo)).isTrue();
			assertThat(residentAccounts.find(demo.id()).orElseThrow().assurance()).isEqualTo(Assurance.ACCOUNT);
			if (!existed && demo.atenaNumber() != null) {
				var person = register.search(new ResidentSearch(demo.atenaNumber(), null, null, null, null, false, 1, 0));
				assertThat(person).singleElement().satisfies(p -> {
					assertThat(p.isHead()).isTrue();
					assertThat(p.isResident()).isTrue();
					assertThat(demo.profile().name()).isEqualTo(p.name().full());
				});
			}
			assertThat(accounts.countDemo()).isPositive();
			assertThatThrownBy(() -> new DemoResidentGuard(accounts).afterPropertiesSet())
				.hasMessageContaining("Refusing to start in production mode").hasMessageContaining(DemoResident.EMAIL);
		}
		finally {
			if (!existed) {
				jdbc.update("DELETE FROM resident_account WHERE email_key = ?", DemoResident.EMAIL);
			}
		}
	}
}
