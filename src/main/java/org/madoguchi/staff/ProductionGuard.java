package org.madoguchi.staff;

import java.util.ArrayList;
import java.util.List;

import org.madoguchi.registry.RegisterProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Production mode ({@code bin/madoguchi start}, profile {@code prod}) refuses to start with demo
 * accounts or demo API clients in the database (checked before the web server opens its port), the development 個人番号 key, or an embedded database.
 */
@Component
@Profile("prod")
class ProductionGuard implements InitializingBean {

	private final StaffAccounts accounts;
	private final ApiClients clients;
	private final RegisterProperties register;
	private final String datasourceUrl;
	private final String publicUrl;

	ProductionGuard(StaffAccounts accounts, ApiClients clients, RegisterProperties register,
			@Value("${spring.datasource.url:}") String datasourceUrl, @Value("${madoguchi.public-url:}") String publicUrl) {
		this.publicUrl = publicUrl;
		this.accounts = accounts;
		this.clients = clients;
		this.register = register;
		this.datasourceUrl = datasourceUrl;
	}

	@Override
	public void afterPropertiesSet() {
		List<String> problems = new ArrayList<>();
		if (RegisterProperties.DEVELOPMENT_KEY.equals(register.myNumberKey())) {
			problems.add("MADOGUCHI_REGISTER_MY_NUMBER_KEY is the development key; generate one with `openssl rand -base64 32`");
		}
		if (accounts.countDemo() > 0) {
			problems.add("the database holds demo staff accounts (created by start-dev); use a production database");
		}
		if (clients.countDemo() > 0) {
			problems.add("the database holds the demo API client (created by start-dev, with a published secret); "
					+ "use a production database");
		}
		if (datasourceUrl.startsWith("jdbc:h2:")) {
			problems.add("production needs PostgreSQL (MADOGUCHI_DB_URL), not the embedded H2 database");
		}
		if (publicUrl.isBlank() || publicUrl.contains("://localhost")) {
			problems.add("MADOGUCHI_PUBLIC_URL is not set: links in mail to residents would not reach the portal "
					+ "(e.g. https://portal.city.example.jp)");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Refusing to start in production mode:\n - " + String.join("\n - ", problems));
		}
	}
}
