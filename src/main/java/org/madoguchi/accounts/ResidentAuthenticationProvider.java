package org.madoguchi.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Signs residents in with email and password, against {@code resident_account} only (staff accounts
 * are not seen here). Counts failures in the database and locks the account after
 * {@code maxAttempts} for {@code lockout}. When the account has the second factor on, a right password
 * does not sign in: it ends in {@link SecondFactorRequired}, and the failure count is not reset until the
 * code is right too ({@link SecondFactorFilter}), so wrong codes and wrong passwords lock together.
 * Deliberately not a bean: the staff chain builds its authentication from the beans it finds, and must
 * not find this.
 */
class ResidentAuthenticationProvider implements AuthenticationProvider {

	static final String ROLE = "ROLE_RESIDENT";

	private final AccountRepository accounts;
	private final ResidentPasswords passwords;
	private final TotpService totp;
	private final Clock clock;
	private final int maxAttempts;
	private final Duration lockout;

	ResidentAuthenticationProvider(AccountRepository accounts, ResidentPasswords passwords, TotpService totp, Clock clock,
			int maxAttempts, Duration lockout) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.totp = totp;
		this.clock = clock;
		this.maxAttempts = maxAttempts;
		this.lockout = lockout;
	}

	/** The signed-in resident as the session keeps it. */
	static Authentication signedIn(UUID accountId, String email) {
		return UsernamePasswordAuthenticationToken.authenticated(new ResidentPrincipal(accountId, email), null,
				List.of(new SimpleGrantedAuthority(ROLE)));
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = AccountValidation.normalizeEmail(authentication.getName());
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		if (password.length() > PasswordPolicy.MAX_INPUT) {
			// never hash an oversized input (hashing cost is the point of Argon2, and the attacker's lever)
			throw new BadCredentialsException("bad credentials");
		}
		Optional<StoredAccount> found = email.length() > AccountValidation.EMAIL_MAX ? Optional.empty()
				: accounts.findByEmail(email);
		if (found.isEmpty()) {
			passwords.burn(password);
			throw new BadCredentialsException("bad credentials");
		}
		StoredAccount account = found.get();
		Instant now = clock.instant();
		if (account.lockedAt(now)) {
			throw new LockedException("locked");
		}
		if (!passwords.matches(password, account)) {
			recordFailure(account.id());
			throw new BadCredentialsException("bad credentials");
		}
		if (passwords.needsRehash(account)) {
			accounts.upgradePasswordHash(account.id(), passwords.hash(password));
		}
		if (totp.enabled(account.id())) {
			throw new SecondFactorRequired(account.id(), account.email());
		}
		accounts.recordSuccess(account.id(), now);
		return signedIn(account.id(), account.email());
	}

	/** Counts a failed password or code towards the lockout. */
	void recordFailure(UUID accountId) {
		accounts.recordFailure(accountId, maxAttempts, clock.instant().plus(lockout));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
