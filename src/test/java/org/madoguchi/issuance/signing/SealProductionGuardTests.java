package org.madoguchi.issuance.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What production asks of the seal configuration before it starts. */
class SealProductionGuardTests {

	static SealProperties properties(SealProperties.Key key, String anchor, List<String> crl, String tsa, String dev) {
		return new SealProperties(key, anchor, null, crl, Duration.ofMinutes(15), tsa, Duration.ofSeconds(10), dev);
	}

	static final SealProperties.Pkcs11 NO_HSM = new SealProperties.Pkcs11(null, null, null, null, null);

	@Test
	void nothingConfiguredNamesEveryMissingSetting() {
		List<String> problems = SealProductionGuard
			.problems(properties(new SealProperties.Key("pkcs12", null, null, null, NO_HSM), null, List.of(), null, null));

		assertThat(String.join("\n", problems)).contains("madoguchi.issuance.key.path")
			.contains("MADOGUCHI_ISSUANCE_KEY_PASSWORD")
			.contains("madoguchi.issuance.trust-anchor")
			.contains("madoguchi.issuance.crl")
			.contains("madoguchi.issuance.tsa-url");
	}

	@Test
	void devDirectoryIsRefused() {
		assertThat(SealProductionGuard.problems(properties(new SealProperties.Key("pkcs12", "/k.p12", "pw", null, NO_HSM),
				"/a.pem", List.of("/c.crl"), "https://tsa.example.jp", "data/issuance-dev")))
			.singleElement()
			.asString()
			.contains("dev-directory");
	}

	@Test
	void hsmNeedsModuleSlotAndPin() {
		List<String> problems = SealProductionGuard.problems(properties(
				new SealProperties.Key("pkcs11", null, null, null, NO_HSM), "/a.pem", List.of("/c.crl"),
				"https://tsa.example.jp", null));

		assertThat(String.join("\n", problems)).contains("pkcs11.library").contains("slot").contains("PKCS11_PIN");
	}

	@Test
	void completeConfigurationPasses() {
		assertThat(SealProductionGuard.problems(properties(
				new SealProperties.Key("pkcs11", null, null, null,
						new SealProperties.Pkcs11("/usr/lib/softhsm/libsofthsm2.so", 1L, null, "seal", "0000")),
				"/a.pem", List.of("https://ca.example.jp/ca.crl"), "https://tsa.example.jp", null))).isEmpty();
	}
}
