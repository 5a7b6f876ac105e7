package org.madoguchi.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Production mode ({@code bin/madoguchi start}) refuses to start with any development identity part: the test PKI
 * and virtual cards (their CA keys lie unencrypted on disk) or the bundled development identity provider; nor with a
 * デジタル認証アプリ issuer that is not https.
 */
@Component
@Profile("prod")
class IdentityProductionGuard implements InitializingBean {

	private final Environment environment;

	IdentityProductionGuard(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		List<String> problems = new ArrayList<>();
		if (!environment.getProperty("madoguchi.identity.dev-directory", "").isBlank()) {
			problems.add("madoguchi.identity.dev-directory is set: the test PKI and virtual cards are for development only");
		}
		if (environment.getProperty("madoguchi.identity.dev-idp.enabled", Boolean.class, false)) {
			problems.add("madoguchi.identity.dev-idp.enabled is true: the development identity provider signs anyone in");
		}
		String issuer = environment.getProperty("madoguchi.identity.digital-auth.issuer", "");
		if (!issuer.isBlank() && !issuer.startsWith("https://")) {
			problems.add("madoguchi.identity.digital-auth.issuer is not https: ID tokens and codes would travel in clear");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Refusing to start in production mode:\n - " + String.join("\n - ", problems));
		}
	}
}
