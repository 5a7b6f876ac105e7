package org.madoguchi.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.platform.RuleViolationException;
import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.ResidentRecord;
import org.madoguchi.registry.ResidentRegister;
import org.madoguchi.registry.ResidentSearch;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counter's side of accounts: find a resident's account by email and link it to the person in the
 * register (宛名番号) after checking an identity document (本人確認) in person, or undo the link.
 * Lookups, links and unlinks are written to the access log; the register read that checks the
 * 宛名番号 is logged by the register itself.
 */
@Service
@Transactional
class CounterLinks {

	static final String METHOD_COUNTER = "COUNTER";

	private final AccountRepository accounts;
	private final ResidentRegister register;
	private final AccessLog accessLog;
	private final Clock clock;

	CounterLinks(AccountRepository accounts, ResidentRegister register, AccessLog accessLog, Clock clock) {
		this.accounts = accounts;
		this.register = register;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	Optional<StoredAccount> findByEmail(String rawEmail) {
		String email = AccountValidation.normalizeEmail(rawEmail);
		Optional<StoredAccount> found = email.length() > AccountValidation.EMAIL_MAX ? Optional.empty()
				: accounts.findByEmail(email);
		accessLog.record(AccessAction.SEARCH, found.map(a -> subject(a.id())).orElse(null),
				"resident account by email → " + (found.isPresent() ? 1 : 0));
		return found;
	}

	StoredAccount show(UUID id) {
		StoredAccount a = accounts.find(id).orElseThrow(() -> new NotFoundException("account " + id));
		accessLog.record(AccessAction.READ_PERSON, subject(id), "resident account");
		return a;
	}

	/**
	 * Links the account to a living resident of the register.
	 *
	 * @throws InvalidInputException without the identity check, with an unknown document type, or with a
	 *     宛名番号 that is malformed, unknown or of a removed person (除票)
	 * @throws RuleViolationException if the account is already linked or the person is linked to another
	 *     account
	 * @return the person's current record, for the staff member to compare with the document
	 */
	@Transactional(noRollbackFor = { InvalidInputException.class, RuleViolationException.class })
	ResidentRecord link(UUID id, String rawAtena, boolean identityChecked, String documentType) {
		StoredAccount a = accounts.find(id).orElseThrow(() -> new NotFoundException("account " + id));
		List<FieldError> errors = new ArrayList<>();
		if (!identityChecked) {
			errors.add(FieldError.of("identityChecked", "accounts.error.identityNotChecked"));
		}
		IdentityDocument document = IdentityDocument.parse(documentType);
		if (document == null) {
			errors.add(FieldError.of("documentType",
					documentType == null || documentType.isBlank() ? "accounts.error.choose" : "accounts.error.choice"));
		}
		String atena = rawAtena == null ? "" : java.text.Normalizer.normalize(rawAtena, java.text.Normalizer.Form.NFKC).strip();
		if (atena.isEmpty()) {
			errors.add(FieldError.of("atenaNumber", "accounts.error.required"));
		}
		else if (!AtenaNumber.isValid(atena)) {
			errors.add(FieldError.of("atenaNumber", "accounts.error.atenaFormat"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (a.atenaNumber() != null) {
			throw new RuleViolationException("accounts.error.alreadyLinked", a.atenaNumber());
		}
		// a search, not person(): it answers "unknown" without an exception that would spoil this
		// transaction, so the register's log entry of the look-up is kept even when the link is refused
		List<ResidentRecord> found = register.search(new ResidentSearch(atena, null, null, null, null, true, 1, 0));
		if (found.isEmpty()) {
			throw new InvalidInputException(FieldError.of("atenaNumber", "accounts.error.atenaUnknown"));
		}
		ResidentRecord person = found.get(0);
		if (!person.isResident()) {
			throw new InvalidInputException(FieldError.of("atenaNumber", "accounts.error.atenaRemoved"));
		}
		Optional<String> other = accounts.emailLinkedTo(atena, id);
		if (other.isPresent()) {
			throw new RuleViolationException("accounts.error.atenaTaken", other.get());
		}
		accounts.link(id, atena, staffName(), METHOD_COUNTER, document.name(), clock.instant());
		accessLog.record(AccessAction.CHANGE, atena,
				"resident account linked: " + subject(id) + ", " + METHOD_COUNTER + ", document " + document.name());
		return person;
	}

	/** Removes the link; the account stays, with ACCOUNT-level assurance at most. */
	void unlink(UUID id) {
		StoredAccount a = accounts.find(id).orElseThrow(() -> new NotFoundException("account " + id));
		if (a.atenaNumber() == null) {
			return;
		}
		accounts.unlink(id, clock.instant());
		accessLog.record(AccessAction.CHANGE, a.atenaNumber(), "resident account unlinked: " + subject(id));
	}

	static String subject(UUID id) {
		return "account:" + id;
	}

	private static String staffName() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		String name = auth == null ? "system" : auth.getName();
		return name.length() > 60 ? name.substring(0, 60) : name;
	}
}
