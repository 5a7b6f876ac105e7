package org.madoguchi.issuance;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.madoguchi.applications.Application;
import org.madoguchi.applications.ApplicationStatus;
import org.madoguchi.applications.ApplicationStatusChanged;
import org.madoguchi.applications.Review;
import org.madoguchi.applications.StaffMember;
import org.madoguchi.issuance.document.DocumentKind;
import org.madoguchi.issuance.document.Layout;
import org.madoguchi.procedures.Answers;
import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.ResidentRegister;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * 電子交付 of an online request for a 住民票の写し: when staff accept (受理) a {@value #PROCEDURE} application whose
 * applicant chose electronic delivery, the copies are issued in the same transaction and the application is
 * completed with a message pointing to the portal. If a rule stops the copy (支援措置, 抑止 …) the acceptance
 * itself fails and the examiner sees why: nothing is accepted that cannot be delivered.
 */
@Component
class OnlineIssuance {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OnlineIssuance.class);

	static final String PROCEDURE = "juminhyo-copy";

	static final String ELECTRONIC = "electronic";

	static final String SYSTEM = "system";

	private final Review review;

	private final ResidentRegister register;

	private final Issuance issuance;

	private final IssuanceProperties properties;

	OnlineIssuance(Review review, ResidentRegister register, Issuance issuance, IssuanceProperties properties) {
		this.review = review;
		this.register = register;
		this.issuance = issuance;
		this.properties = properties;
	}

	@EventListener
	void on(ApplicationStatusChanged changed) {
		if (!PROCEDURE.equals(changed.procedureId()) || changed.to() != ApplicationStatus.ACCEPTED) {
			return;
		}
		StaffMember staff = approver();
		// published in the transaction that saved the application, so it is always found; an event replayed or made
		// up elsewhere (tests) for an application this database does not hold issues nothing
		Application a = review.find(changed.applicationId(), staff).map(v -> v.application()).orElse(null);
		if (a == null) {
			log.warn("ACCEPTED event for unknown application {}: nothing issued", changed.applicationId());
			return;
		}
		Answers answers = a.answers();
		if (!ELECTRONIC.equals(answers.text("deliveryMethod"))) {
			return; // by post or at the counter: printed there
		}
		if (a.atenaNumber() == null || a.applicantAccount() == null) {
			throw new IssuanceRefusedException("issuance.refused.unmatchedApplicant");
		}
		Set<PrintItem> items = EnumSet.noneOf(PrintItem.class);
		answers.list("items").forEach(v -> PrintItem.fromForm(v).ifPresent(items::add));
		if (items.contains(PrintItem.MY_NUMBER)) {
			throw new IssuanceRefusedException("issuance.refused.myNumberOnline");
		}
		AtenaNumber applicant = new AtenaNumber(a.atenaNumber());
		List<AtenaNumber> subjects = "some".equals(answers.text("scope"))
				? answers.list("members").stream().map(AtenaNumber::new).toList()
				: register.livingHouseholdOf(applicant, "証明書の交付 / certificate issuance " + a.receiptNumber());
		int copies = parseCopies(answers.text("copies"));
		String purpose = "other".equals(answers.text("purpose")) ? answers.text("purposeOther") : answers.text("purpose");
		CertificateOrder order = new CertificateOrder(DocumentKind.JUMINHYO_COPY, Layout.HOUSEHOLD, items, subjects,
				CertificateOrder.Requester.resident(applicant), purpose, IssueChannel.ONLINE, a.id(),
				a.applicantAccount(), copies);
		List<IssuedDocument> issued = issuance.issue(order, staff.username(), true);
		// read after the acceptance was saved, in the same transaction: its row version is current
		review.complete(a.id(), a.rowVersion(), completionMessage(issued.size(), a.language()), staff);
	}

	/** Shown to the applicant (portal, mail, inbox) in the language they applied in. */
	private String completionMessage(int copies, String language) {
		long days = properties.availableFor().toDays();
		return "en".equals(language)
				? copies + " electronic copy(ies) issued: download the sealed PDF from \"Issued certificates\" in the "
						+ "portal (/portal/documents) within " + days + " days."
				: "住民票の写し（電子交付）" + copies + "通を発行しました。オンライン窓口の「交付された証明書」"
						+ "（/portal/documents）から" + days + "日間ダウンロードできます。";
	}

	/**
	 * Who accepted: the signed-in staff member or API client of the request. A core-system call without a signed-in
	 * user (none exists today) would issue in the name of the system.
	 */
	private static StaffMember approver() {
		try {
			return StaffMember.current();
		}
		catch (org.springframework.security.access.AccessDeniedException e) {
			return new StaffMember(SYSTEM, java.util.Set.of("EXAMINER"));
		}
	}

	private static int parseCopies(String text) {
		try {
			return Integer.parseInt(text == null ? "1" : text.strip());
		}
		catch (NumberFormatException e) {
			return 0; // refused by the order's own check with a clear message
		}
	}
}
