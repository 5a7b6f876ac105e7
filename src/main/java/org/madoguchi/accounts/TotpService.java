package org.madoguchi.accounts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;

import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The optional second factor (2段階認証): an authenticator app's code (TOTP) or, when the phone is lost, one of
 * {@value #RECOVERY_CODES} one-time recovery codes (予備コード). Set up in two steps — a secret is shown, then
 * confirmed with a first code — so that nobody turns it on with an app that does not work.
 */
@Service
@Transactional
class TotpService {

	static final int RECOVERY_CODES = 10;
	/** Crockford's base32: no i, l, o, u, so that codes read aloud or typed by hand are not confused. */
	private static final String CODE_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
	private static final int CODE_LENGTH = 10;
	private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
	private static final Pattern RECOVERY = Pattern.compile("[0-9a-hjkmnp-tv-z]{" + CODE_LENGTH + "}");
	/** What a typed code may be at most before it is looked at. */
	static final int MAX_TYPED = 40;

	/** A secret being set up, as the page shows it. */
	record Enrolment(String secret, String uri, String qrCode) {
	}

	private final TotpStore store;
	private final TotpSecrets secrets;
	private final AccountRepository accounts;
	private final ResidentPasswords passwords;
	private final Clock clock;
	private final String issuer;
	private final SecureRandom random = new SecureRandom();

	TotpService(TotpStore store, TotpSecrets secrets, AccountRepository accounts, ResidentPasswords passwords,
			Clock clock, AccountSecurityProperties settings) {
		this.store = store;
		this.secrets = secrets;
		this.accounts = accounts;
		this.passwords = passwords;
		this.clock = clock;
		this.issuer = settings.totpIssuer();
	}

	/** Whether the installation has a key for the second factor (production always has one). */
	boolean available() {
		return secrets.configured();
	}

	@Transactional(readOnly = true)
	boolean enabled(UUID account) {
		return store.enabled(account);
	}

	@Transactional(readOnly = true)
	int unusedRecoveryCodes(UUID account) {
		return store.unusedRecoveryCodes(account);
	}

	/** Starts setting up with a new secret (replacing one not yet confirmed); empty if already on. */
	Optional<Enrolment> start(UUID account) {
		byte[] secret = secrets.newSecret();
		if (!store.savePending(account, secrets.encrypt(account, secret), clock.instant())) {
			return Optional.empty();
		}
		return Optional.of(enrolment(account, secret));
	}

	/** The secret being set up, to show again. */
	@Transactional(readOnly = true)
	Optional<Enrolment> pending(UUID account) {
		return store.find(account)
			.filter(r -> r.confirmedAt() == null)
			.map(r -> enrolment(account, secrets.decrypt(account, r.secret())));
	}

	/**
	 * Turns the second factor on with a first code from the app; returns the recovery codes, shown once.
	 *
	 * @throws InvalidInputException on field {@code code} if the code is not the app's current one
	 */
	List<String> confirm(UUID account, String typed) {
		String code = normalize(typed);
		Optional<TotpStore.Row> row = store.find(account).filter(r -> r.confirmedAt() == null);
		OptionalLong step = row.isEmpty() || !SIX_DIGITS.matcher(code).matches() ? OptionalLong.empty()
				: Totp.match(secrets.decrypt(account, row.get().secret()), code, Totp.step(clock.instant()));
		if (step.isEmpty() || !store.confirm(account, step.getAsLong(), clock.instant())) {
			throw new InvalidInputException(List.of(FieldError.of("code", "accounts.error.totpCode")));
		}
		return newRecoveryCodes(account);
	}

	/**
	 * Checks a code at sign-in or when turning the factor off: a current TOTP code whose step was not used
	 * yet, or an unused recovery code (used up by this).
	 */
	boolean verify(UUID account, String typed) {
		String code = normalize(typed);
		Instant now = clock.instant();
		if (SIX_DIGITS.matcher(code).matches()) {
			Optional<TotpStore.Row> row = store.find(account).filter(r -> r.confirmedAt() != null);
			if (row.isEmpty()) {
				return false;
			}
			OptionalLong step = Totp.match(secrets.decrypt(account, row.get().secret()), code, Totp.step(now));
			return step.isPresent() && store.useStep(account, step.getAsLong());
		}
		String recovery = code.replace('o', '0').replace('i', '1').replace('l', '1');
		return RECOVERY.matcher(recovery).matches() && store.useRecoveryCode(account, secrets.codeHash(account, recovery), now);
	}

	/**
	 * Turns the second factor off; asks for the password and a code, so that an open session alone cannot.
	 *
	 * @throws InvalidInputException on {@code currentPassword} and {@code code}
	 */
	void disable(UUID account, String currentPassword, String code) {
		StoredAccount a = accounts.find(account).orElseThrow();
		List<FieldError> errors = new ArrayList<>();
		if (currentPassword == null || currentPassword.isEmpty()) {
			errors.add(FieldError.of("currentPassword", "accounts.error.required"));
		}
		else if (!passwords.matches(currentPassword, a)) {
			errors.add(FieldError.of("currentPassword", "accounts.error.currentPassword"));
		}
		if (code == null || code.isBlank()) {
			errors.add(FieldError.of("code", "accounts.error.required"));
		}
		else if (errors.isEmpty() && !verify(account, code)) {
			errors.add(FieldError.of("code", "accounts.error.totpCode"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		store.delete(account);
	}

	private List<String> newRecoveryCodes(UUID account) {
		List<String> codes = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			StringBuilder c = new StringBuilder(CODE_LENGTH);
			for (int k = 0; k < CODE_LENGTH; k++) {
				c.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
			}
			hashes.add(secrets.codeHash(account, c.toString()));
			codes.add(c.substring(0, CODE_LENGTH / 2) + "-" + c.substring(CODE_LENGTH / 2));
		}
		store.replaceRecoveryCodes(account, hashes);
		return codes;
	}

	private Enrolment enrolment(UUID account, byte[] secret) {
		String email = accounts.find(account).orElseThrow().email();
		String base32 = Totp.base32(secret);
		String label = encode(issuer) + ":" + encode(email);
		String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
		return new Enrolment(base32, uri, QrCodes.svgDataUri(uri));
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** 全角 digits, spaces and hyphens as typed or copied are accepted. */
	static String normalize(String typed) {
		if (typed == null || typed.length() > MAX_TYPED) {
			return "";
		}
		return PasswordPolicy.normalize(typed).replaceAll("[\\s\\-]", "").toLowerCase(Locale.ROOT);
	}
}
