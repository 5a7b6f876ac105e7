package org.madoguchi.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Production mode refuses the development identity parts and a デジタル認証アプリ issuer without TLS. */
class IdentityProductionGuardTests {

	@Test
	void theDevelopmentProviderAndAPlainHttpIssuerAreRefused() {
		assertThatThrownBy(() -> guard(new MockEnvironment().withProperty("madoguchi.identity.dev-idp.enabled", "true")))
			.hasMessageContaining("dev-idp.enabled");
		assertThatThrownBy(() -> guard(new MockEnvironment()
			.withProperty("madoguchi.identity.digital-auth.issuer", "http://auth.example.jp")))
			.hasMessageContaining("not https");
	}

	@Test
	void anHttpsIssuerAndNoDevelopmentPartsStart() {
		assertThatCode(() -> guard(new MockEnvironment()
			.withProperty("madoguchi.identity.digital-auth.issuer", "https://auth.example.jp")
			.withProperty("madoguchi.identity.dev-idp.enabled", "false"))).doesNotThrowAnyException();
	}

	static void guard(MockEnvironment environment) {
		new IdentityProductionGuard(environment).afterPropertiesSet();
	}
}
