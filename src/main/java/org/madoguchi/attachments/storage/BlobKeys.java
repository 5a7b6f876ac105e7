package org.madoguchi.attachments.storage;

import java.util.regex.Pattern;

/** The one rule for blob keys, shared by every storage so that a key never becomes a path outside it. */
public final class BlobKeys {

	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	/** Longest key accepted. */
	public static final int MAX_LENGTH = 400;

	private BlobKeys() {
	}

	/** Returns the key when it is safe, else throws IllegalArgumentException. */
	public static String check(String key) {
		if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("blob key missing or too long");
		}
		if (key.contains("..")) {
			throw new IllegalArgumentException("blob key must not contain '..': " + key);
		}
		for (String segment : key.split("/", -1)) {
			if (!SEGMENT.matcher(segment).matches() || segment.equals(".")) {
				throw new IllegalArgumentException("blob key segments are [A-Za-z0-9._-]: " + key);
			}
		}
		return key;
	}
}
