package org.madoguchi.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** Registering clients and issuing keys: the command-line tools and the administrator's page. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiClientManagementTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiClients clients;

	@Autowired
	ApiTokens tokens;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcTemplate jdbc;

	static String newId() {
		return "t-" + UUID.randomUUID().toString().substring(0, 12);
	}

	/** Runs a tool as {@code bin/madoguchi <tool> <args>} would, and returns what it printed on standard output. */
	String runTool(String tool, String... args) throws Exception {
		StaffTools tools = new StaffTools(accounts, encoder, tokens, clients, messages,
				new MockEnvironment().withProperty("madoguchi.tool", tool));
		PrintStream out = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			tools.run(new DefaultApplicationArguments(args));
		}
		finally {
			System.setOut(out);
		}
		return captured.toString(StandardCharsets.UTF_8).strip();
	}

	@Test
	void addClientCreatesAClientAndPrintsItsSecretOnce() throws Exception {
		String id = newId();
		String secret = runTool("add-client", "--id=" + id, "--name=基幹系 住基", "--scopes=register:feed procedures:read",
				"--roles=LINKAGE");
		assertThat(secret).startsWith("mdg_cs_").doesNotContain("\n");
		ApiClient client = clients.find(id).orElseThrow();
		assertThat(client.name()).isEqualTo("基幹系 住基");
		assertThat(client.scopes()).containsExactlyInAnyOrder(ApiScope.REGISTER_FEED, ApiScope.PROCEDURES_READ);
		assertThat(client.roles()).containsExactly(StaffRole.LINKAGE);
		assertThat(client.demo()).isFalse();
		assertThat(client.createdBy()).startsWith("cli:");
		assertThat(client.secretHash()).startsWith("{argon2}").doesNotContain(secret);
		assertThat(clients.authenticate(id, secret)).isPresent();
		assertThat(clients.authenticate(id, secret + "x")).isEmpty();

		String key = runTool("issue-key", "--client=" + id, "--scopes=register:feed", "--days=7", "--label=nightly");
		assertThat(key).startsWith("mdg_key_");
		assertThat(tokens.verify(key).orElseThrow().caller().scopes()).containsExactly(ApiScope.REGISTER_FEED);

		// bad input names the option and why
		assertThatThrownBy(() -> runTool("add-client", "--id=" + id, "--name=again", "--scopes=register:feed"))
			.hasMessageContaining("--id").hasMessageContaining("already taken");
		assertThatThrownBy(() -> runTool("add-client", "--id=Bad Id", "--name=x", "--scopes=register:feed"))
			.hasMessageContaining("--id");
		assertThatThrownBy(() -> runTool("add-client", "--id=" + newId(), "--name=x", "--scopes=register:everything"))
			.hasMessageContaining("unknown scope register:everything");
		assertThatThrownBy(() -> runTool("issue-key", "--client=" + id, "--scopes=audit:read"))
			.hasMessageContaining("--scopes");
	}

	@Test
	void administratorsListCreateDisableAndIssueKeysOnThePage() throws Exception {
		var admin = user("kanri").roles("ADMIN");
		mvc.perform(get("/staff/clients").with(admin)).andExpect(status().isOk());
		mvc.perform(get("/staff/clients").with(user("madoguchi").roles("COUNTER"))).andExpect(status().isForbidden());

		String id = newId();
		// without the CSRF token nothing happens
		mvc.perform(post("/staff/clients").with(admin).param("clientId", id).param("name", "Partner")
				.param("scopes", "applications:submit")).andExpect(status().isForbidden());
		assertThat(clients.find(id)).isEmpty();

		String page = mvc.perform(post("/staff/clients").with(admin).with(csrf()).param("clientId", id)
				.param("name", "Partner service").param("scopes", "applications:submit", "applications:read")
				.param("roles", "LINKAGE"))
			.andExpect(status().isOk()).andExpect(header().string("Cache-Control", "no-store"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Matcher secret = Pattern.compile("value=\"(mdg_cs_[A-Za-z0-9_-]+)\"").matcher(page);
		assertThat(secret.find()).isTrue();
		assertThat(clients.authenticate(id, secret.group(1))).isPresent();
		assertThat(clients.find(id).orElseThrow().createdBy()).isEqualTo("kanri");

		// errors are named next to the fields and in the summary
		String invalid = mvc.perform(post("/staff/clients").with(admin).with(csrf()).param("clientId", "X")
				.param("name", "").header("Accept-Language", "en"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(invalid).contains("dads-error-summary").contains("href=\"#clientId\"").contains("href=\"#scopes\"")
			.contains("id=\"clientId-error\"").contains("aria-invalid=\"true\"").contains("Choose at least one scope.");

		mvc.perform(get("/staff/clients").with(admin)).andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString(id)));
		mvc.perform(get("/staff/clients/" + id).with(admin)).andExpect(status().isOk());

		String keyPage = mvc.perform(post("/staff/clients/" + id + "/keys").with(admin).with(csrf()).param("label", "portal")
				.param("scopes", "applications:read").param("days", "90"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Matcher key = Pattern.compile("value=\"(mdg_key_[A-Za-z0-9_-]+)\"").matcher(keyPage);
		assertThat(key.find()).isTrue();
		assertThat(tokens.verify(key.group(1))).isPresent();

		// a key with a scope the client does not hold is refused
		String refused = mvc.perform(post("/staff/clients/" + id + "/keys").with(admin).with(csrf())
				.param("scopes", "audit:read").param("days", "x"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("id=\"days-error\"").doesNotContain("mdg_key_");

		mvc.perform(post("/staff/clients/" + id + "/enabled").with(admin).with(csrf()).param("enabled", "false"))
			.andExpect(redirectedUrl("/staff/clients/" + id + "?done=disabled"));
		assertThat(clients.find(id).orElseThrow().enabled()).isFalse();
		assertThat(tokens.verify(key.group(1))).isEmpty();
		assertThat(clients.authenticate(id, secret.group(1))).isEmpty();
	}

	@Test
	void startDevCreatesTheDemoClientWhichProductionRefuses() throws Exception {
		boolean existed = clients.find(DemoClients.CLIENT_ID).isPresent();
		try {
			new DemoClients(clients).run(new DefaultApplicationArguments());
			new DemoClients(clients).run(new DefaultApplicationArguments()); // a second start changes nothing
			ApiClient demo = clients.authenticate(DemoClients.CLIENT_ID, "core-system-demo-secret").orElseThrow();
			assertThat(demo.demo()).isTrue();
			assertThat(ApiScope.format(demo.scopes())).isEqualTo("procedures:read applications:read applications:feed register:feed");
			mvc.perform(post("/api/oauth2/token").contentType("application/x-www-form-urlencoded")
					.param("grant_type", "client_credentials").param("client_id", DemoClients.CLIENT_ID)
					.param("client_secret", "core-system-demo-secret"))
				.andExpect(status().isOk());

			var guard = new ProductionGuard(accounts, clients,
					new org.madoguchi.registry.RegisterProperties("a-production-key-not-the-development-one", null),
					"jdbc:postgresql://db/madoguchi", "https://portal.city.example.jp");
			assertThatThrownBy(guard::afterPropertiesSet).hasMessageContaining("demo API client");
		}
		finally {
			if (!existed) {
				jdbc.update("DELETE FROM api_access_token WHERE client_id = ?", DemoClients.CLIENT_ID);
				jdbc.update("DELETE FROM api_client WHERE client_id = ?", DemoClients.CLIENT_ID);
			}
		}
	}
}
