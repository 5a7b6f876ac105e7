package org.madoguchi.accounts;

import java.io.IOException;
import java.io.Serial;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The second sign-in step ({@code POST /portal/login/code}): checks the code against the half-done sign-in
 * in the session ({@link PendingSignIn}) and only then signs the resident in, through the same session
 * handling as the password step (new session id, new CSRF token, the context under the portal's key, the
 * success handler that brings a kept form back). Every wrong code counts towards the account's lockout;
 * after {@code codeAttempts} wrong codes, or {@link PendingSignIn#VALID} after the password, the password
 * is asked again.
 */
class SecondFactorFilter extends AbstractAuthenticationProcessingFilter {

	static final String PATH = "/portal/login/code";

	/** A wrong or late code; {@code restart}: back to the password page. */
	static final class CodeRejected extends AuthenticationException {

		@Serial
		private static final long serialVersionUID = 1L;

		final boolean restart;

		CodeRejected(boolean restart) {
			super("code rejected");
			this.restart = restart;
		}
	}

	private final TotpService totp;
	private final AccountRepository accounts;
	private final ResidentAuthenticationProvider provider;
	private final Clock clock;
	private final int codeAttempts;

	SecondFactorFilter(TotpService totp, AccountRepository accounts, ResidentAuthenticationProvider provider, Clock clock,
			int codeAttempts) {
		super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PATH));
		this.totp = totp;
		this.accounts = accounts;
		this.provider = provider;
		this.clock = clock;
		this.codeAttempts = codeAttempts;
	}

	@Override
	public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response)
			throws AuthenticationException, IOException {
		HttpSession session = request.getSession(false);
		PendingSignIn pending = session == null ? null
				: session.getAttribute(PendingSignIn.KEY) instanceof PendingSignIn p ? p : null;
		Instant now = clock.instant();
		if (pending == null || pending.expiredAt(now)) {
			throw restart(session);
		}
		StoredAccount account = accounts.find(pending.accountId()).orElse(null);
		if (account == null || account.lockedAt(now)) {
			throw restart(session);
		}
		if (totp.verify(account.id(), request.getParameter("code"))) {
			session.removeAttribute(PendingSignIn.KEY);
			accounts.recordSuccess(account.id(), now);
			return ResidentAuthenticationProvider.signedIn(account.id(), account.email());
		}
		provider.recordFailure(account.id());
		PendingSignIn next = pending.withWrongCode();
		if (next.wrongCodes() >= codeAttempts) {
			throw restart(session);
		}
		session.setAttribute(PendingSignIn.KEY, next);
		throw new CodeRejected(false);
	}

	private static CodeRejected restart(HttpSession session) {
		if (session != null) {
			session.removeAttribute(PendingSignIn.KEY);
		}
		return new CodeRejected(true);
	}
}
