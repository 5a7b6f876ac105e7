package org.madoguchi.assistant;

/** Whether residents see a Q&amp;A entry. */
public enum EntryStatus {
	/** 下書き: staff are still writing it; residents never see it. */
	DRAFT,
	/** 公開: answered to residents while within its validity period. */
	PUBLISHED,
	/** 取り下げ: no longer answered; a city's withdrawn row also hides the standard entry with the same id. */
	WITHDRAWN
}
