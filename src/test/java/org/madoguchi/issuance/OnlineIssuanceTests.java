package org.madoguchi.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.applications.Applicant;
import org.madoguchi.applications.Application;
import org.madoguchi.applications.Applications;
import org.madoguchi.applications.FormPosts;
import org.madoguchi.applications.PageOutcome;
import org.madoguchi.applications.Review;
import org.madoguchi.applications.StaffMember;
import org.madoguchi.citygen.SyntheticCity;
import org.madoguchi.identity.TestCards;
import org.madoguchi.procedures.Assurance;
import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.RegisterChanges;
import org.madoguchi.registry.ResidentRecord;
import org.madoguchi.registry.ResidentRegister;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * 電子交付 through the application platform: a resident signs a request for a 住民票の写し with electronic delivery,
 * an examiner accepts it, the copy is issued in the same step and the application completed; a 支援措置 makes the
 * acceptance itself fail, so nothing is accepted that cannot be delivered.
 */
@SpringBootTest
@WithMockUser(username = "examiner1", roles = "EXAMINER")
class OnlineIssuanceTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	SyntheticCity city;

	@Autowired
	Applications applications;

	@Autowired
	Review review;

	@Autowired
	Issuance issuance;

	@Autowired
	DocumentDownloads downloads;

	@Autowired
	ResidentRegister register;

	@Autowired
	RegisterChanges changes;

	@Autowired
	JdbcTemplate jdbc;

	ResidentRecord resident;

	@BeforeEach
	void aResidentWithACard() {
		city.generate(20, ThreadLocalRandom.current().nextLong(), n -> {
		});
		resident = jdbc.queryForList("SELECT atena_number FROM resident_record WHERE latest AND status = 'RESIDENT' "
				+ "AND birth_date NOT LIKE '%00%' ORDER BY processed_at DESC, atena_number DESC LIMIT 10", String.class)
			.stream()
			.map(a -> register.person(new AtenaNumber(a)).record())
			.filter(r -> r.birthDate().isCalendarDate() && !register.person(r.atenaNumber()).underSupportMeasure()
					&& !register.person(r.atenaNumber()).issuanceSuppressed())
			.findFirst()
			.orElseThrow();
	}

	@Test
	void acceptingAnElectronicRequestIssuesTheCopyAndCompletesTheApplication() {
		Applicant me = applicant();
		Application submitted = signedRequest(me, "electronic");
		Application accepted = accept(submitted);

		assertThat(accepted.status()).isEqualTo("ACCEPTED");
		Application done = review.open(submitted.id(), examiner()).application();
		assertThat(done.status()).isEqualTo("COMPLETED");
		List<IssuedDocument> issued = issuance.ofApplication(submitted.id());
		assertThat(issued).singleElement().satisfies(d -> {
			assertThat(d.channel()).isEqualTo(IssueChannel.ONLINE);
			assertThat(d.accountId()).isEqualTo(me.accountId());
			assertThat(d.requesterRelation()).isEqualTo(RequesterRelation.SELF);
			assertThat(d.issuedBy()).isEqualTo("examiner1");
		});
		String token = downloads.newLink(issued.get(0).id(), me.accountId());
		assertThat(downloads.download(token, me.accountId()).pdf()).startsWith("%PDF".getBytes());
	}

	@Test
	void counterDeliveryIsNotIssuedElectronically() {
		Application submitted = signedRequest(applicant(), "counter");
		accept(submitted);
		assertThat(issuance.ofApplication(submitted.id())).isEmpty();
		assertThat(review.open(submitted.id(), examiner()).application().status()).isEqualTo("ACCEPTED");
	}

	@Test
	void aSupportMeasureMakesTheAcceptanceFailWithTheReason() {
		Application submitted = signedRequest(applicant(), "electronic");
		changes.addSupportMeasure(resident.atenaNumber(), "DV", java.time.LocalDate.now(), "test");
		assertThatThrownBy(() -> accept(submitted)).isInstanceOf(IssuanceRefusedException.class)
			.extracting(e -> ((IssuanceRefusedException) e).code())
			.isEqualTo("issuance.refused.supportMeasure");
		assertThat(review.open(submitted.id(), examiner()).application().status()).isIn("SUBMITTED", "IN_REVIEW");
		assertThat(issuance.ofApplication(submitted.id())).isEmpty();
	}

	private Applicant applicant() {
		return new Applicant(Applicant.Kind.RESIDENT, UUID.randomUUID(), null, null, resident.name().full(),
				"jumin@example.jp", "ja", Assurance.ACCOUNT, resident.atenaNumber().value());
	}

	private Application signedRequest(Applicant me, String delivery) {
		Application draft = applications.start("juminhyo-copy", me);
		PageOutcome p1 = applications.savePage(draft.id(), me, "applicant", FormPosts.applicantPage(), List.of(), null,
				true);
		assertThat(p1.errors()).isEmpty();
		PageOutcome p2 = applications.savePage(draft.id(), me, "certificate",
				FormPosts.params("f.scope", "some", "f.members", resident.atenaNumber().value(), "f.copies", "1",
						"f.purpose", "license"),
				List.of(), null, true);
		assertThat(p2.errors()).isEmpty();
		PageOutcome p3 = applications.savePage(draft.id(), me, "delivery", FormPosts.params("f.deliveryMethod", delivery),
				List.of(), null, true);
		assertThat(p3.errors()).isEmpty();
		TestCards.Card card = TestCards.in(context).issue(resident.atenaNumber().value());
		return applications.submitSigned(draft.id(), me, card.sign(applications.signingContent(draft.id(), me)));
	}

	private Application accept(Application submitted) {
		Application current = review.open(submitted.id(), examiner()).application();
		return review.approve(submitted.id(), current.rowVersion(), null, examiner());
	}

	private static StaffMember examiner() {
		return StaffMember.current();
	}
}
