package org.madoguchi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.madoguchi.identity.SignatureReport.Reason;
import org.madoguchi.identity.TestPki.Authority;

/**
 * Signatures cross-checked with OpenSSL in both directions, so that neither side only agrees with itself.
 * Skipped where /usr/bin/openssl is absent.
 */
class OpensslInteropTests {

	static final Path OPENSSL = Path.of("/usr/bin/openssl");

	static TestPki pki;

	static TestPki.Credential resident;

	@TempDir
	Path dir;

	@BeforeAll
	static void pki() {
		assumeTrue(Files.isExecutable(OPENSSL), "openssl not installed");
		pki = TestPki.create();
		resident = pki.issueSigning(SignatureVerifierTests.RESIDENT);
	}

	@Test
	void opensslSignatureVerifiesHere() throws Exception {
		Path content = Files.write(dir.resolve("content"), SignatureVerifierTests.CONTENT);
		Path cert = Files.writeString(dir.resolve("cert.pem"), resident.certificatePem());
		Path key = Files.writeString(dir.resolve("key.pem"), resident.privateKeyPem());
		Path sig = dir.resolve("sig.der");

		Run run = openssl("cms", "-sign", "-binary", "-in", content.toString(), "-signer", cert.toString(), "-inkey",
				key.toString(), "-outform", "DER", "-out", sig.toString());
		assertThat(run.exit()).as(run.output()).isZero();

		SignatureVerifier verifier = new SignatureVerifier(List.of(pki.root()),
				List.of(pki.certificate(Authority.SIGNING)), new InMemoryCrlSource(pki.crls()),
				java.time.Clock.systemUTC());
		SignatureReport report = verifier.verify(SignatureVerifierTests.CONTENT, Files.readAllBytes(sig));
		assertThat(report.reason()).as(report.detail()).isEqualTo(Reason.OK);
		assertThat(report.signer()).isEqualTo(SignatureVerifierTests.RESIDENT);

		byte[] other = "{\"procedure\":\"転出届\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(verifier.verify(other, Files.readAllBytes(sig)).reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
	}

	@Test
	void ourSignatureVerifiesWithOpenssl() throws Exception {
		Path content = Files.write(dir.resolve("content"), SignatureVerifierTests.CONTENT);
		Path sig = Files.write(dir.resolve("sig.der"), TestSigner.sign(SignatureVerifierTests.CONTENT, resident));
		Path chain = Files.writeString(dir.resolve("chain.pem"), resident.chainPem());

		Run run = openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", sig.toString(), "-content",
				content.toString(), "-CAfile", chain.toString(), "-purpose", "any", "-out", dir.resolve("out").toString());
		assertThat(run.exit()).as(run.output()).isZero();
		assertThat(run.output()).contains("Verification successful");
		assertThat(Files.readAllBytes(dir.resolve("out"))).isEqualTo(SignatureVerifierTests.CONTENT);

		// And OpenSSL, too, refuses it over other content.
		Path other = Files.writeString(dir.resolve("other"), "{\"procedure\":\"転出届\"}");
		Run bad = openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", sig.toString(), "-content",
				other.toString(), "-CAfile", chain.toString(), "-purpose", "any", "-out", dir.resolve("out2").toString());
		assertThat(bad.exit()).as(bad.output()).isNotZero();
	}

	@Test
	void opensslReadsTheExportedPkcs12AndCrl() throws Exception {
		Path p12 = Files.write(dir.resolve("resident.p12"), resident.pkcs12("changeit".toCharArray()));
		Run run = openssl("pkcs12", "-in", p12.toString(), "-passin", "pass:changeit", "-nokeys", "-info");
		assertThat(run.exit()).as(run.output()).isZero();
		assertThat(run.output()).contains("Madoguchi Test Signing CA");

		pki.revoke(pki.issueSigning(SignatureVerifierTests.RESIDENT).certificate());
		Path crl = Files.write(dir.resolve("signing.crl"), TestPki.der(pki.crl(Authority.SIGNING)));
		Path ca = Files.writeString(dir.resolve("ca.pem"), TestPki.pem(pki.certificate(Authority.SIGNING)));
		Run crlRun = openssl("crl", "-inform", "DER", "-in", crl.toString(), "-noout", "-text", "-CAfile",
				ca.toString());
		assertThat(crlRun.exit()).as(crlRun.output()).isZero();
		assertThat(crlRun.output()).contains("verify OK").contains("Next Update").contains("Serial Number");
	}

	private record Run(int exit, String output) {
	}

	private Run openssl(String... arguments) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>();
		command.add(OPENSSL.toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("openssl did not finish: " + command);
		}
		return new Run(process.exitValue(), output);
	}
}
