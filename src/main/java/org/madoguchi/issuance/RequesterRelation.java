package org.madoguchi.issuance;

/** Who asks for a certified copy, seen from the persons on it (住基法 第12条, 第12条の3). */
public enum RequesterRelation {
	/** 本人 */
	SELF,
	/** 同一世帯の者 */
	HOUSEHOLD,
	/** 第三者: anyone else; issued only after an examiner has reviewed the request */
	THIRD_PARTY
}
