package org.madoguchi.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.madoguchi.accounts.AccountRepository.TokenPurpose;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What residents do with their account: register, verify the address, reset a forgotten password,
 * edit the profile, change the password. Mails are not sent here: events carry the links
 * ({@link ResidentAccountRegistered}, {@link PasswordResetRequested}) and are published in the
 * transaction, so no mail goes out for an account that was not stored.
 */
@Service
@Transactional
class AccountService {

	static final Duration VERIFICATION_VALIDITY = Duration.ofHours(24);
	static final Duration RESET_VALIDITY = Duration.ofHours(1);
	/** At most one verification or reset mail per account in this time. */
	static final Duration MAIL_INTERVAL = Duration.ofMinutes(1);

	/** Outcome of asking for another verification mail. */
	enum Resend {
		SENT, TOO_SOON, ALREADY_VERIFIED
	}

	private final AccountRepository accounts;
	private final ResidentPasswords passwords;
	private final PasswordPolicy policy;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final String publicUrl;

	AccountService(AccountRepository accounts, ResidentPasswords passwords, PasswordPolicy policy,
			ApplicationEventPublisher events, Clock clock, @Value("${madoguchi.public-url}") String publicUrl) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.policy = policy;
		this.events = events;
		this.clock = clock;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	/**
	 * Registers an account and publishes the verification mail's event. An address that already has an
	 * account is answered exactly like a new one (nothing stored, nothing sent), so that the form cannot
	 * be used to find out who has an account.
	 *
	 * @throws InvalidInputException with every field error found
	 */
	void register(RegistrationForm form) {
		List<FieldError> errors = new ArrayList<>();
		String email = AccountValidation.normalizeEmail(form.getEmail());
		AccountValidation.email("email", email, errors);
		ResidentProfile profile = AccountValidation.profile(form, today(), errors);
		// the profile as typed (even if some field is wrong) is what the password must not be made of
		policy.check("password", form.getPassword(), "passwordConfirm", form.getPasswordConfirm(),
				new PasswordPolicy.Personal(email, form.getName(), form.getKana()), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		// hash before looking the address up, so that both answers take as long
		String hash = passwords.hash(form.getPassword());
		if (accounts.emailTaken(email)) {
			return;
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		accounts.insert(id, email, hash, profile, null, false, now);
		String token = newToken(id, TokenPurpose.VERIFY_EMAIL, VERIFICATION_VALIDITY, now);
		events.publishEvent(new ResidentAccountRegistered(id, email, profile.name(), profile.language(),
				publicUrl + "/portal/verify/" + token));
	}

	/** Verifies the address with the token from the mail; false if it is unknown, used or expired. */
	boolean verify(String token) {
		if (!OneTimeTokens.wellFormed(token)) {
			return false;
		}
		Instant now = clock.instant();
		Optional<UUID> id = accounts.consumeToken(OneTimeTokens.hash(token), TokenPurpose.VERIFY_EMAIL, now);
		id.ifPresent(a -> accounts.markEmailVerified(a, now));
		return id.isPresent();
	}

	/** Sends the verification mail again (a new link; earlier ones stop working), at most once a minute. */
	Resend resendVerification(UUID accountId) {
		StoredAccount a = accounts.find(accountId).orElseThrow();
		if (a.emailVerified()) {
			return Resend.ALREADY_VERIFIED;
		}
		Instant now = clock.instant();
		if (!accounts.claimVerificationMail(accountId, now, now.minus(MAIL_INTERVAL))) {
			return Resend.TOO_SOON;
		}
		accounts.voidTokens(accountId, TokenPurpose.VERIFY_EMAIL, now);
		String token = newToken(accountId, TokenPurpose.VERIFY_EMAIL, VERIFICATION_VALIDITY, now);
		events.publishEvent(new ResidentAccountRegistered(accountId, a.email(), a.profile().name(), a.profile().language(),
				publicUrl + "/portal/verify/" + token));
		return Resend.SENT;
	}

	/**
	 * Publishes a reset link for the address if it has an account (at most one mail a minute). The
	 * caller answers the same in every case.
	 *
	 * @throws InvalidInputException if the address is missing or malformed
	 */
	void requestPasswordReset(String rawEmail) {
		List<FieldError> errors = new ArrayList<>();
		String email = AccountValidation.normalizeEmail(rawEmail);
		AccountValidation.email("email", email, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Optional<StoredAccount> found = accounts.findByEmail(email);
		if (found.isEmpty()) {
			return;
		}
		StoredAccount a = found.get();
		Instant now = clock.instant();
		if (!accounts.claimResetMail(a.id(), now, now.minus(MAIL_INTERVAL))) {
			return;
		}
		accounts.voidTokens(a.id(), TokenPurpose.RESET_PASSWORD, now);
		String token = newToken(a.id(), TokenPurpose.RESET_PASSWORD, RESET_VALIDITY, now);
		events.publishEvent(new PasswordResetRequested(a.id(), a.email(), a.profile().name(), a.profile().language(),
				publicUrl + "/portal/password/reset/" + token));
	}

	@Transactional(readOnly = true)
	boolean resetTokenUsable(String token) {
		return OneTimeTokens.wellFormed(token)
				&& accounts.tokenUsable(OneTimeTokens.hash(token), TokenPurpose.RESET_PASSWORD, clock.instant());
	}

	/**
	 * Sets a new password with a reset token. The password is checked before the token is used, so a
	 * typo does not spend the link. The link also proves the mailbox, so an unverified address becomes
	 * verified, and a lockout ends.
	 *
	 * @return false if the token is unknown, used or expired
	 * @throws InvalidInputException if the new password is not acceptable
	 */
	boolean resetPassword(String token, String password, String confirm) {
		if (!resetTokenUsable(token)) {
			return false;
		}
		String hash = OneTimeTokens.hash(token);
		Instant now = clock.instant();
		UUID owner = accounts.tokenAccount(hash).orElseThrow();
		StoredAccount a = accounts.find(owner).orElseThrow();
		List<FieldError> errors = new ArrayList<>();
		policy.check("password", password, "passwordConfirm", confirm, PasswordPolicy.Personal.of(a.email(), a.profile()),
				errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (accounts.consumeToken(hash, TokenPurpose.RESET_PASSWORD, now).isEmpty()) {
			return false;
		}
		accounts.updatePassword(owner, passwords.hash(password), now);
		accounts.markEmailVerified(owner, now);
		return true;
	}

	/** @throws InvalidInputException with every field error found */
	void updateProfile(UUID accountId, ProfileForm form) {
		List<FieldError> errors = new ArrayList<>();
		ResidentProfile profile = AccountValidation.profile(form, today(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		accounts.updateProfile(accountId, profile, clock.instant());
	}

	/** @throws InvalidInputException if the current password is wrong or the new one not acceptable */
	void changePassword(UUID accountId, String current, String password, String confirm) {
		StoredAccount a = accounts.find(accountId).orElseThrow();
		List<FieldError> errors = new ArrayList<>();
		if (current == null || current.isEmpty()) {
			errors.add(FieldError.of("currentPassword", "accounts.error.required"));
		}
		else if (!passwords.matches(current, a)) {
			errors.add(FieldError.of("currentPassword", "accounts.error.currentPassword"));
		}
		policy.check("password", password, "passwordConfirm", confirm, PasswordPolicy.Personal.of(a.email(), a.profile()),
				errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		accounts.updatePassword(accountId, passwords.hash(password), clock.instant());
	}

	@Transactional(readOnly = true)
	Optional<StoredAccount> find(UUID accountId) {
		return accounts.find(accountId);
	}

	private String newToken(UUID accountId, TokenPurpose purpose, Duration validity, Instant now) {
		String token = OneTimeTokens.generate();
		accounts.insertToken(OneTimeTokens.hash(token), accountId, purpose, now.plus(validity), now);
		return token;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}
}
