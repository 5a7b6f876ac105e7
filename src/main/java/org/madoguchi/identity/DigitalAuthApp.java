package org.madoguchi.identity;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.accounts.CardSignIns;
import org.madoguchi.identity.DigitalAuthException.Failure;
import org.madoguchi.identity.PendingAuthorization.Purpose;
import org.madoguchi.procedures.Assurance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The デジタル認証アプリ route (published API): signing in to the portal with the My Number Card through the
 * Digital Agency's app (OpenID Connect), and electronic signatures on applications through its sign transaction.
 *
 * <p>Signing, for the applications module: {@link #beginSigning} sends the exact bytes to the provider and gives the
 * URL to redirect the resident to; the resident approves in the app with the 署名用 PIN; the provider calls back,
 * the signature is fetched and kept in the session; back at {@code returnTo}, {@link #takeSignature} hands it over
 * once. The signature is not checked here: verify it with {@link SignatureVerifier} against the same bytes.
 */
public class DigitalAuthApp {

	private static final Logger log = LoggerFactory.getLogger(DigitalAuthApp.class);

	/** How the sign-in is recorded with the card session and in the access log. */
	static final String METHOD = "DIGITAL_AUTH_APP";

	/** Longest document title sent to the provider (shown to the resident in the app). */
	static final int MAX_TITLE_LENGTH = 200;

	/** A local portal path: no scheme, no host, no "//" or backslash tricks, no control characters. */
	private static final Pattern LOCAL_PORTAL_PATH = Pattern.compile("/portal(?:[/?#][\\x21-\\x7e&&[^\\\\]]*)?");

	private static final int MAX_RETURN_TO_LENGTH = 1000;

	private final DigitalAuthProperties settings;

	private final DigitalAuthClient client;

	private final ResidentMatcher matcher;

	private final CardSignIns cardSignIns;

	private final Clock clock;

	DigitalAuthApp(DigitalAuthProperties settings, DigitalAuthClient client, ResidentMatcher matcher,
			CardSignIns cardSignIns, Clock clock) {
		this.settings = settings;
		this.client = client;
		this.matcher = matcher;
		this.cardSignIns = cardSignIns;
		this.clock = clock;
	}

	/** Whether the route is configured (an issuer is set); without it there is no button and no signing. */
	public boolean enabled() {
		return client != null;
	}

	/**
	 * Starts signing exactly these bytes: creates the sign transaction at the provider and remembers it in the
	 * session.
	 *
	 * @param content       the bytes to sign (not empty, at most {@code max-sign-content-bytes}, 512 KB by default)
	 * @param documentTitle what the resident is asked to sign, shown in the app (1–200 characters)
	 * @param returnTo      the local portal path the resident comes back to after the app (e.g. the check page)
	 * @return the URL to redirect the browser to (a GET: the portal's CSP lets forms post only to itself)
	 * @throws DigitalAuthException NOT_AVAILABLE when not configured, BAD_CONTENT for unusable arguments,
	 *     PROVIDER_ERROR when the provider fails
	 */
	public String beginSigning(HttpServletRequest request, byte[] content, String documentTitle, String returnTo) {
		requireEnabled();
		if (content == null || content.length == 0 || content.length > settings.maxSignContentBytes()) {
			throw new DigitalAuthException(Failure.BAD_CONTENT, "content to sign must be 1-"
					+ settings.maxSignContentBytes() + " bytes, not " + (content == null ? "null" : content.length));
		}
		if (documentTitle == null || documentTitle.isBlank() || documentTitle.length() > MAX_TITLE_LENGTH) {
			throw new DigitalAuthException(Failure.BAD_CONTENT, "document title must be 1-" + MAX_TITLE_LENGTH + " characters");
		}
		if (!isLocalPortalPath(returnTo)) {
			throw new DigitalAuthException(Failure.BAD_CONTENT, "returnTo must be a local /portal path: " + returnTo);
		}
		String transaction = client.createSignTransaction(content, documentTitle.strip());
		PendingAuthorization flow = client.newFlow(Purpose.SIGN, returnTo, transaction,
				DigitalAuthClient.hexDigest(content));
		URI url = client.authorizationUrl(flow);
		DigitalAuthSessions.putPending(request, flow, settings.flowTimeout(), clock.instant());
		return url.toString();
	}

	/**
	 * The detached CMS signature (DER) the resident made over exactly these bytes through {@link #beginSigning},
	 * handed out once; empty when there is none in this session (not signed, cancelled, or taken already).
	 */
	public Optional<byte[]> takeSignature(HttpServletRequest request, byte[] content) {
		if (content == null) {
			return Optional.empty();
		}
		return DigitalAuthSessions.takeSignature(request, DigitalAuthClient.hexDigest(content));
	}

	/** Starts a sign-in; returns the provider's authorization URL. */
	String beginSignIn(HttpServletRequest request, String returnTo) {
		requireEnabled();
		PendingAuthorization flow = client.newFlow(Purpose.SIGN_IN, localPortalPath(returnTo), null, null);
		URI url = client.authorizationUrl(flow);
		DigitalAuthSessions.putPending(request, flow, settings.flowTimeout(), clock.instant());
		return url.toString();
	}

	/**
	 * Completes the flow of the callback: checks the state (once), exchanges the code, checks the ID token; a
	 * sign-in then finds the person and signs the resident in, a signing fetches the signature.
	 *
	 * @return the local path to go back to
	 * @throws DigitalAuthException what the resident is to be told, with the flow's return path when known
	 */
	String complete(String state, String code, String error, HttpServletRequest request, HttpServletResponse response) {
		requireEnabled();
		PendingAuthorization flow = DigitalAuthSessions.takePending(request, state)
			.orElseThrow(() -> new DigitalAuthException(Failure.BAD_STATE, "callback with an unknown or used state"));
		try {
			return complete(flow, code, error, request, response);
		}
		catch (DigitalAuthException ex) {
			ex.flow = flow; // the state was good: the page can offer the way back to where the resident was
			throw ex;
		}
	}

	private String complete(PendingAuthorization flow, String code, String error, HttpServletRequest request,
			HttpServletResponse response) {
		Instant now = clock.instant();
		if (flow.startedAt().plus(settings.flowTimeout()).isBefore(now)) {
			throw new DigitalAuthException(Failure.EXPIRED, "flow started at " + flow.startedAt());
		}
		if (error != null) {
			// RFC 6749 §4.1.2.1; OpenID adds login_required, consent_required … all mean: not done
			throw new DigitalAuthException("access_denied".equals(error) ? Failure.CANCELLED : Failure.PROVIDER_ERROR,
					"provider answered error=" + error);
		}
		if (code == null || code.isBlank()) {
			throw new DigitalAuthException(Failure.PROVIDER_ERROR, "callback without code");
		}
		DigitalAuthClient.Tokens tokens = client.exchange(code, flow);
		if (flow.purpose() == Purpose.SIGN) {
			DigitalAuthSessions.putSignature(request, flow.contentDigest(),
					client.signature(flow.transactionId(), tokens.accessToken()));
			return flow.returnTo();
		}
		String atena = matcher.atenaNumber(tokens.idToken().getClaims(), () -> client.claims(tokens))
			.orElseThrow(() -> new DigitalAuthException(Failure.NO_MATCH, "no resident matches the sign-in"));
		CardSignIns.Result result = cardSignIns.signIn(atena, Assurance.JPKI_LOGIN, METHOD, request, response);
		return switch (result) {
			case SIGNED_IN, LINKED -> flow.returnTo();
			case NO_ACCOUNT -> throw new DigitalAuthException(Failure.NO_ACCOUNT, "no account linked to the card's person");
			case OTHER_PERSON -> throw new DigitalAuthException(Failure.OTHER_PERSON, "card of another person");
		};
	}

	private void requireEnabled() {
		if (client == null) {
			throw new DigitalAuthException(Failure.NOT_AVAILABLE, "madoguchi.identity.digital-auth.issuer is not set");
		}
	}

	/** The path when it is a local portal path, else the portal's start page. */
	static String localPortalPath(String returnTo) {
		return isLocalPortalPath(returnTo) ? returnTo : "/portal";
	}

	static boolean isLocalPortalPath(String path) {
		return path != null && path.length() <= MAX_RETURN_TO_LENGTH && LOCAL_PORTAL_PATH.matcher(path).matches()
				&& !path.contains("//") && !path.contains("/../") && !path.endsWith("/..");
	}

	static void logFailure(DigitalAuthException ex) {
		if (ex.failure() == Failure.PROVIDER_ERROR || ex.failure() == Failure.BAD_STATE) {
			log.warn("デジタル認証アプリ: {} ({})", ex.failure(), ex.getMessage());
		}
		else {
			log.info("デジタル認証アプリ: {} ({})", ex.failure(), ex.getMessage());
		}
	}
}
