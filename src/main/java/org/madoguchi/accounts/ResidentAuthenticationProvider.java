package org.madoguchi.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Signs residents in with email and password, against {@code resident_account} only (staff accounts
 * are not seen here). Counts failures in the database and locks the account after
 * {@code maxAttempts} for {@code lockout}. Deliberately not a bean: the staff chain builds its
 * authentication from the beans it finds, and must not find this.
 */
class ResidentAuthenticationProvider implements AuthenticationProvider {

	static final String ROLE = "ROLE_RESIDENT";

	private final AccountRepository accounts;
	private final PasswordEncoder encoder;
	private final Clock clock;
	private final int maxAttempts;
	private final Duration lockout;
	/** Compared against when the address is unknown, so that the answer takes as long as for a known one. */
	private final String dummyHash;

	ResidentAuthenticationProvider(AccountRepository accounts, PasswordEncoder encoder, Clock clock, int maxAttempts,
			Duration lockout) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.clock = clock;
		this.maxAttempts = maxAttempts;
		this.lockout = lockout;
		this.dummyHash = encoder.encode("not-a-password-of-anyone");
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = AccountValidation.normalizeEmail(authentication.getName());
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		if (password.length() > AccountValidation.PASSWORD_MAX * 2) {
			// never hash an oversized input (hashing cost is the point of Argon2, and the attacker's lever)
			throw new BadCredentialsException("bad credentials");
		}
		Optional<StoredAccount> found = email.length() > AccountValidation.EMAIL_MAX ? Optional.empty()
				: accounts.findByEmail(email);
		if (found.isEmpty()) {
			encoder.matches(password, dummyHash);
			throw new BadCredentialsException("bad credentials");
		}
		StoredAccount account = found.get();
		Instant now = clock.instant();
		if (account.lockedAt(now)) {
			throw new LockedException("locked");
		}
		if (!encoder.matches(password, account.passwordHash())) {
			accounts.recordFailure(account.id(), maxAttempts, now.plus(lockout));
			throw new BadCredentialsException("bad credentials");
		}
		accounts.recordSuccess(account.id(), now);
		if (encoder.upgradeEncoding(account.passwordHash())) {
			accounts.upgradePasswordHash(account.id(), encoder.encode(password));
		}
		return UsernamePasswordAuthenticationToken.authenticated(new ResidentPrincipal(account.id(), account.email()),
				null, List.of(new SimpleGrantedAuthority(ROLE)));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
