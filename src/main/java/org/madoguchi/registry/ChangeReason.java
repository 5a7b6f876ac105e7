package org.madoguchi.registry;

/** 異動事由: why a snapshot of a record was written. Grouped as 記載 (entry), 消除 (removal), 修正 (change). */
public enum ChangeReason {

	DOMESTIC_MOVE_IN(Kind.ENTRY, "国内転入"),
	OVERSEAS_MOVE_IN(Kind.ENTRY, "国外転入"),
	BIRTH(Kind.ENTRY, "出生"),
	EX_OFFICIO_ENTRY(Kind.ENTRY, "職権記載"),
	/** 改製: the register rebuilt from another system (used when a city's data is loaded). */
	REBUILD(Kind.ENTRY, "改製"),
	DOMESTIC_MOVE_OUT(Kind.REMOVAL, "国内転出"),
	OVERSEAS_MOVE_OUT(Kind.REMOVAL, "国外転出"),
	DEATH(Kind.REMOVAL, "死亡"),
	EX_OFFICIO_REMOVAL(Kind.REMOVAL, "職権消除"),
	MOVE_WITHIN_CITY(Kind.CHANGE, "転居"),
	CORRECTION(Kind.CHANGE, "誤記修正"),
	HOUSEHOLD_SEPARATION(Kind.CHANGE, "世帯分離"),
	HOUSEHOLD_MERGER(Kind.CHANGE, "世帯合併"),
	HEAD_CHANGE(Kind.CHANGE, "世帯主変更"),
	/** カード・電子証明書: the serials of the My Number Card's certificates were recorded (issue, renewal, revocation). */
	CARD_CERTIFICATES(Kind.CHANGE, "電子証明書記録");

	public enum Kind {
		ENTRY, REMOVAL, CHANGE
	}

	private final Kind kind;
	private final String japanese;

	ChangeReason(Kind kind, String japanese) {
		this.kind = kind;
		this.japanese = japanese;
	}

	public Kind kind() {
		return kind;
	}

	public String japanese() {
		return japanese;
	}

	/** Message key for the label in the user's language. */
	public String messageKey() {
		return "reason." + name();
	}
}
