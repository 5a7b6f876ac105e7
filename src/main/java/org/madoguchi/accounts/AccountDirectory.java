package org.madoguchi.accounts;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ResidentAccounts} for other modules: read from the database on every call, so changes show at once. */
@Service
@Transactional(readOnly = true)
class AccountDirectory implements ResidentAccounts {

	private final AccountRepository accounts;

	AccountDirectory(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public Optional<ResidentAccount> find(UUID accountId) {
		return accountId == null ? Optional.empty() : accounts.find(accountId).map(StoredAccount::toAccount);
	}

	/**
	 * The signed-in resident; with the assurance raised to what a My Number Card proved in this session
	 * ({@link CardSignIns}), and the 宛名番号 the card proved.
	 */
	@Override
	public Optional<ResidentAccount> current() {
		return currentId().flatMap(this::find).map(a -> {
			var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
			var request = attributes instanceof org.springframework.web.context.request.ServletRequestAttributes s
					? s.getRequest() : null;
			return CardSignIns.of(request, a.id())
				.filter(card -> card.atenaNumber().equals(a.atenaNumber()) && card.assurance().ordinal() > a.assurance().ordinal())
				.map(card -> a.withAssurance(card.assurance()))
				.orElse(a);
		});
	}

	/** The account id of the resident signed in to the portal in this request (the portal chain's context). */
	static Optional<UUID> currentId() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof ResidentPrincipal p) {
			return Optional.of(p.accountId());
		}
		return Optional.empty();
	}
}
