package org.madoguchi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.madoguchi.identity.SignatureReport.Reason;
import org.madoguchi.identity.SignatureReport.Verdict;
import org.madoguchi.identity.VirtualCard.Slot;

/**
 * The development tools {@code test-pki} and {@code virtual-card} end to end through {@link IdentityTools#run}:
 * real files, real RSA keys, PBKDF2/AES-GCM and CMS, verified by the production {@link SignatureVerifier}.
 */
class VirtualCardTests {

	static final String SIGN_PIN = "ABC123";

	static final String AUTH_PIN = "1234";

	@TempDir
	static Path pkiDir;

	@TempDir
	Path work;

	@BeforeAll
	static void testPki() {
		Result result = run("test-pki", "--dir", pkiDir.toString());
		assertThat(result.status()).as(result.err()).isZero();
	}

	record Result(int status, String out, String err) {
	}

	static Result run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = IdentityTools.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	Path issue() {
		Path card = work.resolve("card-" + System.nanoTime() + ".json");
		Result result = run("virtual-card", "issue", "--dir", pkiDir.toString(), "--name", "東雲 太郎", "--address",
				"東雲野市本町一丁目2番3号", "--birth", "1985-07-15", "--gender", "1", "--sign-pin", SIGN_PIN, "--auth-pin",
				AUTH_PIN, "--out", card.toString());
		assertThat(result.status()).as(result.err()).isZero();
		return card;
	}

	Path submission() throws Exception {
		Path in = work.resolve("submission.json");
		Files.writeString(in, "{ \"procedure\": \"転入届\", \"applicant\": {\"name\": \"東雲 太郎\"}, \"n\": 1.0 }");
		return in;
	}

	Result sign(Path card, String pin, Path out) throws Exception {
		return run("virtual-card", "sign", "--card", card.toString(), "--pin", pin, "--in", submission().toString(),
				"--out", out.toString());
	}

	Result auth(Path card, String pin) {
		return run("virtual-card", "auth", "--card", card.toString(), "--pin", pin, "--challenge",
				"00112233445566778899aabbccddeeff", "--out", work.resolve("resp.der").toString());
	}

	SignatureReport verify(Path signature) throws Exception {
		SignatureVerifier verifier = new SignatureVerifier(List.of(TestPkiDirectory.root(pkiDir)),
				TestPkiDirectory.intermediates(pkiDir),
				InMemoryCrlSource.fromDirectory(TestPkiDirectory.crlDirectory(pkiDir)), Clock.systemUTC());
		byte[] canonical = Jcs.canonicalize(
				Map.of("procedure", "転入届", "applicant", Map.of("name", "東雲 太郎"), "n", 1));
		return verifier.verify(canonical, Files.readAllBytes(signature));
	}

	@Test
	void testPkiWritesCertificatesTestOnlyKeysAndCrls() throws Exception {
		for (String name : List.of("root-ca", "signing-ca", "auth-ca")) {
			assertThat(pkiDir.resolve(name + ".pem")).content().startsWith("-----BEGIN CERTIFICATE-----");
			assertThat(pkiDir.resolve(name + ".key.pem")).content()
				.startsWith("TEST ONLY")
				.contains("-----BEGIN PRIVATE KEY-----");
			assertThat(Files.size(pkiDir.resolve("crl").resolve(name + ".crl"))).isPositive();
		}
		Result again = run("test-pki", "--dir", pkiDir.toString());
		assertThat(again.status()).isEqualTo(1);
		assertThat(again.err()).contains("既に").contains("already exists");
	}

	@Test
	void signatureFromTheCardVerifiesWithTheSignerFromTheCertificate() throws Exception {
		Path card = issue();
		Path signature = work.resolve("sig.der");
		Result result = sign(card, SIGN_PIN, signature);

		assertThat(result.status()).as(result.err()).isZero();
		SignatureReport report = verify(signature);
		assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.VALID);
		assertThat(report.signer()).isEqualTo(
				new BasicFourInfo("東雲 太郎", "東雲野市本町一丁目2番3号", LocalDate.of(1985, 7, 15), "男"));
		assertThat(report.certificateSerial())
			.isEqualTo(VirtualCard.load(card).certificate(Slot.SIGNING).getSerialNumber());
	}

	@Test
	void afterRevokeANewSignatureIsRefusedAsRevoked() throws Exception {
		Path card = issue();
		Path other = issue();
		Result revoked = run("virtual-card", "revoke", "--dir", pkiDir.toString(), "--card", card.toString());
		assertThat(revoked.status()).as(revoked.err()).isZero();

		Path signature = work.resolve("sig-revoked.der");
		assertThat(sign(card, SIGN_PIN, signature).status()).isZero();
		SignatureReport report = verify(signature);
		assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
		assertThat(report.reason()).isEqualTo(Reason.REVOKED);

		// the CRL keeps earlier revocations and another resident's card stays valid
		Path otherSignature = work.resolve("sig-other.der");
		assertThat(sign(other, SIGN_PIN, otherSignature).status()).isZero();
		assertThat(verify(otherSignature).verdict()).isEqualTo(Verdict.VALID);
	}

	@Test
	void signingLocksAfterFiveWrongPinsPersistedInTheFile() throws Exception {
		Path card = issue();
		Path out = work.resolve("sig.der");
		for (int left = 4; left >= 1; left--) {
			Result wrong = sign(card, "WRONG1", out);
			assertThat(wrong.status()).isEqualTo(1);
			assertThat(wrong.err()).contains("署名用パスワードが違います").contains(left + " tries left");
			assertThat(VirtualCard.load(card).triesLeft(Slot.SIGNING)).isEqualTo(left);
		}
		Result fifth = sign(card, "WRONG1", out);
		assertThat(fifth.err()).contains("now locked");
		Result right = sign(card, SIGN_PIN, out);
		assertThat(right.status()).isEqualTo(1);
		assertThat(right.err()).contains("ロック").contains("locked");
		assertThat(out).doesNotExist();
		assertThat(VirtualCard.load(card).triesLeft(Slot.SIGNING)).isZero();
		// the authentication function is independent
		assertThat(VirtualCard.load(card).triesLeft(Slot.AUTHENTICATION)).isEqualTo(3);
		assertThat(auth(card, AUTH_PIN).status()).isZero();
	}

	@Test
	void aRightPinResetsTheCounter() throws Exception {
		Path card = issue();
		sign(card, "WRONG1", work.resolve("x.der"));
		sign(card, "WRONG1", work.resolve("x.der"));
		assertThat(VirtualCard.load(card).triesLeft(Slot.SIGNING)).isEqualTo(3);
		assertThat(sign(card, SIGN_PIN, work.resolve("sig.der")).status()).isZero();
		assertThat(VirtualCard.load(card).triesLeft(Slot.SIGNING)).isEqualTo(5);
	}

	@Test
	void authenticationLocksAfterThreeWrongPins() throws Exception {
		Path card = issue();
		assertThat(auth(card, "9999").err()).contains("利用者証明用暗証番号が違います").contains("2 tries left");
		assertThat(auth(card, "9999").err()).contains("1 tries left");
		assertThat(auth(card, AUTH_PIN).status()).isZero();
		assertThat(VirtualCard.load(card).triesLeft(Slot.AUTHENTICATION)).isEqualTo(3);
		auth(card, "9999");
		auth(card, "9999");
		assertThat(auth(card, "9999").err()).contains("now locked");
		Result right = auth(card, AUTH_PIN);
		assertThat(right.status()).isEqualTo(1);
		assertThat(right.err()).contains("locked");
		assertThat(VirtualCard.load(card).triesLeft(Slot.AUTHENTICATION)).isZero();
	}

	@Test
	void authenticationResponseIsSignedByTheAuthenticationCertificateNotUsableAsASignature() throws Exception {
		Path card = issue();
		assertThat(auth(card, AUTH_PIN).status()).isZero();
		byte[] response = Files.readAllBytes(work.resolve("resp.der"));
		SignatureVerifier verifier = new SignatureVerifier(List.of(TestPkiDirectory.root(pkiDir)),
				TestPkiDirectory.intermediates(pkiDir),
				InMemoryCrlSource.fromDirectory(TestPkiDirectory.crlDirectory(pkiDir)), Clock.systemUTC());
		SignatureReport report = verifier.verify(java.util.HexFormat.of().parseHex("00112233445566778899aabbccddeeff"),
				response);
		// the signature itself matches; only the certificate type (no nonRepudiation) is refused
		assertThat(report.reason()).isEqualTo(Reason.WRONG_CERTIFICATE_TYPE);
	}

	@Test
	void pinsOfTheWrongShapeAreRefusedWithoutCostingATry() throws Exception {
		Path card = issue();
		Result shortPin = sign(card, "AB12", work.resolve("x.der"));
		assertThat(shortPin.status()).isEqualTo(1);
		assertThat(shortPin.err()).contains("署名用パスワード").contains("6-16");
		assertThat(sign(card, "abc123", work.resolve("x.der")).err()).contains("upper-case");
		assertThat(sign(card, "A".repeat(17), work.resolve("x.der")).err()).contains("6-16");
		assertThat(auth(card, "12345").err()).contains("4 digits");
		assertThat(auth(card, "12a4").err()).contains("利用者証明用暗証番号");
		assertThat(VirtualCard.load(card).triesLeft(Slot.SIGNING)).isEqualTo(5);
		assertThat(VirtualCard.load(card).triesLeft(Slot.AUTHENTICATION)).isEqualTo(3);

		Result issue = run("virtual-card", "issue", "--dir", pkiDir.toString(), "--name", "東雲 次郎", "--address",
				"東雲野市", "--birth", "1990-01-01", "--gender", "1", "--sign-pin", "ABC123", "--auth-pin", "123",
				"--out", work.resolve("new.json").toString());
		assertThat(issue.status()).isEqualTo(1);
		assertThat(issue.err()).contains("4 digits");
		assertThat(work.resolve("new.json")).doesNotExist();
	}

	@Test
	void badIssueInputNamesTheField() {
		Result gender = run("virtual-card", "issue", "--dir", pkiDir.toString(), "--name", "東雲 次郎", "--address",
				"東雲野市", "--birth", "1990-01-01", "--gender", "3", "--sign-pin", "ABC123", "--auth-pin", "1234",
				"--out", work.resolve("new.json").toString());
		assertThat(gender.err()).contains("--gender");
		Result birth = run("virtual-card", "issue", "--dir", pkiDir.toString(), "--name", "東雲 次郎", "--address",
				"東雲野市", "--birth", "1990/01/01", "--gender", "2", "--sign-pin", "ABC123", "--auth-pin", "1234",
				"--out", work.resolve("new.json").toString());
		assertThat(birth.err()).contains("--birth");
		Result missing = run("virtual-card", "issue", "--dir", pkiDir.toString(), "--name", "東雲 次郎");
		assertThat(missing.status()).isEqualTo(2);
		assertThat(missing.err()).contains("--address").contains("missing");
	}

	@Test
	void missingFilesAreNamed() throws Exception {
		Path card = issue();
		Result noCard = sign(work.resolve("nope.json"), SIGN_PIN, work.resolve("x.der"));
		assertThat(noCard.status()).isEqualTo(1);
		assertThat(noCard.err()).contains("nope.json").contains("does not exist");

		Result noInput = run("virtual-card", "sign", "--card", card.toString(), "--pin", SIGN_PIN, "--in",
				work.resolve("missing.json").toString(), "--out", work.resolve("x.der").toString());
		assertThat(noInput.err()).contains("--in").contains("missing.json");

		Result noPki = run("virtual-card", "issue", "--dir", work.resolve("no-pki").toString(), "--name", "東雲 次郎",
				"--address", "東雲野市", "--birth", "1990-01-01", "--gender", "2", "--sign-pin", "ABC123", "--auth-pin",
				"1234", "--out", work.resolve("new.json").toString());
		assertThat(noPki.status()).isEqualTo(1);
		assertThat(noPki.err()).contains("root-ca.pem").contains("does not exist");
	}

	@Test
	void aTamperedCardIsRefusedAndNoTryIsCounted() throws Exception {
		Path card = issue();
		String json = Files.readString(card);
		String encrypted = new tools.jackson.databind.json.JsonMapper().readValue(json, VirtualCard.CardFile.class)
			.signing()
			.encryptedKey();
		char flipped = encrypted.charAt(10) == 'A' ? 'B' : 'A';
		Files.writeString(card, json.replace(encrypted,
				encrypted.substring(0, 10) + flipped + encrypted.substring(11)));

		Result result = sign(card, SIGN_PIN, work.resolve("x.der"));
		assertThat(result.status()).isEqualTo(1);
		assertThat(result.err()).contains("改ざん").contains("damaged or has been altered");
		assertThat(VirtualCard.load(card).triesLeft(Slot.SIGNING)).isEqualTo(5);

		Files.writeString(card, "{not json");
		assertThat(sign(card, SIGN_PIN, work.resolve("x.der")).err()).contains("damaged");
	}

	@Test
	void aCardFromAnotherPkiCannotBeRevokedHere(@TempDir Path otherPki) {
		Path card = issue();
		assertThat(run("test-pki", "--dir", otherPki.toString()).status()).isZero();
		Result result = run("virtual-card", "revoke", "--dir", otherPki.toString(), "--card", card.toString());
		assertThat(result.status()).isEqualTo(1);
		assertThat(result.err()).contains("not issued by the test PKI");
	}
}
