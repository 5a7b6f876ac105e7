package org.madoguchi.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * What the relying party keeps in the HTTP session: the flows waiting for their callback (by state) and the
 * signatures fetched and not yet taken (by content digest). Both are small maps, copied on every change so that
 * Spring Session writes them back; a few entries at most, so that a browser opening many tabs cannot grow them.
 */
final class DigitalAuthSessions {

	static final String PENDING = "MADOGUCHI_DIGITAL_AUTH_PENDING";

	static final String SIGNATURES = "MADOGUCHI_DIGITAL_AUTH_SIGNATURES";

	/** Flows and signatures kept per session; the oldest goes first. */
	static final int MAX_ENTRIES = 5;

	private DigitalAuthSessions() {
	}

	static void putPending(HttpServletRequest request, PendingAuthorization pending, Duration timeout, Instant now) {
		HttpSession session = request.getSession(true);
		LinkedHashMap<String, PendingAuthorization> map = copy(session, PENDING);
		map.values().removeIf(p -> p.startedAt().plus(timeout).isBefore(now));
		map.put(pending.state(), pending);
		trim(map);
		session.setAttribute(PENDING, map);
	}

	/** Takes the flow of this state out of the session: a state is good for one callback only. */
	static Optional<PendingAuthorization> takePending(HttpServletRequest request, String state) {
		HttpSession session = request.getSession(false);
		if (session == null || state == null) {
			return Optional.empty();
		}
		LinkedHashMap<String, PendingAuthorization> map = copy(session, PENDING);
		PendingAuthorization pending = map.remove(state);
		if (pending != null) {
			session.setAttribute(PENDING, map);
		}
		return Optional.ofNullable(pending);
	}

	static void putSignature(HttpServletRequest request, String contentDigest, byte[] signature) {
		HttpSession session = request.getSession(true);
		LinkedHashMap<String, byte[]> map = copy(session, SIGNATURES);
		map.remove(contentDigest);
		map.put(contentDigest, signature.clone());
		trim(map);
		session.setAttribute(SIGNATURES, map);
	}

	static Optional<byte[]> takeSignature(HttpServletRequest request, String contentDigest) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return Optional.empty();
		}
		LinkedHashMap<String, byte[]> map = copy(session, SIGNATURES);
		byte[] signature = map.remove(contentDigest);
		if (signature != null) {
			session.setAttribute(SIGNATURES, map);
		}
		return Optional.ofNullable(signature);
	}

	@SuppressWarnings("unchecked")
	private static <V> LinkedHashMap<String, V> copy(HttpSession session, String attribute) {
		Object held = session.getAttribute(attribute);
		return held instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, V>) map) : new LinkedHashMap<>();
	}

	private static void trim(LinkedHashMap<String, ?> map) {
		while (map.size() > MAX_ENTRIES) {
			map.remove(map.keySet().iterator().next());
		}
	}
}
