package org.madoguchi.registry;

import java.util.Set;

/**
 * 世帯主との続柄. Either 世帯主, 縁故者 or 同居人, or a chain of basic terms joined by 「の」 (子の妻, 妻の父)
 * of at most four links, as the standard allows.
 */
public final class Relationship {

	public static final String HEAD = "世帯主";

	private static final Set<String> STANDALONE = Set.of(HEAD, "縁故者", "同居人");

	private static final Set<String> TERMS = Set.of("夫", "妻", "夫（未届）", "妻（未届）", "子", "父", "母", "兄", "姉", "弟", "妹",
			"祖父", "祖母", "孫", "養父", "養母", "養子", "伯父", "伯母", "叔父", "叔母", "おい", "めい", "いとこ", "曾孫");

	private Relationship() {
	}

	public static boolean isValid(String relationship) {
		if (relationship == null || relationship.isBlank() || relationship.length() > 40) {
			return false;
		}
		String r = relationship.replace('(', '（').replace(')', '）');
		if (STANDALONE.contains(r)) {
			return true;
		}
		String[] links = r.split("の", -1);
		if (links.length > 4) {
			return false;
		}
		for (String link : links) {
			if (!TERMS.contains(link)) {
				return false;
			}
		}
		return true;
	}

	/** Sort rank for member order: 世帯主, spouse, children, others. */
	static int rank(String relationship) {
		if (HEAD.equals(relationship)) {
			return 0;
		}
		if (relationship.startsWith("夫") || relationship.startsWith("妻")) {
			return relationship.contains("の") ? 3 : 1;
		}
		if (relationship.equals("子")) {
			return 2;
		}
		return 3;
	}
}
