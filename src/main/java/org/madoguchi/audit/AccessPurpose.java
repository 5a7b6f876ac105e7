package org.madoguchi.audit;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * 利用目的: why a staff member looks at resident data. Chosen in the staff UI (kept in the session) or
 * sent by API clients in the {@code X-Access-Purpose} header; recorded with every access.
 */
public final class AccessPurpose {

	public static final String HEADER = "X-Access-Purpose";
	public static final String SESSION_ATTRIBUTE = "madoguchi.accessPurpose";
	public static final int MAX_LENGTH = 200;

	/** The purposes offered in the staff UI (message keys purpose.*). */
	public static final List<String> STANDARD = List.of("COUNTER", "EXAMINATION", "INQUIRY_REPLY", "DATA_MAINTENANCE",
			"AUDIT", "LINKAGE");

	private AccessPurpose() {
	}

	public static String of(HttpServletRequest request) {
		String header = request.getHeader(HEADER);
		if (header != null && !header.isBlank()) {
			return header.length() > MAX_LENGTH ? header.substring(0, MAX_LENGTH) : header;
		}
		HttpSession session = request.getSession(false);
		Object chosen = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
		return chosen == null ? "COUNTER" : chosen.toString();
	}
}
