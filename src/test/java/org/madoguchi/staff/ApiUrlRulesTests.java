package org.madoguchi.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The API chain's URL rules, path by path: which scope opens what for a client, and which roles for
 * staff. "Allowed" means the request got past security (the endpoint itself may still answer 400 or
 * 404, e.g. for applications endpoints not built yet); "refused" means 403.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiUrlRulesTests {

	@Autowired
	MockMvc mvc;

	static RequestPostProcessor client(ApiScope... scopes) {
		Set<ApiScope> set = scopes.length == 0 ? EnumSet.noneOf(ApiScope.class) : EnumSet.of(scopes[0], scopes);
		var caller = new ApiCaller("rules-test", ApiCaller.Kind.CLIENT, set);
		// the client also acts as LINKAGE and ADMIN: roles never open a URL for a client
		var auth = new ApiTokenAuthentication(caller, new ApiTokens.Verified(caller,
				EnumSet.of(StaffRole.LINKAGE, StaffRole.ADMIN), null).authorities());
		return authentication(auth);
	}

	static RequestPostProcessor staff(StaffRole role) {
		return user("rules-" + role.name().toLowerCase()).roles(role.name());
	}

	record Case(String who, RequestPostProcessor as, HttpMethod method, String path, boolean allowed) {
	}

	final List<Case> cases = new ArrayList<>();

	void allow(String who, RequestPostProcessor as, HttpMethod method, String path) {
		cases.add(new Case(who, as, method, path, true));
	}

	void refuse(String who, RequestPostProcessor as, HttpMethod method, String path) {
		cases.add(new Case(who, as, method, path, false));
	}

	@Test
	void scopesOpenPathsForClientsAndRolesForStaff() throws Exception {
		HttpMethod GET = HttpMethod.GET;
		HttpMethod POST = HttpMethod.POST;
		var procedures = client(ApiScope.PROCEDURES_READ);
		allow("procedures:read", procedures, GET, "/api/v1/procedures");
		allow("procedures:read", procedures, GET, "/api/v1/procedures/juminhyo-copy");
		allow("procedures:read", procedures, GET, "/api/v1/procedures/juminhyo-copy/schema");
		refuse("procedures:read", procedures, GET, "/api/v1/procedures/juminhyo-copy/applications.csv");
		refuse("procedures:read", procedures, GET, "/api/v1/applications/1");

		var feed = client(ApiScope.APPLICATIONS_FEED);
		allow("applications:feed", feed, GET, "/api/v1/procedures/juminhyo-copy/applications.csv");
		allow("applications:feed", feed, GET, "/api/v1/applications/feed");
		allow("applications:feed", feed, POST, "/api/v1/applications/feed/ack");
		refuse("applications:feed", feed, GET, "/api/v1/applications/1");
		refuse("applications:feed", feed, POST, "/api/v1/applications");
		refuse("applications:feed", feed, GET, "/api/v1/procedures/juminhyo-copy");

		var submit = client(ApiScope.APPLICATIONS_SUBMIT);
		allow("applications:submit", submit, POST, "/api/v1/applications");
		allow("applications:submit", submit, POST, "/api/v1/applications/1/attachments");
		allow("applications:submit", submit, GET, "/api/v1/applications/1");
		allow("applications:submit", submit, POST, "/api/v1/applications/1/submit");
		allow("applications:submit", submit, HttpMethod.PUT, "/api/v1/applications/1/answers");
		refuse("applications:submit", submit, GET, "/api/v1/applications/feed");
		refuse("applications:submit", submit, POST, "/api/v1/applications/feed/ack");
		refuse("applications:submit", submit, GET, "/api/v1/staff/applications/1");

		var read = client(ApiScope.APPLICATIONS_READ);
		allow("applications:read", read, GET, "/api/v1/applications/1");
		refuse("applications:read", read, POST, "/api/v1/applications");

		var review = client(ApiScope.APPLICATIONS_REVIEW);
		allow("applications:review", review, GET, "/api/v1/staff/applications");
		allow("applications:review", review, GET, "/api/v1/staff/applications/1");
		allow("applications:review", review, POST, "/api/v1/staff/applications/1/decisions");
		refuse("applications:review", review, GET, "/api/v1/applications/1");

		var registerRead = client(ApiScope.REGISTER_READ);
		allow("register:read", registerRead, GET, "/api/v1/register/residents");
		refuse("register:read", registerRead, POST, "/api/v1/register/move-ins");
		refuse("register:read", registerRead, GET, "/api/v1/register/feed");
		refuse("register:read", registerRead, GET, "/api/v1/register/export");

		var registerWrite = client(ApiScope.REGISTER_WRITE);
		allow("register:write", registerWrite, POST, "/api/v1/register/move-ins");
		refuse("register:write", registerWrite, POST, "/api/v1/register/import");
		refuse("register:write", registerWrite, GET, "/api/v1/register/residents");

		var registerFeed = client(ApiScope.REGISTER_FEED);
		allow("register:feed", registerFeed, GET, "/api/v1/register/feed");
		allow("register:feed", registerFeed, GET, "/api/v1/register/export");
		refuse("register:feed", registerFeed, GET, "/api/v1/audit/access-log");

		allow("audit:read", client(ApiScope.AUDIT_READ), GET, "/api/v1/audit/access-log");
		refuse("all scopes", client(ApiScope.values()), GET, "/api/v1/not-a-rule");

		var counter = staff(StaffRole.COUNTER);
		allow("COUNTER", counter, GET, "/api/v1/procedures/juminhyo-copy");
		allow("COUNTER", counter, GET, "/api/v1/staff/applications/1");
		allow("COUNTER", counter, GET, "/api/v1/register/residents");
		allow("COUNTER", counter, GET, "/api/v1/not-a-rule");
		refuse("COUNTER", counter, GET, "/api/v1/applications/1");
		refuse("COUNTER", counter, GET, "/api/v1/applications/feed");
		refuse("COUNTER", counter, GET, "/api/v1/register/feed");
		refuse("COUNTER", counter, POST, "/api/v1/register/import");

		var approver = staff(StaffRole.APPROVER);
		allow("APPROVER", approver, GET, "/api/v1/staff/applications/1");
		refuse("APPROVER", approver, GET, "/api/v1/register/residents");

		var linkage = staff(StaffRole.LINKAGE);
		allow("LINKAGE", linkage, GET, "/api/v1/procedures/juminhyo-copy/applications.csv");
		allow("LINKAGE", linkage, GET, "/api/v1/applications/feed");
		allow("LINKAGE", linkage, POST, "/api/v1/applications/feed/ack");
		allow("LINKAGE", linkage, GET, "/api/v1/register/feed");
		refuse("LINKAGE", linkage, GET, "/api/v1/staff/applications/1");

		var auditor = staff(StaffRole.AUDITOR);
		allow("AUDITOR", auditor, GET, "/api/v1/procedures/juminhyo-copy");
		allow("AUDITOR", auditor, GET, "/api/v1/audit/access-log");
		refuse("AUDITOR", auditor, GET, "/api/v1/register/residents");

		var admin = staff(StaffRole.ADMIN);
		allow("ADMIN", admin, POST, "/api/v1/register/import");
		allow("ADMIN", admin, GET, "/api/v1/applications/feed");
		refuse("ADMIN", admin, POST, "/api/v1/applications");

		List<String> wrong = new ArrayList<>();
		for (Case c : cases) {
			int status = mvc.perform(request(c.method(), c.path()).with(c.as())).andReturn().getResponse().getStatus();
			boolean allowed = status != 401 && status != 403;
			if (allowed != c.allowed()) {
				wrong.add(c.who() + " " + c.method() + " " + c.path() + " → " + status);
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void clientAuthoritiesAreScopesThenRoles() {
		var caller = new ApiCaller("x", ApiCaller.Kind.CLIENT, EnumSet.of(ApiScope.REGISTER_FEED, ApiScope.PROCEDURES_READ));
		assertThat(new ApiTokens.Verified(caller, EnumSet.of(StaffRole.LINKAGE), null).authorities())
			.containsExactly(new SimpleGrantedAuthority("SCOPE_procedures:read"), new SimpleGrantedAuthority("SCOPE_register:feed"),
					new SimpleGrantedAuthority("ROLE_LINKAGE"));
	}
}
