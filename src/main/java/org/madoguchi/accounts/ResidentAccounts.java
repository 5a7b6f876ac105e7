package org.madoguchi.accounts;

import java.util.Optional;
import java.util.UUID;

/** Published API of the accounts module. */
public interface ResidentAccounts {

	Optional<ResidentAccount> find(UUID accountId);

	/** The resident signed in to the portal in the current request, if any. */
	Optional<ResidentAccount> current();
}
