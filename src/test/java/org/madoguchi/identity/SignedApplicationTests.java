package org.madoguchi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madoguchi.applications.Applicant;
import org.madoguchi.applications.Application;
import org.madoguchi.applications.AssuranceRequiredException;
import org.madoguchi.applications.Applications;
import org.madoguchi.applications.PageOutcome;
import org.madoguchi.applications.FormPosts;
import org.madoguchi.citygen.SyntheticCity;
import org.madoguchi.identity.SignedEvidence.MatchMethod;
import org.madoguchi.identity.SignedEvidence.Outcome;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.procedures.Assurance;
import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.CardCertificate;
import org.madoguchi.registry.ResidentRecord;
import org.madoguchi.registry.ResidentRegister;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 住民票の写し needs a My Number Card signature: a resident fills the draft with an account, signs the canonical
 * content with the virtual card of the test PKI, and the signature is verified, matched to the register by the
 * certificate serial and kept with its report. Every refusal names its reason and keeps the draft a draft.
 */
@SpringBootTest
class SignedApplicationTests {

	static final String SIGN_PIN = "SIGN2026";
	static final String AUTH_PIN = "1234";

	@Autowired
	SyntheticCity city;

	@Autowired
	Applications applications;

	@Autowired
	ElectronicSignatures signatures;

	@Autowired
	DevIdentity dev;

	@Autowired
	ConfiguredCrlSource crls;

	@Autowired
	ResidentRegister register;

	@Autowired
	JdbcTemplate jdbc;

	ResidentRecord alice;
	ResidentRecord bob;
	VirtualCard aliceCard;
	VirtualCard bobCard;

	@BeforeEach
	void residentsWithCards() {
		city.generate(40, ThreadLocalRandom.current().nextLong(), n -> {
		});
		List<ResidentRecord> persons = jdbc.queryForList("SELECT atena_number FROM resident_record WHERE latest "
				+ "AND status = 'RESIDENT' ORDER BY processed_at DESC, atena_number LIMIT 20", String.class)
			.stream()
			.map(a -> register.person(new AtenaNumber(a)).record())
			.filter(r -> r.birthDate().isCalendarDate())
			.toList();
		alice = persons.get(0);
		bob = persons.get(1);
		aliceCard = dev.issueCard(alice, SIGN_PIN, AUTH_PIN);
		bobCard = dev.issueCard(bob, SIGN_PIN, AUTH_PIN);
		crls.refresh();
	}

	@Test
	void aSignedRequestIsAcceptedAndTheSignerIsMatchedByTheCertificateSerial() {
		assertThat(register.certificateHolder(CardCertificate.SIGNATURE,
				aliceCard.certificate(VirtualCard.Slot.SIGNING).getSerialNumber(), "test"))
			.map(r -> r.atenaNumber().value())
			.contains(alice.atenaNumber().value());
		Applicant me = resident(alice.atenaNumber().value());
		Application draft = fill(me);
		assertThatThrownBy(() -> applications.submit(draft.id(), me)).as("no submission without the signature")
			.isInstanceOf(AssuranceRequiredException.class);

		byte[] content = applications.signingContent(draft.id(), me);
		assertThat(new String(content, java.nio.charset.StandardCharsets.UTF_8)).startsWith("{\"answers\":")
			.contains("\"format\":\"madoguchi-application/1\"")
			.contains(draft.id().toString());
		Application submitted = applications.submitSigned(draft.id(), me, aliceCard.sign(content, SIGN_PIN));

		assertThat(submitted.status()).isEqualTo("SUBMITTED");
		assertThat(submitted.atenaNumber()).isEqualTo(alice.atenaNumber().value());
		SignedEvidence kept = signatures.accepted(draft.id()).orElseThrow();
		assertThat(kept.signerAtena()).isEqualTo(alice.atenaNumber().value());
		assertThat(kept.matchMethod()).isEqualTo(MatchMethod.CERTIFICATE_SERIAL);
		assertThat(kept.report().signer().name()).isEqualTo(alice.name().full());
		assertThat(kept.report().chainSubjects()).hasSize(3);
		assertThat(kept.report().crls()).isNotEmpty();
		// what was signed and the CMS are kept, and the CRL consulted with them
		byte[][] material = signatures.material(kept.id()).orElseThrow();
		assertThat(material[0]).isEqualTo(content);
		assertThat(jdbc.queryForObject("SELECT crl_sha256 FROM signature_evidence WHERE id = ?", String.class, kept.id()))
			.matches("[0-9a-f]{64}( [0-9a-f]{64})*");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM identity_crl", Integer.class)).isPositive();
	}

	@Test
	void anAccountNotLinkedYetTakesTheSignersAtenaNumber() {
		Applicant unlinked = resident(null);
		Application draft = fill(unlinked);
		Application submitted = applications.submitSigned(draft.id(), unlinked,
				bobCard.sign(applications.signingContent(draft.id(), unlinked), SIGN_PIN));
		assertThat(submitted.atenaNumber()).isEqualTo(bob.atenaNumber().value());
	}

	@Test
	void refusalsNameTheReasonKeepTheDraftAndAreKeptAsEvidence() {
		Applicant me = resident(alice.atenaNumber().value());
		Application draft = fill(me);
		byte[] content = applications.signingContent(draft.id(), me);

		byte[] otherBytes = java.util.Arrays.copyOf(content, content.length + 1);
		otherBytes[content.length] = ' ';
		assertRefused(draft, me, aliceCard.sign(otherBytes, SIGN_PIN), "identity.signature.SIGNATURE_MISMATCH");
		assertRefused(draft, me, aliceCard.authenticate(content, AUTH_PIN), "identity.signature.WRONG_CERTIFICATE_TYPE");
		assertRefused(draft, me, bobCard.sign(content, SIGN_PIN), "identity.outcome.SIGNER_NOT_APPLICANT");
		assertRefused(draft, me, new byte[] { 0x30, 0x03, 0x02, 0x01 }, "identity.signature.MALFORMED");

		// the form changed after signing: the old signature no longer covers it
		byte[] signedBefore = aliceCard.sign(content, SIGN_PIN);
		applications.savePage(draft.id(), me, "delivery", FormPosts.params("f.deliveryMethod", "post"), List.of(), null, true);
		assertRefused(draft, me, signedBefore, "identity.signature.SIGNATURE_MISMATCH");

		assertThat(signatures.evidence(draft.id())).hasSize(5).noneMatch(SignedEvidence::accepted);
	}

	@Test
	void aSignerWhoIsNotInTheRegisterIsRefused(@TempDir Path dir) {
		VirtualCard stranger = VirtualCard.issue(dev.pki(),
				new BasicFourInfo("見知 らぬ", "東京都千代田区霞が関一丁目1番1号", LocalDate.of(1980, 1, 1), "女"), SIGN_PIN,
				AUTH_PIN, dir.resolve("stranger.card.json"));
		Applicant unlinked = resident(null);
		Application draft = fill(unlinked);
		assertRefused(draft, unlinked, stranger.sign(applications.signingContent(draft.id(), unlinked), SIGN_PIN),
				"identity.outcome.SIGNER_NOT_IN_REGISTER");
	}

	@Test
	void aKeptSignatureChecksAgainFromWhatWasKeptEvenAfterRevocationButNotAfterTampering() {
		Applicant me = resident(alice.atenaNumber().value());
		Application draft = fill(me);
		applications.submitSigned(draft.id(), me,
				aliceCard.sign(applications.signingContent(draft.id(), me), SIGN_PIN));
		SignedEvidence kept = signatures.accepted(draft.id()).orElseThrow();

		// the card is revoked later (a move): the kept CRL still says it was valid when it signed
		dev.revokeSigning(alice.atenaNumber().value());
		crls.refresh();
		assertThat(signatures.recheck(kept.id())).hasValueSatisfying(r -> assertThat(r.valid()).isTrue());

		// someone edits the kept bytes in the database: the check says so
		jdbc.update("UPDATE signature_evidence SET content = ? WHERE id = ?",
				"{\"answers\":{}}".getBytes(java.nio.charset.StandardCharsets.UTF_8), kept.id());
		assertThat(signatures.recheck(kept.id())).hasValueSatisfying(
				r -> assertThat(r.reason()).isEqualTo(SignatureReport.Reason.SIGNATURE_MISMATCH));
	}

	@Test
	void afterTheSigningCertificateIsRevokedANewSignatureIsRefused() {
		Applicant me = resident(alice.atenaNumber().value());
		Application draft = fill(me);
		byte[] content = applications.signingContent(draft.id(), me);
		dev.revokeSigning(alice.atenaNumber().value());
		crls.refresh();
		assertRefused(draft, me, aliceCard.sign(content, SIGN_PIN), "identity.signature.REVOKED");
	}

	private void assertRefused(Application draft, Applicant me, byte[] signature, String reason) {
		assertThatThrownBy(() -> applications.submitSigned(draft.id(), me, signature))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
				.singleElement()
				.satisfies(f -> {
					assertThat(f.field()).isEqualTo("signature");
					assertThat(f.code()).isEqualTo(reason);
				}));
		assertThat(applications.view(draft.id(), me).application().isDraft()).isTrue();
	}

	static Applicant resident(String atena) {
		return new Applicant(Applicant.Kind.RESIDENT, UUID.randomUUID(), null, null, "東雲 花子", "hanako@example.jp", "ja",
				Assurance.ACCOUNT, atena);
	}

	Application fill(Applicant me) {
		return new Filler(applications).juminhyo(me);
	}

	/** Fills drafts the way a resident's form posts would. */
	record Filler(Applications applications) {

	/** 住民票の写し for counter pick-up, one copy, ready for the check page. */
	Application juminhyo(Applicant me) {
		Application draft = applications.start("juminhyo-copy", me);
		PageOutcome p1 = applications.savePage(draft.id(), me, "applicant", FormPosts.applicantPage(), List.of(), null,
				true);
		assertThat(p1.errors()).isEmpty();
		PageOutcome p2 = applications.savePage(draft.id(), me, "certificate",
				FormPosts.params("f.scope", "whole", "f.copies", "1", "f.purpose", "license"), List.of(), null, true);
		assertThat(p2.errors()).isEmpty();
		PageOutcome p3 = applications.savePage(draft.id(), me, "delivery", FormPosts.params("f.deliveryMethod", "counter"),
				List.of(), null, true);
		assertThat(p3.errors()).isEmpty();
		assertThat(applications.check(draft.id(), me)).isEmpty();
		return p3.application();
	}
	}
}
