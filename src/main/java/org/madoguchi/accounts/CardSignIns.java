package org.madoguchi.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.madoguchi.procedures.Assurance;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs a resident in to the portal after the identity module proved, with the My Number Card (利用者証明用電子証明書
 * by challenge–response, or the デジタル認証アプリ), which person in the register is at the keyboard.
 *
 * <p>The card names a 宛名番号; the portal signs in the account linked to it. A resident already signed in with a
 * password whose account is not linked yet gets it linked here (the card is a stronger proof than the counter
 * check of an identity document). A card of another person than the one the account is linked to is refused.
 */
@Service
public class CardSignIns {

	/** How a card sign-in ended. */
	public enum Result {
		/** Signed in (or the current session raised) to the account linked to the card's person. */
		SIGNED_IN,
		/** The signed-in account was linked to the card's person now, and raised. */
		LINKED,
		/** No account is linked to this person and nobody is signed in: register or sign in first, then use the card. */
		NO_ACCOUNT,
		/** The signed-in account is linked to another person, or this person's account is another one. */
		OTHER_PERSON
	}

	static final String METHOD_CARD = "JPKI";

	private final AccountRepository accounts;
	private final AccessLog accessLog;
	private final Clock clock;

	CardSignIns(AccountRepository accounts, AccessLog accessLog, Clock clock) {
		this.accounts = accounts;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	/**
	 * @param atenaNumber the person the card belongs to (found in the register by the certificate serial or the 基本4情報)
	 * @param level       {@link Assurance#JPKI_LOGIN} (a JPKI sign-in)
	 * @param method      how it was proved, for the log: e.g. {@code CARD_CHALLENGE}, {@code DIGITAL_AUTH_APP}
	 */
	@Transactional
	public Result signIn(String atenaNumber, Assurance level, String method, HttpServletRequest request,
			HttpServletResponse response) {
		if (level.ordinal() < Assurance.JPKI_LOGIN.ordinal()) {
			throw new IllegalArgumentException("a card sign-in proves at least JPKI_LOGIN");
		}
		Instant now = clock.instant();
		Optional<StoredAccount> current = AccountDirectory.currentId().flatMap(accounts::find);
		Optional<StoredAccount> linked = accounts.findLinkedTo(atenaNumber);
		StoredAccount account;
		Result result;
		if (current.isPresent()) {
			StoredAccount me = current.get();
			if (atenaNumber.equals(me.atenaNumber())) {
				account = me;
				result = Result.SIGNED_IN;
			}
			else if (me.atenaNumber() == null && linked.isEmpty()) {
				accounts.link(me.id(), atenaNumber, "card:" + method, METHOD_CARD, null, now);
				accessLog.record(AccessAction.CHANGE, atenaNumber,
						"resident account linked: " + CounterLinks.subject(me.id()) + ", " + METHOD_CARD + " " + method);
				account = me;
				result = Result.LINKED;
			}
			else {
				return Result.OTHER_PERSON;
			}
		}
		else if (linked.isPresent()) {
			account = linked.get();
			result = Result.SIGNED_IN;
		}
		else {
			return Result.NO_ACCOUNT;
		}
		accounts.recordSuccess(account.id(), now);
		establish(account, new CardSession(account.id(), atenaNumber, level, method, now), request, response, clock);
		return result;
	}

	/** A new session id (no fixation), the resident's security context and the card proof in the session. */
	private static void establish(StoredAccount account, CardSession card, HttpServletRequest request,
			HttpServletResponse response, Clock clock) {
		request.getSession(true);
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(ResidentAuthenticationProvider.signedIn(account.id(), account.email()));
		SecurityContextHolder.setContext(context);
		HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
		contexts.setSpringSecurityContextKey(PortalSecurityConfiguration.CONTEXT_KEY);
		contexts.saveContext(context, request, response);
		ResidentIdleTimeout.signedIn(request, clock);
		request.getSession().setAttribute(CardSession.ATTRIBUTE, card);
	}

	/** The card proof of this session for the account, if the card was used since it signed in. */
	static Optional<CardSession> of(HttpServletRequest request, UUID accountId) {
		var session = request == null ? null : request.getSession(false);
		if (session == null || !(session.getAttribute(CardSession.ATTRIBUTE) instanceof CardSession card)
				|| !card.accountId().equals(accountId)) {
			return Optional.empty();
		}
		return Optional.of(card);
	}
}
