package org.madoguchi.ledger;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Production mode refuses to start without the log's keys from the environment, or with the development key file
 * (a key generated on disk is no city's signing key).
 */
@Component
@Profile("prod")
class LedgerProductionGuard implements InitializingBean {

	private final Environment environment;

	LedgerProductionGuard(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		List<String> problems = new ArrayList<>();
		if (!environment.getProperty("madoguchi.ledger.dev-key-file", "").isBlank()) {
			problems.add("madoguchi.ledger.dev-key-file is set: a generated checkpoint key is for development only");
		}
		if (environment.getProperty("madoguchi.ledger.signing-key", "").isBlank()) {
			problems.add("MADOGUCHI_LEDGER_SIGNING_KEY is not set: the transparency log cannot sign checkpoints");
		}
		if (environment.getProperty("madoguchi.ledger.commitment-key", "").isBlank()) {
			problems.add("MADOGUCHI_LEDGER_COMMITMENT_KEY is not set: log entries would have no secret commitment key");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Refusing to start in production mode:\n - " + String.join("\n - ", problems));
		}
	}
}
