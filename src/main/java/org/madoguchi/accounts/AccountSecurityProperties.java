package org.madoguchi.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings of resident accounts ({@code madoguchi.accounts.*}; the lockout keys
 * {@code max-failed-sign-ins} and {@code lockout} are read by {@link PortalSecurityConfiguration}).
 *
 * @param sessionTimeout how long a resident stays signed in without doing anything (操作のない時間); the
 *     HTTP session itself ({@code spring.session.timeout}) may end it sooner, the pages show the shorter one
 * @param sessionWarning how long before the end the page warns (with JavaScript)
 * @param totpKey Base64 of 32 random bytes: encrypts TOTP secrets and keys the recovery codes' hashes;
 *     production refuses to start without one ({@link AccountsProductionGuard})
 * @param totpIssuer the name authenticator apps show above the code
 * @param codeAttempts wrong codes allowed on the second sign-in page before the password is asked again
 * @param rateLimits requests per client address, counted in the database for all nodes together
 */
@ConfigurationProperties("madoguchi.accounts")
record AccountSecurityProperties(Duration sessionTimeout, Duration sessionWarning, String totpKey, String totpIssuer,
		Integer codeAttempts, RateLimits rateLimits) {

	/** The key of application-dev.yml and application-test.yml; production refuses it. */
	static final String DEVELOPMENT_TOTP_KEY = "ZGV2LXRvdHAta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=";

	AccountSecurityProperties {
		sessionTimeout = sessionTimeout == null ? Duration.ofMinutes(30) : sessionTimeout;
		sessionWarning = sessionWarning == null ? Duration.ofMinutes(2) : sessionWarning;
		totpKey = totpKey == null ? "" : totpKey.strip();
		totpIssuer = totpIssuer == null || totpIssuer.isBlank() ? "Madoguchi" : totpIssuer.strip();
		codeAttempts = codeAttempts == null ? 5 : codeAttempts;
		rateLimits = rateLimits == null ? new RateLimits(null, null, null) : rateLimits;
		if (sessionTimeout.isNegative() || sessionTimeout.isZero() || codeAttempts < 1) {
			throw new IllegalArgumentException("madoguchi.accounts.session-timeout and code-attempts must be positive");
		}
	}

	/**
	 * Limits per client address (fixed windows).
	 *
	 * @param signIn sign-in attempts: the password page and the code page together
	 * @param registration new accounts
	 * @param mail requests that send a mail: password reset, verification mail again
	 */
	record RateLimits(Limit signIn, Limit registration, Limit mail) {

		RateLimits {
			signIn = signIn == null ? new Limit(30, Duration.ofMinutes(15)) : signIn;
			registration = registration == null ? new Limit(10, Duration.ofHours(1)) : registration;
			mail = mail == null ? new Limit(10, Duration.ofHours(1)) : mail;
		}
	}

	/** At most {@code requests} in each {@code window}. */
	record Limit(int requests, Duration window) {

		Limit {
			if (requests < 1 || window == null || window.toSeconds() < 1) {
				throw new IllegalArgumentException("a rate limit needs requests >= 1 and a window of at least 1s");
			}
		}
	}
}
