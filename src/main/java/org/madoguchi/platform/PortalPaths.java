package org.madoguchi.platform;

/**
 * Where a portal page may send the browser after a form ("back", "returnTo"): only a path inside the resident
 * portal, never another site (no scheme, no {@code //}, no backslash, no control characters or spaces).
 */
public final class PortalPaths {

	static final int MAX_LENGTH = 500;

	private PortalPaths() {
	}

	/** The path when it is a local portal path, else the fallback. */
	public static String safe(String path, String fallback) {
		boolean safe = path != null && path.startsWith("/portal") && !path.contains("//") && !path.contains("\\")
				&& path.length() <= MAX_LENGTH && path.chars().noneMatch(c -> c < 0x21 || c == 0x7f);
		return safe ? path : fallback;
	}
}
