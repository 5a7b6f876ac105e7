package org.madoguchi.issuance;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.madoguchi.issuance.document.DocumentKind;
import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.CertificateSubject;
import org.madoguchi.registry.ResidentRecord;
import org.madoguchi.registry.ResidentRegister;
import org.springframework.stereotype.Component;

/**
 * The rules checked before anything is rendered (住基法 第12条 and the 住民記録システム標準仕様書):
 * <ul>
 * <li>支援措置 in force for anyone on the copy stops it until the responsible officer clears the measure;</li>
 * <li>an issuance 抑止 on a person or their household stops it;</li>
 * <li>a removed person (除票) only on a 除票の写し, and a 除票の写し only of removed persons;</li>
 * <li>everyone on one copy belongs to one household (a 世帯連記式 copy is of one household);</li>
 * <li>the requester is the person or lives in the same household, else the request needs an examiner's review.</li>
 * </ul>
 * The register holds no provisional (仮登録) state: a snapshot exists only once its change is committed, and the
 * copy is made from the latest committed snapshot read in the issuing transaction; its 履歴番号 is kept in the
 * issuance history. Every refusal is written to the access log (it survives the rollback of the request).
 */
@Component
class IssuanceRules {

	private final ResidentRegister register;

	private final AccessLog accessLog;

	IssuanceRules(ResidentRegister register, AccessLog accessLog) {
		this.register = register;
		this.accessLog = accessLog;
	}

	/**
	 * Checks the persons and says how the requester stands to them.
	 *
	 * @param reviewed whether an examiner has approved a third-party request (or, online, the application)
	 * @throws IssuanceRefusedException when a rule stops the copy (the refusal is logged)
	 */
	RequesterRelation check(CertificateOrder order, List<CertificateSubject> subjects, boolean reviewed) {
		String who = subjects.stream().map(s -> s.record().atenaNumber().value()).reduce((a, b) -> a + " " + b).orElse("");
		for (CertificateSubject s : subjects) {
			if (s.person().underSupportMeasure()) {
				refuse(who, "支援措置 in force for " + s.record().atenaNumber().value(), "issuance.refused.supportMeasure");
			}
			if (s.person().issuanceSuppressed()) {
				refuse(who, "交付抑止 in force for " + s.record().atenaNumber().value(), "issuance.refused.suppressed");
			}
		}
		boolean johyo = order.kind() == DocumentKind.JOHYO_COPY;
		for (CertificateSubject s : subjects) {
			if (!johyo && !s.record().isResident()) {
				refuse(who, "removed person on a 住民票の写し", "issuance.refused.removedPerson");
			}
			if (johyo && s.record().isResident()) {
				refuse(who, "living resident on a 除票の写し", "issuance.refused.notRemoved");
			}
		}
		Set<String> households = new HashSet<>();
		subjects.forEach(s -> households.add(s.record().householdNumber().value()));
		if (households.size() > 1) {
			refuse(who, "persons of " + households.size() + " households on one copy", "issuance.refused.oneHousehold");
		}
		RequesterRelation relation = relation(order.requester(), subjects);
		if (relation == RequesterRelation.THIRD_PARTY && !reviewed) {
			refuse(who, "third-party request without review", "issuance.refused.needsReview");
		}
		return relation;
	}

	private RequesterRelation relation(CertificateOrder.Requester requester, List<CertificateSubject> subjects) {
		AtenaNumber atena = requester.atenaNumber();
		if (atena == null) {
			return RequesterRelation.THIRD_PARTY;
		}
		if (subjects.size() == 1 && subjects.get(0).record().atenaNumber().equals(atena)) {
			return RequesterRelation.SELF;
		}
		for (CertificateSubject s : subjects) {
			ResidentRecord r = s.record();
			if (!r.atenaNumber().equals(atena) && !register.selfOrSameHousehold(atena, r.atenaNumber())) {
				return RequesterRelation.THIRD_PARTY;
			}
		}
		return RequesterRelation.HOUSEHOLD;
	}

	private void refuse(String subjects, String reason, String messageKey) {
		accessLog.recordDenied(AccessAction.ISSUE_CERTIFICATE, subjects, reason);
		throw new IssuanceRefusedException(messageKey);
	}
}
