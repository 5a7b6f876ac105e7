package org.madoguchi.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.citygen.SyntheticCity;
import org.madoguchi.issuance.document.DocumentKind;
import org.madoguchi.issuance.document.Layout;
import org.madoguchi.issuance.signing.PdfSignatureReport.Verdict;
import org.madoguchi.ledger.Ledger;
import org.madoguchi.ledger.LedgerAudit;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.RegisterChanges;
import org.madoguchi.registry.RegisterCommands;
import org.madoguchi.registry.ResidentRecord;
import org.madoguchi.registry.ResidentRegister;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Counter issuance end to end on the test context's development PKI: the rules, the sealed PDF and what its text
 * says, the public verification of the file (and of one changed byte), the log proof, revocation, third-party
 * review, downloads only for the right account, and {@code ledger verify} over the issuance rows.
 */
@SpringBootTest
@WithMockUser(username = "counter1", roles = { "COUNTER", "EXAMINER" })
class IssuanceTests {

	@Autowired
	SyntheticCity city;

	@Autowired
	Issuance issuance;

	@Autowired
	Verification verification;

	@Autowired
	ThirdPartyRequests requests;

	@Autowired
	DocumentDownloads downloads;

	@Autowired
	ResidentRegister register;

	@Autowired
	RegisterChanges changes;

	@Autowired
	Ledger ledger;

	@Autowired
	LedgerAudit audit;

	@Autowired
	JdbcTemplate jdbc;

	ResidentRecord head;

	List<ResidentRecord> household;

	@BeforeEach
	void aHouseholdOfTwoOrMore() {
		head = null;
		for (int attempt = 0; attempt < 3 && head == null; attempt++) {
			city.generate(30, ThreadLocalRandom.current().nextLong(), n -> {
			});
			List<String> heads = jdbc.queryForList("SELECT r.atena_number FROM resident_record r WHERE r.latest "
					+ "AND r.status = 'RESIDENT' AND r.relationship = '世帯主' AND (SELECT COUNT(*) FROM resident_record m "
					+ "WHERE m.latest AND m.status = 'RESIDENT' AND m.household_number = r.household_number) >= 2 "
					+ "AND NOT EXISTS (SELECT 1 FROM support_measure s WHERE s.atena_number = r.atena_number) "
					+ "ORDER BY r.processed_at DESC, r.atena_number DESC", String.class);
			for (String a : heads) {
				ResidentRecord r = register.person(new AtenaNumber(a)).record();
				List<ResidentRecord> members = register.household(r.householdNumber())
					.stream()
					.filter(ResidentRecord::isResident)
					.toList();
				boolean free = jdbc.queryForObject("SELECT COUNT(*) FROM suppression WHERE target_number IN (?, ?)",
						Integer.class, a, r.householdNumber().value()) == 0;
				if (free && members.size() >= 2) {
					head = r;
					household = members;
					break;
				}
			}
		}
		assertThat(head).as("a household of two or more").isNotNull();
	}

	@Test
	void aCounterCopyIsSealedVerifiableAndInTheLog() throws Exception {
		IssuedDocument d = issueWholeHousehold(Set.of()).get(0);

		assertThat(d.issueNumber()).matches("\\d{8} 東雲野市 本庁1 プリンタ001 \\d{3,}");
		assertThat(d.requesterRelation()).as("the head asks for the whole household").isEqualTo(RequesterRelation.HOUSEHOLD);
		assertThat(d.myNumberPrinted()).isFalse();
		byte[] pdf = issuance.pdfForStaff(d.id());
		String text = text(pdf);
		assertThat(text).contains("住民票の写し").contains(head.name().full()).contains(d.issueNumber())
			.contains("この写しは、住民票の原本と相違ないことを証明する。");
		assertThat(text).as("omitted unless asked for").doesNotContain("続柄").doesNotContain("本籍");

		ledger.sequence();
		Verification.Result ok = verification.verify(pdf);
		assertThat(ok.outcome()).isEqualTo(Verification.Outcome.VALID);
		assertThat(ok.record().issueNumber()).isEqualTo(d.issueNumber());
		assertThat(ok.record().logProof().recorded()).isTrue();
		assertThat(ok.record().logProof().verified()).isTrue();
		assertThat(ok.record().city()).isEqualTo("東雲野市");

		byte[] changed = pdf.clone();
		int at = indexOf(pdf, "/Type /Page".getBytes()) + 1;
		changed[at] = (byte) (changed[at] ^ 0x01);
		Verification.Result bad = verification.verify(changed);
		assertThat(bad.outcome()).isEqualTo(Verification.Outcome.INVALID);
		assertThat(bad.signature().verdict()).isIn(Verdict.MODIFIED, Verdict.DAMAGED);

		// the QR link's code shows the record, and a forged code nothing
		assertThat(verification.byCode(d.verificationCode())).get()
			.satisfies(r -> assertThat(r.sha256()).isEqualTo(d.documentSha256()));
		assertThat(verification.byCode(d.verificationCode() + "x")).isEmpty();
		assertThat(verification.byCode("../../etc")).isEmpty();
	}

	@Test
	void requestedItemsArePrintedAndTheIssuanceIsLogged() throws Exception {
		IssuedDocument d = issueWholeHousehold(Set.of(PrintItem.RELATIONSHIP, PrintItem.MY_NUMBER)).get(0);
		String text = text(issuance.pdfForStaff(d.id()));
		assertThat(text).contains("続柄").contains("世帯主").contains("個人番号");
		assertThat(d.myNumberPrinted()).isTrue();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE action = 'ISSUE_CERTIFICATE' "
				+ "AND detail LIKE ?", Integer.class, "発行番号 " + d.issueNumber() + "; JUMINHYO_COPY; 個人番号 記載あり%"))
			.isEqualTo(1);
	}

	@Test
	void aSupportMeasureOrASuppressionStopsIssuanceWithAnAuditEntry() {
		changes.addSupportMeasure(household.get(1).atenaNumber(), "DV", LocalDate.now(), "test");
		assertThatThrownBy(() -> issueWholeHousehold(Set.of())).isInstanceOf(IssuanceRefusedException.class)
			.extracting(e -> ((IssuanceRefusedException) e).code())
			.isEqualTo("issuance.refused.supportMeasure");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE action = 'ISSUE_CERTIFICATE' "
				+ "AND outcome = 'DENIED' AND detail LIKE ?", Integer.class,
				"支援措置 in force for " + household.get(1).atenaNumber().value() + "%")).isEqualTo(1);

		ResidentRecord other = household.get(0);
		changes.addSuppression("HOUSEHOLD", other.householdNumber().value(), false, true, false, LocalDate.now(), null,
				"test");
		assertThatThrownBy(() -> issue(List.of(other.atenaNumber()), DocumentKind.JUMINHYO_COPY, other.atenaNumber()))
			.isInstanceOf(IssuanceRefusedException.class)
			.extracting(e -> ((IssuanceRefusedException) e).code())
			.isIn("issuance.refused.suppressed", "issuance.refused.supportMeasure");
	}

	@Test
	void aRemovedPersonOnlyAsJohyo() {
		ResidentRecord member = household.get(household.size() - 1);
		changes.death(new RegisterCommands.Death(member.atenaNumber(), LocalDate.now().minusDays(1), LocalDate.now()));
		assertThatThrownBy(() -> issue(List.of(member.atenaNumber()), DocumentKind.JUMINHYO_COPY, head.atenaNumber()))
			.isInstanceOf(IssuanceRefusedException.class)
			.extracting(e -> ((IssuanceRefusedException) e).code())
			.isEqualTo("issuance.refused.removedPerson");
		IssuedDocument johyo = issue(List.of(member.atenaNumber()), DocumentKind.JOHYO_COPY, head.atenaNumber()).get(0);
		assertThat(johyo.kind()).isEqualTo(DocumentKind.JOHYO_COPY);
		assertThatThrownBy(() -> issue(List.of(head.atenaNumber()), DocumentKind.JOHYO_COPY, head.atenaNumber()))
			.isInstanceOf(IssuanceRefusedException.class);
	}

	@Test
	void aThirdPartyNeedsAReviewByAnotherExaminer() {
		CertificateOrder order = new CertificateOrder(DocumentKind.JUMINHYO_COPY, Layout.INDIVIDUAL, Set.of(),
				List.of(head.atenaNumber()), new CertificateOrder.Requester(null, "株式会社テスト債権"), "債権回収のため",
				IssueChannel.COUNTER, null, null, 1);
		assertThatThrownBy(() -> issuance.issue(order, "counter1", false)).isInstanceOf(IssuanceRefusedException.class)
			.extracting(e -> ((IssuanceRefusedException) e).code())
			.isEqualTo("issuance.refused.needsReview");
		UUID request = requests.submit(order, "counter1");
		assertThatThrownBy(() -> requests.approve(request, "counter1", null)).isInstanceOf(IssuanceRefusedException.class);
		IssuedDocument d = requests.approve(request, "examiner2", "利用目的を確認");
		assertThat(d.requesterRelation()).isEqualTo(RequesterRelation.THIRD_PARTY);
		assertThat(d.issuedBy()).isEqualTo("examiner2");
	}

	@Test
	void aRevokedCopySaysSoAndLedgerVerifyFindsAnEditedRow() {
		IssuedDocument d = issueWholeHousehold(Set.of()).get(0);
		byte[] pdf = issuance.pdfForStaff(d.id());
		issuance.revoke(d.id(), "誤交付のため再交付", "counter1");
		ledger.sequence();
		assertThat(verification.verify(pdf).outcome()).isEqualTo(Verification.Outcome.REVOKED);
		assertThatThrownBy(() -> issuance.revoke(d.id(), "again", "counter1"))
			.isInstanceOf(IssuanceRefusedException.class);
		assertThat(audit.run().ok()).as("ledger verify on an honest database").isTrue();

		jdbc.update("UPDATE issued_document SET document_sha256 = ? WHERE id = ?", "0".repeat(64), d.id());
		try {
			LedgerAudit.Report report = audit.run();
			assertThat(report.ok()).isFalse();
			assertThat(report.text()).contains(d.id().toString());
		}
		finally {
			jdbc.update("UPDATE issued_document SET document_sha256 = ? WHERE id = ?", d.documentSha256(), d.id());
		}
	}

	@Test
	void aReissueRevokesTheOldCopyAndNamesTheNewOne() {
		IssuedDocument old = issueWholeHousehold(Set.of(PrintItem.RELATIONSHIP)).get(0);
		IssuedDocument copy = issuance.reissue(old.id(), "誤記のため", "counter1");
		assertThat(copy.issueNumber()).isNotEqualTo(old.issueNumber());
		assertThat(copy.subjects()).isEqualTo(old.subjects());
		assertThat(copy.items()).containsExactly(PrintItem.RELATIONSHIP);
		assertThat(copy.requesterRelation()).isEqualTo(old.requesterRelation());
		IssuedDocument revoked = issuance.find(old.id()).orElseThrow();
		assertThat(revoked.isRevoked()).isTrue();
		assertThat(revoked.revocationReason()).isEqualTo("誤記のため （再交付: " + copy.issueNumber() + "）");
		assertThatThrownBy(() -> issuance.reissue(old.id(), null, "counter1"))
			.isInstanceOf(IssuanceRefusedException.class);
		ledger.sequence();
		assertThat(audit.run().ok()).isTrue();
	}

	@Test
	void onlyTheAccountAnOnlineCopyWasIssuedToCanDownloadIt() {
		UUID account = UUID.randomUUID();
		CertificateOrder order = new CertificateOrder(DocumentKind.JUMINHYO_COPY, Layout.HOUSEHOLD, Set.of(),
				List.of(head.atenaNumber()), CertificateOrder.Requester.resident(head.atenaNumber()), "license",
				IssueChannel.ONLINE, null, account, 1);
		IssuedDocument d = issuance.issue(order, "examiner2", true).get(0);
		assertThat(d.issueNumber()).contains(" 電子交付 電子001 ");
		assertThat(downloads.of(account)).extracting(IssuedDocument::id).containsExactly(d.id());
		assertThatThrownBy(() -> downloads.newLink(d.id(), UUID.randomUUID())).isInstanceOf(NotFoundException.class);
		String token = downloads.newLink(d.id(), account);
		assertThatThrownBy(() -> downloads.download(token, UUID.randomUUID())).isInstanceOf(NotFoundException.class);
		assertThat(downloads.download(token, account).pdf()).startsWith("%PDF".getBytes());
		assertThatThrownBy(() -> downloads.download(token + "x", account)).isInstanceOf(NotFoundException.class);
		issuance.revoke(d.id(), "test", "counter1");
		assertThatThrownBy(() -> downloads.download(token, account)).isInstanceOf(IssuanceRefusedException.class);
	}

	private List<IssuedDocument> issueWholeHousehold(Set<PrintItem> items) {
		return issuance.issue(new CertificateOrder(DocumentKind.JUMINHYO_COPY, Layout.HOUSEHOLD, items,
				household.stream().map(ResidentRecord::atenaNumber).toList(),
				CertificateOrder.Requester.resident(head.atenaNumber()), "license", IssueChannel.COUNTER, null, null, 1),
				"counter1", false);
	}

	private List<IssuedDocument> issue(List<AtenaNumber> subjects, DocumentKind kind, AtenaNumber requester) {
		return issuance.issue(new CertificateOrder(kind, Layout.INDIVIDUAL, Set.of(), subjects,
				CertificateOrder.Requester.resident(requester), null, IssueChannel.COUNTER, null, null, 1), "counter1",
				false);
	}

	static String text(byte[] pdf) throws Exception {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(doc);
		}
	}

	static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new IllegalStateException("not found");
	}
}
