package org.madoguchi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import org.madoguchi.identity.TestPki.Authority;

/** The verifier exists only with trust anchors, and then reads anchors, CA certificates and a CRL directory. */
class IdentityConfigurationTests {

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(IdentityConfiguration.class);

	@Test
	void noTrustAnchorsNoVerifier() {
		runner.run(context -> assertThat(context).doesNotHaveBean(SignatureVerifier.class));
	}

	@Test
	void configuredFilesGiveAWorkingVerifier(@TempDir Path dir) throws Exception {
		TestPki pki = TestPki.create();
		Path root = Files.writeString(dir.resolve("root.pem"), TestPki.pem(pki.root()));
		Path ca = Files.write(dir.resolve("signing-ca.der"), TestPki.der(pki.certificate(Authority.SIGNING)));
		Path crls = Files.createDirectory(dir.resolve("crl"));
		Files.write(crls.resolve("root.crl"), TestPki.der(pki.crl(Authority.ROOT)));
		Files.write(crls.resolve("signing.crl"), TestPki.der(pki.crl(Authority.SIGNING)));
		TestPki.Credential resident = pki.issueSigning(
				new BasicFourInfo("東雲 花子", "東雲野市本町一丁目2番3号", LocalDate.of(1990, 4, 1), "女"));
		byte[] content = Jcs.canonicalize(Map.of("procedure", "転入届"));

		runner.withPropertyValues("madoguchi.identity.trust-anchors=" + root, "madoguchi.identity.intermediates=" + ca,
				"madoguchi.identity.crl-directory=" + crls, "madoguchi.identity.max-crl-age=P2D")
			.run(context -> {
				SignatureVerifier verifier = context.getBean(SignatureVerifier.class);
				assertThat(verifier.verify(content, TestSigner.sign(content, resident, null)).valid()).isTrue();
			});
	}
}
