package org.madoguchi.staff;

import java.time.Duration;
import java.time.Instant;

import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins and locks the account after {@code madoguchi.staff.max-failed-sign-ins}
 * (default 5) for {@code madoguchi.staff.lockout} (default 15 minutes). Counters live in the
 * database so that every node sees them. Every attempt goes to the access log.
 */
@Component
class SignInEvents {

	private final StaffAccounts accounts;
	private final AccessLog accessLog;
	private final int maxAttempts;
	private final Duration lockout;

	SignInEvents(StaffAccounts accounts, AccessLog accessLog,
			@Value("${madoguchi.staff.max-failed-sign-ins:5}") int maxAttempts,
			@Value("${madoguchi.staff.lockout:PT15M}") Duration lockout) {
		this.accounts = accounts;
		this.accessLog = accessLog;
		this.maxAttempts = maxAttempts;
		this.lockout = lockout;
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		String username = truncate(String.valueOf(event.getAuthentication().getName()));
		if (event instanceof AuthenticationFailureBadCredentialsEvent && accounts.find(username).isPresent()) {
			boolean locked = accounts.recordFailure(username, maxAttempts, Instant.now().plus(lockout));
			if (locked) {
				accessLog.recordFor(username, AccessAction.ACCOUNT_LOCKED, "after " + maxAttempts + " failures", "LOCKED");
			}
		}
		accessLog.recordFor(username, AccessAction.SIGN_IN_FAILED, event.getException().getClass().getSimpleName(),
				"DENIED");
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof ApiTokenAuthentication) {
			return; // tokens are checked on every API call; logging each would drown the log
		}
		String username = event.getAuthentication().getName();
		accounts.recordSuccess(username);
		accessLog.recordFor(username, AccessAction.SIGN_IN, null, "OK");
	}

	private static String truncate(String s) {
		return s.length() > 60 ? s.substring(0, 60) : s;
	}
}
