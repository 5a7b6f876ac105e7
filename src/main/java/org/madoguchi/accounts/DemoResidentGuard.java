package org.madoguchi.accounts;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Production mode (profile {@code prod}) refuses to start while the database holds a demo resident
 * (created by start-dev, with a published password), like the staff module's guard does for demo staff.
 */
@Component
@Profile("prod")
class DemoResidentGuard implements InitializingBean {

	private final AccountRepository accounts;

	DemoResidentGuard(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public void afterPropertiesSet() {
		check(accounts.countDemo());
	}

	static void check(long demoResidents) {
		if (demoResidents > 0) {
			throw new IllegalStateException("Refusing to start in production mode:\n - the database holds a demo "
					+ "resident account (" + DemoResident.EMAIL + ", created by start-dev); use a production database");
		}
	}
}
