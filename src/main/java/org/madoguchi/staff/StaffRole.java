package org.madoguchi.staff;

/** Staff roles. A person may hold several. */
public enum StaffRole {
	/** 窓口: counter staff — search, view, enter changes. */
	COUNTER,
	/** 審査: examiners — as 窓口, plus 個人番号 reveal, 支援措置 and 抑止. */
	EXAMINER,
	/** 決裁者: approvers — the later steps of an approval route (電子決裁), e.g. a section chief. */
	APPROVER,
	/** 管理者: administrators — everything, including import/export and accounts. */
	ADMIN,
	/** 監査: auditors — the access log only, no resident data. */
	AUDITOR,
	/** 連携: linked systems — the delta feed and export. */
	LINKAGE;

	public String authority() {
		return "ROLE_" + name();
	}
}
