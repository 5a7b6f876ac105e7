package org.madoguchi.issuance.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.madoguchi.issuance.signing.PdfSignatureReport.Verdict;

/**
 * The seal key in an HSM: a SoftHSM2 token in a temporary directory, the key imported through SunPKCS11, a PDF
 * sealed through {@link Pkcs11IssuingKey} (in a child JVM that sees the token's configuration) and checked here.
 */
class SoftHsmTests {

	static final String PIN = "1234-test";

	@TempDir
	Path dir;

	@Test
	void sealMadeInsideTheTokenIsValid() throws Exception {
		Path util = NativeTools.require("softhsm2-util");
		Path library = NativeTools.requireFile("libsofthsm2.so", List.of("/usr/lib/softhsm/libsofthsm2.so",
				"/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so", "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
				"/usr/local/lib/softhsm/libsofthsm2.so"));
		Path tokens = Files.createDirectories(dir.resolve("tokens"));
		Path config = Files.writeString(dir.resolve("softhsm2.conf"),
				"directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
		Map<String, String> env = Map.of("SOFTHSM2_CONF", config.toString());

		NativeTools.Run init = NativeTools.run(env, util.toString(), "--init-token", "--free", "--label",
				"madoguchi-seal-test", "--pin", PIN, "--so-pin", "5678-test-so");
		assertThat(init.status()).as(init.output()).isZero();
		Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(init.output());
		assertThat(slot.find()).as(init.output()).isTrue();

		Path pkiDir = dir.resolve("pki");
		DevIssuingPki pki = DevIssuingPki.ensure(pkiDir);
		Path unsigned = Files.write(dir.resolve("unsigned.pdf"), SamplePdfs.certificate(1));
		Path sealed = dir.resolve("sealed.pdf");
		String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		NativeTools.Run child = NativeTools.run(env, javaBin, "-cp", System.getProperty("java.class.path"),
				SoftHsmSealMain.class.getName(), library.toString(), slot.group(1), PIN, pkiDir.toString(),
				unsigned.toString(), sealed.toString());

		assertThat(child.status()).as(child.output()).isZero();
		assertThat(child.output()).contains("provider SunPKCS11-madoguchi-seal").contains("chain 2").contains("sealed");
		PdfSignatureReport report = new PdfSignatureCheck(SealFixture.trust(pki), java.time.Clock.systemUTC())
			.check(Files.readAllBytes(sealed));
		assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.VALID);
		assertThat(report.signerName()).isEqualTo("東雲野市長");
	}

	@Test
	void missingModuleIsAPreciseError() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Pkcs11IssuingKey.load(
				new Pkcs11IssuingKey.Settings(dir.resolve("no-such-module.so").toString(), 0L, null, null, new char[0]),
				List.of()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no-such-module.so");
	}
}
