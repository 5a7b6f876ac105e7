package org.madoguchi.applications;

/** Where an application is. Message keys: {@code applications.status.<name>}. */
public enum ApplicationStatus {
	/** 受付待ち: submitted, not yet taken by staff. */
	SUBMITTED,
	/** 審査中: a staff member is working on it (or it is waiting for an approval step). */
	IN_REVIEW,
	/** 追加情報依頼: staff asked the applicant for information; the applicant replies. */
	INFO_REQUESTED,
	/** 差戻し: returned to the applicant to correct and resubmit. */
	RETURNED,
	/** 受理: accepted (all approval steps done); goes to the core-system feed. */
	ACCEPTED,
	/** 却下: rejected, with a reason. */
	REJECTED,
	/** 取下げ: withdrawn by the applicant. */
	WITHDRAWN,
	/** 完了: the city has done what was asked (issued, paid, collected). */
	COMPLETED;

	/** The status named exactly {@code name}; empty for null or anything else (a bad filter is no filter). */
	public static java.util.Optional<ApplicationStatus> parse(String name) {
		for (ApplicationStatus s : values()) {
			if (s.name().equals(name)) {
				return java.util.Optional.of(s);
			}
		}
		return java.util.Optional.empty();
	}

	public boolean isFinal() {
		return this == REJECTED || this == WITHDRAWN || this == COMPLETED;
	}
}
