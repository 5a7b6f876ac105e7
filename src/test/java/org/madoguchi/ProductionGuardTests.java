package org.madoguchi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Production mode refuses to start with the development key, demo accounts or an embedded database. */
class ProductionGuardTests {

	@Test
	void refusesDevelopmentSecretsAndEmbeddedDatabase() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(MadoguchiApplication.class)
				.web(WebApplicationType.NONE)
				// command-line arguments outrank the test run's system properties
				.run("--spring.profiles.active=prod", "--spring.datasource.url=jdbc:h2:mem:prodguard;DB_CLOSE_DELAY=-1",
						"--spring.datasource.username=sa",
						"--madoguchi.register.my-number-key=ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcHJvZC11c2U=", totpKey(),
						ledgerSigningKey(), ledgerCommitmentKey())
				.close())
			.rootCause()
			.hasMessageContaining("Refusing to start in production mode")
			.hasMessageContaining("development key")
			.hasMessageContaining("PostgreSQL");
	}

	@Test
	void refusesAMissingKey() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(MadoguchiApplication.class)
				.web(WebApplicationType.NONE)
				.run("--spring.profiles.active=prod", "--spring.datasource.url=jdbc:h2:mem:prodguard2;DB_CLOSE_DELAY=-1",
						"--spring.datasource.username=sa", "--madoguchi.register.my-number-key=", totpKey(),
						ledgerSigningKey(), ledgerCommitmentKey())
				.close())
			.hasStackTraceContaining("my-number-key");
	}

	/** The transparency log's keys, so that the guards checked here are the ones that answer. */
	static String ledgerSigningKey() {
		return "--madoguchi.ledger.signing-key=" + org.madoguchi.ledger.LedgerTestKeys.signingKey("madoguchi.example/shinonome/log");
	}

	static String ledgerCommitmentKey() {
		return "--madoguchi.ledger.commitment-key=" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
	}

	/** A key of the residents' second factor, so that the guards checked here are the ones that answer. */
	static String totpKey() {
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		return "--madoguchi.accounts.totp-key=" + java.util.Base64.getEncoder().encodeToString(key);
	}
}
