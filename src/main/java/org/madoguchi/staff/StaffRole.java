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
	/** コンテンツ: FAQ editors — the assistant's Q&amp;A, learned phrasings and question analytics; no resident data. */
	CONTENT,
	/** 監査: auditors — the access log only, no resident data. */
	AUDITOR,
	/** 連携: linked systems — the delta feed and export. */
	LINKAGE;

	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * Parses a list of role names separated by commas or spaces, as stored and as typed in the tools.
	 *
	 * @throws IllegalArgumentException naming an unknown role
	 */
	static java.util.Set<StaffRole> parse(String list) {
		java.util.Set<StaffRole> roles = java.util.EnumSet.noneOf(StaffRole.class);
		if (list != null) {
			for (String s : list.split("[\\s,]+")) {
				if (!s.isEmpty()) {
					try {
						roles.add(valueOf(s.toUpperCase(java.util.Locale.ROOT)));
					}
					catch (IllegalArgumentException e) {
						throw new IllegalArgumentException("unknown role " + s);
					}
				}
			}
		}
		return roles;
	}
}
