package org.madoguchi.staff;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo API client for {@code start-dev} only (profile {@code dev}): a city core system (基幹系) that
 * reads the procedure catalog and takes applications and register changes from the feeds. Flagged as
 * demo; production mode refuses to start while it exists.
 *
 * <pre>
 * curl -u demo-core-system:core-system-demo-secret -d grant_type=client_credentials http://localhost:8080/api/oauth2/token
 * </pre>
 */
@Component
@Profile("dev")
@Order(1)
class DemoClients implements ApplicationRunner {

	static final String CLIENT_ID = "demo-core-system";
	static final String SECRET = "core-system-demo-secret";
	static final Set<ApiScope> SCOPES = EnumSet.of(ApiScope.APPLICATIONS_FEED, ApiScope.APPLICATIONS_READ,
			ApiScope.PROCEDURES_READ, ApiScope.REGISTER_FEED);

	private final ApiClients clients;

	DemoClients(ApiClients clients) {
		this.clients = clients;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (clients.find(CLIENT_ID).isEmpty()) {
			clients.create(CLIENT_ID, "基幹系システム（デモ） Core system (demo)", SCOPES, EnumSet.of(StaffRole.LINKAGE),
					"start-dev", true, SECRET);
		}
	}
}
