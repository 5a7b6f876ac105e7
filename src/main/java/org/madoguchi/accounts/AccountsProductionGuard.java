package org.madoguchi.accounts;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Production mode (profile {@code prod}) refuses to start without a key of its own for the second factor
 * ({@code MADOGUCHI_ACCOUNTS_TOTP_KEY}): with none, residents could not protect their accounts; with the
 * development key, anyone with the source could read every TOTP secret from a copy of the database.
 */
@Component
@Profile("prod")
class AccountsProductionGuard implements InitializingBean {

	private final AccountSecurityProperties settings;

	AccountsProductionGuard(AccountSecurityProperties settings) {
		this.settings = settings;
	}

	@Override
	public void afterPropertiesSet() {
		check(settings.totpKey());
	}

	static void check(String totpKey) {
		if (totpKey.isEmpty()) {
			throw new IllegalStateException("Refusing to start in production mode:\n - MADOGUCHI_ACCOUNTS_TOTP_KEY is not "
					+ "set (the key of residents' second factor); generate one with `openssl rand -base64 32`");
		}
		if (AccountSecurityProperties.DEVELOPMENT_TOTP_KEY.equals(totpKey)) {
			throw new IllegalStateException("Refusing to start in production mode:\n - MADOGUCHI_ACCOUNTS_TOTP_KEY is the "
					+ "development key; generate one with `openssl rand -base64 32`");
		}
	}
}
