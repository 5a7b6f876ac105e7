package org.madoguchi.accounts;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks residents' passwords in their NFKC form ({@link PasswordPolicy#normalize}), the same at
 * registration, reset, change and sign-in. Hashes made before NFKC was used are marked ({@code password_nfkc}
 * false) and checked against the password exactly as typed, so that nobody is locked out; the sign-in then
 * remakes them. Either way one hash is computed per check.
 */
@Component
class ResidentPasswords {

	private final PasswordEncoder encoder;
	/** Compared against when there is no account, so that the answer takes as long as for a known one. */
	private final String dummyHash;

	ResidentPasswords(PasswordEncoder encoder) {
		this.encoder = encoder;
		this.dummyHash = encoder.encode("not-a-password-of-anyone");
	}

	/** The hash to store, made from the NFKC form; store it with {@code password_nfkc} true. */
	String hash(String password) {
		return encoder.encode(PasswordPolicy.normalize(password));
	}

	/** Whether the password is the account's; an oversized input is refused without hashing. */
	boolean matches(String password, StoredAccount account) {
		if (password == null || password.length() > PasswordPolicy.MAX_INPUT) {
			return false;
		}
		return encoder.matches(account.passwordNfkc() ? PasswordPolicy.normalize(password) : password,
				account.passwordHash());
	}

	/** After a successful check: whether the hash should be remade (older algorithm, or made before NFKC). */
	boolean needsRehash(StoredAccount account) {
		return !account.passwordNfkc() || encoder.upgradeEncoding(account.passwordHash());
	}

	/** Spends the time of one check, for an unknown address. */
	void burn(String password) {
		encoder.matches(password == null || password.length() > PasswordPolicy.MAX_INPUT ? "" : password, dummyHash);
	}
}
