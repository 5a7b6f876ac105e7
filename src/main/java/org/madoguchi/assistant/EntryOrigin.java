package org.madoguchi.assistant;

import java.util.Set;

/** Where a Q&amp;A a tenant's staff see comes from. */
enum EntryOrigin {
	/** 標準: the standard set's row, inherited as is (or, for the standard tenant, its own). */
	STANDARD,
	/** 上書き: the city's own row for a standard id. */
	OVERRIDE,
	/** 独自: the city's own entry, with no standard counterpart. */
	OWN;

	/**
	 * @param standardIds the ids the standard set has
	 */
	static EntryOrigin of(StoredEntry e, Set<String> standardIds) {
		if (e.standard()) {
			return STANDARD;
		}
		return standardIds.contains(e.id()) ? OVERRIDE : OWN;
	}
}
