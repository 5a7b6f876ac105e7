package org.madoguchi.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.platform.RuleViolationException;
import org.madoguchi.procedures.Assurance;
import org.madoguchi.procedures.ProcedurePublisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The life of an application through the services, on the real database: a resident fills a form page by
 * page and submits; staff take it through a two-step approval; a core system pulls it from the feed.
 */
@SpringBootTest
@RecordApplicationEvents
class ApplicationWorkflowTests {

	@Autowired
	Applications applications;

	@Autowired
	Review review;

	@Autowired
	ApiIntake intake;

	@Autowired
	Linkage linkage;

	@Autowired
	ProcedurePublisher publisher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	static Applicant resident() {
		return new Applicant(Applicant.Kind.RESIDENT, UUID.randomUUID(), null, null, "東雲 花子", "hanako@example.jp", "ja",
				Assurance.ACCOUNT, null);
	}

	static Applicant client(String id) {
		return new Applicant(Applicant.Kind.CLIENT, null, null, id, null, null, "ja", Assurance.ACCOUNT, null);
	}

	static StaffMember staff(String username, String... roles) {
		String[] authorities = new String[roles.length];
		for (int i = 0; i < roles.length; i++) {
			authorities[i] = "ROLE_" + roles[i];
		}
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(username, "x", authorities));
		return StaffMember.current();
	}

	static Map<String, String[]> params(String... pairs) {
		return FormPosts.params(pairs);
	}

	/** Fills the test certificate (a fee per copy, like the 住民票の写し) for counter pick-up, two copies. */
	Application fillCertificate(Applicant me) {
		Application draft = applications.start("test-certificate", me);
		PageOutcome p1 = applications.savePage(draft.id(), me, "applicant", FormPosts.applicantPage(), List.of(), null,
				true);
		assertThat(p1.errors()).isEmpty();
		assertThat(p1.nextPageId()).isEqualTo("certificate");
		PageOutcome p2 = applications.savePage(draft.id(), me, "certificate",
				params("f.scope", "whole", "f.items", "relationship", "f.copies", "２", "f.purpose", "license"), List.of(),
				null, true);
		assertThat(p2.errors()).isEmpty();
		PageOutcome p3 = applications.savePage(draft.id(), me, "delivery", params("f.deliveryMethod", "counter"),
				List.of(), null, true);
		assertThat(p3.errors()).isEmpty();
		assertThat(p3.nextPageId()).as("the last page leads to the check page").isNull();
		return p3.application();
	}

	@Test
	void aResidentFillsPageByPageAndSubmitsAndGetsAReceiptNumberAndAFee() {
		Applicant me = resident();
		Application filled = fillCertificate(me);
		assertThat(filled.answers().get("kana")).isEqualTo("シノノメ　ハナコ").as("hiragana converted");
		assertThat(filled.answers().get("birthDate")).isEqualTo("1985-04-01");
		assertThat(applications.check(filled.id(), me)).isEmpty();

		Application submitted = applications.submit(filled.id(), me);
		assertThat(submitted.receiptNumber()).matches("\\d{4}-\\d{7}");
		assertThat(submitted.status()).isEqualTo("SUBMITTED");
		assertThat(submitted.feeYen()).isEqualTo(600);
		assertThat(submitted.dueAt()).isAfter(submitted.submittedAt());
		assertThat(events.stream(ApplicationStatusChanged.class)
			.filter(e -> e.applicationId().equals(submitted.id()))
			.map(ApplicationStatusChanged::to)).containsExactly(ApplicationStatus.SUBMITTED);
		assertThat(jdbc.queryForObject("SELECT amount_yen FROM payment WHERE reference = ?", Integer.class,
				submitted.id())).isEqualTo(600);
		// submitted: no more editing
		assertThatThrownBy(() -> applications.savePage(submitted.id(), me, "delivery",
				params("f.deliveryMethod", "post"), List.of(), null, true)).isInstanceOf(RuleViolationException.class);
	}

	@Test
	void errorsKeepWhatWasTypedAndAHiddenAnswerIsDropped() {
		Applicant me = resident();
		Application draft = applications.start("test-certificate", me);
		PageOutcome bad = applications.savePage(draft.id(), me, "certificate",
				params("f.scope", "whole", "f.copies", "99", "f.purpose", "other", "f.purposeOther", ""), List.of(),
				null, true);
		assertThat(bad.errors()).extracting(e -> e.field()).contains("copies", "purposeOther");
		assertThat(bad.application().answers().get("copies")).as("saved though wrong").isEqualTo("99");
		// choosing another purpose hides purposeOther; its answer must not survive
		applications.savePage(draft.id(), me, "certificate",
				params("f.scope", "whole", "f.copies", "1", "f.purpose", "other", "f.purposeOther", "ビザ申請"), List.of(),
				null, true);
		PageOutcome changed = applications.savePage(draft.id(), me, "certificate",
				params("f.scope", "whole", "f.copies", "1", "f.purpose", "pension", "f.purposeOther", "ビザ申請"),
				List.of(), null, true);
		assertThat(changed.application().answers().has("purposeOther")).isFalse();
	}

	@Test
	void someoneElsesDraftIsNotFound() {
		Applicant me = resident();
		Application draft = applications.start("test-certificate", me);
		Applicant other = resident();
		assertThatThrownBy(() -> applications.view(draft.id(), other)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> applications.savePage(draft.id(), other, "applicant", params("f.name", "x"), List.of(),
				null, false)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> applications.submit(draft.id(), other)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void aProcedureNeedingMoreAssuranceIsRefused() {
		Applicant unverified = new Applicant(Applicant.Kind.RESIDENT, UUID.randomUUID(), null, null, "x", "x@example.jp",
				"ja", Assurance.NONE, null);
		assertThatThrownBy(() -> applications.start("juminhyo-copy", unverified))
			.isInstanceOf(AssuranceRequiredException.class);
		// 住民票の写し needs a My Number Card signature: an account may fill it in, but not submit it unsigned
		Applicant account = resident();
		Application draft = applications.start("juminhyo-copy", account);
		assertThatThrownBy(() -> applications.submit(draft.id(), account))
			.isInstanceOfSatisfying(AssuranceRequiredException.class,
					e -> assertThat(e.required()).isEqualTo(Assurance.JPKI_SIGNATURE));
		assertThat(applications.view(draft.id(), account).application().status()).isEqualTo("DRAFT");
	}

	static final String TWO_STEP = """
			id: test-two-step-%s
			name: {ja: 二段階決裁の試験, en: Two-step test}
			summary: {ja: 試験用, en: For tests}
			category: OTHER
			assurance: ACCOUNT
			pages:
			  - id: one
			    title: {ja: 内容, en: Content}
			    fields:
			      - id: subject
			        type: TEXT
			        label: {ja: 件名, en: Subject}
			        required: true
			        maxLength: 20
			      - id: detail
			        type: TEXT
			        label: {ja: 詳細, en: Detail}
			        visibleWhen: {field: subject, equals: more}
			workflow:
			  slaDays: 10
			  steps:
			    - {id: review, name: {ja: 審査, en: Review}, role: EXAMINER}
			    - {id: approve, name: {ja: 決裁, en: Approval}, role: APPROVER}
			""";

	@Test
	void twoStepApprovalNeedsTheRightRolesAndTwoPeopleThenFeedsCoreSystems() {
		String id = UUID.randomUUID().toString().substring(0, 8);
		publisher.publish(TWO_STEP.formatted(id), "test");
		String clientId = "core-" + id;
		ApiIntake.Result r = intake.create(client(clientId), "k1", "{a}", new ApiIntake.Request("test-two-step-" + id,
				null, "ja", "東雲 太郎", "taro@example.jp", Map.of("subject", "test"), true));
		Application a = r.application();
		assertThat(a.status()).isEqualTo("SUBMITTED");

		StaffMember counter = staff("counter1", "COUNTER");
		assertThatThrownBy(() -> review.claim(a.id(), a.rowVersion(), counter)).isInstanceOf(AccessDeniedException.class);

		StaffMember examiner = staff("examiner1", "EXAMINER");
		Application claimed = review.claim(a.id(), a.rowVersion(), examiner);
		assertThat(claimed.status()).isEqualTo("IN_REVIEW");
		assertThatThrownBy(() -> review.approve(a.id(), a.rowVersion(), null, examiner))
			.as("a stale row version").isInstanceOf(RuleViolationException.class);
		Application step2 = review.approve(a.id(), claimed.rowVersion(), "確認済み", examiner);
		assertThat(step2.stepIndex()).isEqualTo(1);
		assertThat(step2.status()).isEqualTo("IN_REVIEW");
		assertThatThrownBy(() -> review.approve(a.id(), step2.rowVersion(), null, examiner))
			.as("the approval step needs the APPROVER role").isInstanceOf(AccessDeniedException.class);

		StaffMember admin = staff("examiner1", "ADMIN");
		assertThatThrownBy(() -> review.approve(a.id(), step2.rowVersion(), null, admin))
			.as("not the same person twice").isInstanceOf(RuleViolationException.class);

		long before = linkage.read(clientId, null, null, 500).head();
		StaffMember approver = staff("approver1", "APPROVER");
		Application accepted = review.approve(a.id(), step2.rowVersion(), null, approver);
		assertThat(accepted.status()).isEqualTo("ACCEPTED");
		assertThat(accepted.decidedAt()).isNotNull();

		Linkage.FeedPage page = linkage.read(clientId, before, "test-two-step-" + id, 100);
		assertThat(page.items()).extracting(i -> i.application().id()).containsExactly(a.id());
		// not acknowledged: read again from the acknowledgement, it comes again (at-least-once)
		Linkage.FeedPage again = linkage.read(clientId, null, "test-two-step-" + id, 500);
		assertThat(again.items()).extracting(i -> i.application().id()).contains(a.id());
		linkage.acknowledge(clientId, "test-two-step-" + id, page.nextCursor());
		Linkage.FeedPage afterAck = linkage.read(clientId, null, "test-two-step-" + id, 500);
		assertThat(afterAck.items()).extracting(i -> i.application().id()).doesNotContain(a.id());

		assertThat(review.open(a.id(), approver).timeline()).extracting(TimelineEntry::kind)
			.containsSubsequence("SUBMITTED", "CLAIMED", "STEP_APPROVED", "STEP_APPROVED");
		assertThat(events.stream(ApplicationStatusChanged.class)
			.filter(e -> e.applicationId().equals(a.id()))
			.map(ApplicationStatusChanged::to)).containsExactly(ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW,
					ApplicationStatus.ACCEPTED);
	}

	@Test
	void theApiRefusesUnknownAndHiddenAnswersAndReplaysIdempotently() {
		String id = UUID.randomUUID().toString().substring(0, 8);
		publisher.publish(TWO_STEP.formatted(id), "test");
		Applicant c = client("intake-" + id);
		assertThatThrownBy(() -> intake.create(c, "u1", "{1}", new ApiIntake.Request("test-two-step-" + id, null, "ja",
				"x", null, Map.of("subject", "test", "colour", "red"), true)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(x -> x.field()).contains("colour"));
		assertThatThrownBy(() -> intake.create(c, "u2", "{2}", new ApiIntake.Request("test-two-step-" + id, null, "ja",
				"x", null, Map.of("subject", "test", "detail", "hidden"), true)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(x -> x.field()).contains("detail"));

		ApiIntake.Result first = intake.create(c, "same", "{body}", new ApiIntake.Request("test-two-step-" + id, null,
				"ja", "x", null, Map.of("subject", "test"), true));
		ApiIntake.Result replay = intake.create(c, "same", "{body}", new ApiIntake.Request("test-two-step-" + id, null,
				"ja", "x", null, Map.of("subject", "test"), true));
		assertThat(first.created()).isTrue();
		assertThat(replay.created()).isFalse();
		assertThat(replay.application().id()).isEqualTo(first.application().id());
		assertThatThrownBy(() -> intake.create(c, "same", "{other}", new ApiIntake.Request("test-two-step-" + id, null,
				"ja", "x", null, Map.of("subject", "other"), true))).isInstanceOf(RuleViolationException.class);
		// another client's application is not found
		assertThatThrownBy(() -> intake.get(client("someone-else"), first.application().id()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void aNewVersionDoesNotChangeAnApplicationFiledUnderTheOldOne() {
		String id = UUID.randomUUID().toString().substring(0, 8);
		publisher.publish(TWO_STEP.formatted(id), "test");
		Applicant me = resident();
		Application draft = applications.start("test-two-step-" + id, me);
		publisher.publish(TWO_STEP.formatted(id).replace("maxLength: 20", "maxLength: 3"), "test");
		applications.savePage(draft.id(), me, "one", params("f.subject", "longer than three"), List.of(), null, true);
		Application submitted = applications.submit(draft.id(), me);
		assertThat(submitted.procedureVersion()).isEqualTo(1);
		assertThat(applications.procedureOf(submitted).definition().field("subject").orElseThrow().maxLength())
			.isEqualTo(20);
		// a draft started now uses version 2
		assertThat(applications.start("test-two-step-" + id, me).procedureVersion()).isEqualTo(2);
	}

	@Test
	void returnedForCorrectionTheResidentEditsAndResubmitsUnderTheSameNumber() {
		String id = UUID.randomUUID().toString().substring(0, 8);
		publisher.publish(TWO_STEP.formatted(id), "test");
		Applicant me = resident();
		Application draft = applications.start("test-two-step-" + id, me);
		applications.savePage(draft.id(), me, "one", params("f.subject", "first"), List.of(), null, true);
		Application submitted = applications.submit(draft.id(), me);

		StaffMember examiner = staff("examiner2", "EXAMINER");
		assertThatThrownBy(() -> review.returnForCorrection(submitted.id(), submitted.rowVersion(), " ", examiner))
			.isInstanceOf(InvalidInputException.class);
		Application returned = review.returnForCorrection(submitted.id(), submitted.rowVersion(), "件名を詳しく", examiner);
		assertThat(returned.status()).isEqualTo("RETURNED");
		SecurityContextHolder.clearContext();

		applications.savePage(draft.id(), me, "one", params("f.subject", "second"), List.of(), null, true);
		Application again = applications.submit(draft.id(), me);
		assertThat(again.receiptNumber()).isEqualTo(submitted.receiptNumber());
		assertThat(again.status()).isEqualTo("SUBMITTED");
		assertThat(applications.view(draft.id(), me).timeline()).extracting(TimelineEntry::kind)
			.containsSubsequence("SUBMITTED", "RETURNED", "RESUBMITTED");
		assertThat(applications.view(draft.id(), me).timeline()).extracting(TimelineEntry::kind)
			.as("internal entries are not shown to the applicant").doesNotContain("STARTED");

		StaffMember examiner2 = staff("examiner2", "EXAMINER");
		Application asked = review.requestInfo(again.id(), again.rowVersion(), "連絡先を教えてください", examiner2);
		SecurityContextHolder.clearContext();
		assertThatThrownBy(() -> applications.reply(again.id(), me, "", List.of())).isInstanceOf(InvalidInputException.class);
		Application answered = applications.reply(again.id(), me, "090-0000-0000 です", List.of());
		assertThat(answered.status()).isEqualTo("IN_REVIEW");
		assertThat(asked.status()).isEqualTo("INFO_REQUESTED");
	}

	@Test
	void theCsvExportHasOneColumnPerFieldAndDefusesFormulas() throws Exception {
		String id = UUID.randomUUID().toString().substring(0, 8);
		publisher.publish(TWO_STEP.formatted(id), "test");
		intake.create(client("csv-" + id), "c1", "{c}", new ApiIntake.Request("test-two-step-" + id, null, "ja",
				"=HYPERLINK(\"x\")", null, Map.of("subject", "=1+1"), true));
		staff("admin1", "ADMIN");
		StringWriter out = new StringWriter();
		linkage.exportCsv("test-two-step-" + id, null, out, Locale.JAPANESE);
		String csv = out.toString();
		assertThat(csv.lines().findFirst().orElseThrow()).endsWith("subject,detail");
		assertThat(csv).contains("'=1+1");
		assertThat(csv).doesNotContain(",=1+1");
	}

	@Test
	void aCorrectionChangesTheFeeARejectionCancelsItAndTheApplicantSeesTheDecision() {
		Applicant me = resident();
		Application submitted = applications.submit(fillCertificate(me).id(), me);
		assertThat(jdbc.queryForObject("SELECT amount_yen FROM payment WHERE reference = ?", Integer.class,
				submitted.id())).isEqualTo(600);
		assertThatThrownBy(() -> applications.discardDraft(submitted.id(), me))
			.as("a submitted application is withdrawn, never discarded").isInstanceOf(RuleViolationException.class);

		StaffMember examiner = staff("examiner3", "EXAMINER");
		Application returned = review.returnForCorrection(submitted.id(), submitted.rowVersion(), "通数を確認してください", examiner);
		SecurityContextHolder.clearContext();
		applications.savePage(submitted.id(), me, "certificate",
				params("f.scope", "whole", "f.copies", "3", "f.purpose", "license"), List.of(), null, true);
		Application again = applications.submit(submitted.id(), me);
		assertThat(again.feeYen()).isEqualTo(900);
		assertThat(jdbc.queryForObject("SELECT amount_yen FROM payment WHERE reference = ?", Integer.class,
				again.id())).as("the fee follows the corrected number of copies").isEqualTo(900);

		StaffMember examiner2 = staff("examiner3", "EXAMINER");
		Application asked = review.requestInfo(again.id(), again.rowVersion(), "本人確認書類の種類は？", examiner2);
		assertThatThrownBy(() -> review.requestInfo(again.id(), asked.rowVersion(), "もう一度", examiner2))
			.as("one question at a time").isInstanceOf(RuleViolationException.class);
		Application rejected = review.reject(again.id(), asked.rowVersion(), "要件を満たしません", examiner2);
		assertThat(rejected.status()).isEqualTo("REJECTED");
		assertThat(jdbc.queryForObject("SELECT state FROM payment WHERE reference = ?", String.class, again.id()))
			.isEqualTo("CANCELLED");
		assertThat(returned.status()).isEqualTo("RETURNED");
	}

	@Test
	void theApplicantSeesTheAcceptanceButNotTheApprovalNote() {
		String id = UUID.randomUUID().toString().substring(0, 8);
		publisher.publish(TWO_STEP.formatted(id).replace("    - {id: approve, name: {ja: 決裁, en: Approval}, role: APPROVER}\n", ""), "test");
		Applicant me = resident();
		Application draft = applications.start("test-two-step-" + id, me);
		applications.savePage(draft.id(), me, "one", params("f.subject", "ok"), List.of(), null, true);
		Application submitted = applications.submit(draft.id(), me);
		StaffMember examiner = staff("examiner4", "EXAMINER");
		review.approve(submitted.id(), submitted.rowVersion(), "内部の判断メモ", examiner);
		SecurityContextHolder.clearContext();
		List<TimelineEntry> seen = applications.view(submitted.id(), me).timeline();
		assertThat(seen).extracting(TimelineEntry::kind).contains("ACCEPTED");
		assertThat(seen).extracting(TimelineEntry::note).doesNotContain("内部の判断メモ");
	}

	@Autowired
	DraftCleanup cleanup;

	@Test
	void staleVisitorDraftsAreDeletedAndSubmittedApplicationsNever() {
		Applicant visitor = new Applicant(Applicant.Kind.ANONYMOUS, null, VisitorKeys.generate(), null, null, null, "ja",
				Assurance.NONE, null);
		Application old = applications.start("shimin-anketo", visitor);
		Application fresh = applications.start("shimin-anketo", visitor);
		Applicant me = resident();
		Application submitted = applications.submit(fillCertificate(me).id(), me);
		jdbc.update("UPDATE application SET updated_at = ? WHERE id IN (?, ?)",
				java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(40))), old.id(), submitted.id());
		while (cleanup.deleteStaleDrafts() > 0) {
			// other tests' stale drafts go too
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application WHERE id = ?", Integer.class, old.id())).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application WHERE id = ?", Integer.class, fresh.id())).isOne();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application WHERE id = ?", Integer.class, submitted.id())).isOne();
	}
}
