package org.madoguchi.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.madoguchi.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * OAuth2 client credentials (RFC 6749 §4.4) and scoped API keys: the token endpoint's answers and
 * errors, and what a token or key may reach on the API.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiClientTokenTests {

	static final String TOKEN = "/api/oauth2/token";
	static final String FEED = "/api/v1/register/feed";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiClients clients;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	ObjectMapper json;

	record Client(String id, String secret) {
	}

	Client client(Set<ApiScope> scopes, Set<StaffRole> roles) {
		String id = "t-" + UUID.randomUUID().toString().substring(0, 12);
		return new Client(id, clients.create(id, "Test client", scopes, roles, "test", false, null).secret());
	}

	static String basic(String id, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	static MockHttpServletRequestBuilder tokenRequest() {
		return post(TOKEN).contentType(MediaType.APPLICATION_FORM_URLENCODED);
	}

	JsonNode body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	String accessToken(Client c, String scope) throws Exception {
		var request = tokenRequest().header("Authorization", basic(c.id(), c.secret())).param("grant_type", "client_credentials");
		if (scope != null) {
			request.param("scope", scope);
		}
		return body(mvc.perform(request).andExpect(status().isOk())).get("access_token").asString();
	}

	int logged(String actor, String action) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE actor = ? AND action = ?", Integer.class, actor,
				action);
	}

	// ---- the token endpoint ----

	@Test
	void httpBasicGetsATokenForAllTheClientsScopesThatOpensTheFeed() throws Exception {
		Client c = client(EnumSet.of(ApiScope.REGISTER_FEED, ApiScope.PROCEDURES_READ), Set.of());
		JsonNode answer = body(mvc.perform(tokenRequest().header("Authorization", basic(c.id(), c.secret()))
				.param("grant_type", "client_credentials"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().string("Pragma", "no-cache"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.token_type").value("Bearer"))
			.andExpect(jsonPath("$.expires_in").value(3600))
			.andExpect(jsonPath("$.scope").value("procedures:read register:feed")));
		String token = answer.get("access_token").asString();
		assertThat(token).startsWith("mdg_at_").hasSizeGreaterThan(40);
		// only the SHA-256 is stored
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_access_token WHERE token_hash = ? AND client_id = ?",
				Integer.class, ApiTokens.hash(token), c.id())).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_access_token WHERE token_hash = ?", Integer.class, token))
			.isZero();

		mvc.perform(get(FEED).param("limit", "1").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk()).andExpect(jsonPath("$.nextCursor").exists());
		assertThat(logged(c.id(), "TOKEN_ISSUED")).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT last_used_at FROM api_client WHERE client_id = ?", Timestamp.class, c.id()))
			.isNotNull();
	}

	@Test
	void clientSecretPostWithANarrowerScopeIsRefusedWhereTheScopeIsMissing() throws Exception {
		Client c = client(EnumSet.of(ApiScope.REGISTER_FEED, ApiScope.PROCEDURES_READ), Set.of(StaffRole.LINKAGE));
		JsonNode answer = body(mvc.perform(tokenRequest().param("grant_type", "client_credentials")
				.param("client_id", c.id()).param("client_secret", c.secret()).param("scope", "procedures:read"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.scope").value("procedures:read")));
		String token = answer.get("access_token").asString();
		// the client's LINKAGE role does not open the feed: URL rules look at a client's scopes only
		mvc.perform(get(FEED).header("Authorization", "Bearer " + token))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.containsString("insufficient_scope")));
		// and a path without a rule is for staff only
		mvc.perform(get("/api/v1/somewhere-else").header("Authorization", "Bearer " + token))
			.andExpect(status().isForbidden());
	}

	@Test
	void aWrongSecretOrAnUnknownClientIsInvalidClientWith401() throws Exception {
		Client c = client(EnumSet.of(ApiScope.REGISTER_FEED), Set.of());
		mvc.perform(tokenRequest().header("Authorization", basic(c.id(), c.secret() + "x")).param("grant_type", "client_credentials"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic realm=")))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.error").value("invalid_client"))
			.andExpect(jsonPath("$.error_description").isString());
		assertThat(logged(c.id(), "SIGN_IN_FAILED")).isEqualTo(1);
		assertThat(logged(c.id(), "TOKEN_ISSUED")).isZero();

		mvc.perform(tokenRequest().param("grant_type", "client_credentials").param("client_id", "t-nobody-" + UUID.randomUUID())
				.param("client_secret", "whatever"))
			.andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("invalid_client"));
		// no client authentication at all
		mvc.perform(tokenRequest().param("grant_type", "client_credentials"))
			.andExpect(status().isUnauthorized()).andExpect(header().exists("WWW-Authenticate"))
			.andExpect(jsonPath("$.error").value("invalid_client"));
	}

	@Test
	void otherGrantTypesAreUnsupportedAndAMissingOneIsAnInvalidRequest() throws Exception {
		Client c = client(EnumSet.of(ApiScope.REGISTER_FEED), Set.of());
		mvc.perform(tokenRequest().header("Authorization", basic(c.id(), c.secret())).param("grant_type", "password")
				.param("username", "x").param("password", "y"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("unsupported_grant_type"));
		mvc.perform(tokenRequest().header("Authorization", basic(c.id(), c.secret())))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_request"));
		assertThat(logged(c.id(), "SIGN_IN_FAILED")).isEqualTo(2);
	}

	@Test
	void aScopeTheClientDoesNotHoldOrDoesNotExistIsInvalidScope() throws Exception {
		Client c = client(EnumSet.of(ApiScope.PROCEDURES_READ), Set.of());
		mvc.perform(tokenRequest().header("Authorization", basic(c.id(), c.secret())).param("grant_type", "client_credentials")
				.param("scope", "procedures:read register:feed"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_scope"))
			.andExpect(jsonPath("$.error_description").value(org.hamcrest.Matchers.containsString("register:feed")));
		mvc.perform(tokenRequest().header("Authorization", basic(c.id(), c.secret())).param("grant_type", "client_credentials")
				.param("scope", "everything"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_scope"));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_access_token WHERE client_id = ?", Integer.class, c.id()))
			.isZero();
	}

	@Test
	void malformedRequestsAreInvalidRequests() throws Exception {
		Client c = client(EnumSet.of(ApiScope.PROCEDURES_READ), Set.of());
		// two authentication methods
		mvc.perform(tokenRequest().header("Authorization", basic(c.id(), c.secret())).param("grant_type", "client_credentials")
				.param("client_secret", c.secret()))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_request"));
		// a repeated parameter
		mvc.perform(tokenRequest().header("Authorization", basic(c.id(), c.secret()))
				.param("grant_type", "client_credentials", "client_credentials"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_request"));
		// the secret in the URL
		mvc.perform(post(TOKEN + "?client_secret=" + c.secret()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("client_id", c.id()).param("grant_type", "client_credentials"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_request"));
		// not a form
		mvc.perform(post(TOKEN).header("Authorization", basic(c.id(), c.secret())).contentType(MediaType.APPLICATION_JSON)
				.content("{\"grant_type\":\"client_credentials\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_request"));
	}

	// ---- using tokens ----

	@Test
	void anExpiredAccessTokenIsRefused() throws Exception {
		Client c = client(EnumSet.of(ApiScope.REGISTER_FEED), Set.of());
		String token = accessToken(c, null);
		mvc.perform(get(FEED).header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		jdbc.update("UPDATE api_access_token SET expires_at = ? WHERE token_hash = ?",
				Timestamp.from(Instant.now().minusSeconds(1)), ApiTokens.hash(token));
		tokens.forgetAll(); // as if the 30 s cache time had passed
		mvc.perform(get(FEED).header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token")));
		// an unknown token likewise
		mvc.perform(get(FEED).header("Authorization", "Bearer " + ApiTokens.newToken(ApiTokens.ACCESS_TOKEN_PREFIX)))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aDisabledClientGetsNoTokenAndItsTokensStopWorking() throws Exception {
		Client c = client(EnumSet.of(ApiScope.REGISTER_FEED), Set.of());
		String token = accessToken(c, null);
		mvc.perform(get(FEED).header("Authorization", "Bearer " + token)).andExpect(status().isOk());

		// switched off on another node: this node's cache keeps the token for at most 30 s
		jdbc.update("UPDATE api_client SET enabled = FALSE WHERE client_id = ?", c.id());
		mvc.perform(get(FEED).header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		tokens.forgetAll();
		mvc.perform(get(FEED).header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
		mvc.perform(tokenRequest().header("Authorization", basic(c.id(), c.secret())).param("grant_type", "client_credentials"))
			.andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("invalid_client"));

		// switched on and off again through the service: effective on this node at once
		clients.setEnabled(c.id(), true, "test");
		mvc.perform(get(FEED).header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		clients.setEnabled(c.id(), false, "test");
		mvc.perform(get(FEED).header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
	}

	@Test
	void apiKeysCarryTheirOwnScopesAndStopWhenRevokedOrExpired() throws Exception {
		Client c = client(EnumSet.of(ApiScope.REGISTER_FEED, ApiScope.PROCEDURES_READ), Set.of(StaffRole.LINKAGE));
		String feedKey = clients.issueKey(c.id(), "batch", EnumSet.of(ApiScope.REGISTER_FEED), 30, "test");
		String catalogKey = clients.issueKey(c.id(), "catalog", EnumSet.of(ApiScope.PROCEDURES_READ), null, "test");
		assertThat(feedKey).startsWith("mdg_key_");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_key WHERE key_hash = ? AND expires_at IS NOT NULL",
				Integer.class, ApiTokens.hash(feedKey))).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_key WHERE key_hash = ? AND expires_at IS NULL",
				Integer.class, ApiTokens.hash(catalogKey))).isEqualTo(1);

		mvc.perform(get(FEED).header("Authorization", "Bearer " + feedKey)).andExpect(status().isOk());
		mvc.perform(get(FEED).header("Authorization", "Bearer " + catalogKey)).andExpect(status().isForbidden());

		// a key cannot hold more than its client
		assertThatThrownBy(() -> clients.issueKey(c.id(), "x", EnumSet.of(ApiScope.AUDIT_READ), null, "test"))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> clients.issueKey(c.id(), "x", EnumSet.of(ApiScope.REGISTER_FEED), 0, "test"))
			.isInstanceOf(InvalidInputException.class);

		// a scope taken from the client is taken from its keys too
		jdbc.update("UPDATE api_client SET scopes = 'procedures:read' WHERE client_id = ?", c.id());
		tokens.forgetAll();
		mvc.perform(get(FEED).header("Authorization", "Bearer " + feedKey)).andExpect(status().isForbidden());
		jdbc.update("UPDATE api_client SET scopes = 'procedures:read register:feed' WHERE client_id = ?", c.id());
		tokens.forgetAll();

		long id = clients.keys(c.id()).stream().filter(k -> k.label().equals("batch")).findFirst().orElseThrow().id();
		assertThat(clients.revokeKey(c.id(), id, "test")).isTrue();
		mvc.perform(get(FEED).header("Authorization", "Bearer " + feedKey)).andExpect(status().isUnauthorized());

		String expiring = clients.issueKey(c.id(), "short", EnumSet.of(ApiScope.REGISTER_FEED), 1, "test");
		mvc.perform(get(FEED).header("Authorization", "Bearer " + expiring)).andExpect(status().isOk());
		jdbc.update("UPDATE api_key SET expires_at = ? WHERE key_hash = ?", Timestamp.from(Instant.now().minusSeconds(1)),
				ApiTokens.hash(expiring));
		tokens.forgetAll();
		mvc.perform(get(FEED).header("Authorization", "Bearer " + expiring)).andExpect(status().isUnauthorized());
		assertThat(logged("test", "TOKEN_ISSUED")).isGreaterThanOrEqualTo(3);
	}

	@Test
	void staffPersonalTokensKeepWorkingByRole() throws Exception {
		String linkage = "l" + UUID.randomUUID().toString().substring(0, 8);
		String counter = "c" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.update("INSERT INTO staff_account (username, display_name, password_hash, roles, enabled, demo, "
				+ "failed_attempts, created_at) VALUES (?, 'Test', ?, 'LINKAGE', TRUE, FALSE, 0, CURRENT_TIMESTAMP)",
				linkage, encoder.encode("not used here at all"));
		jdbc.update("INSERT INTO staff_account (username, display_name, password_hash, roles, enabled, demo, "
				+ "failed_attempts, created_at) VALUES (?, 'Test', ?, 'COUNTER', TRUE, FALSE, 0, CURRENT_TIMESTAMP)",
				counter, encoder.encode("not used here at all"));
		String linkageToken = tokens.issue(linkage, "test", Duration.ofDays(1));
		String counterToken = tokens.issue(counter, "test", Duration.ofDays(1));
		assertThat(linkageToken).startsWith("mdg_").doesNotStartWith("mdg_at_").doesNotStartWith("mdg_key_");
		mvc.perform(get(FEED).header("Authorization", "Bearer " + linkageToken)).andExpect(status().isOk());
		mvc.perform(get(FEED).header("Authorization", "Bearer " + counterToken)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/register/residents").param("kana", "テスト").header("Authorization", "Bearer " + counterToken))
			.andExpect(status().isOk());
		// a staff caller's scopes are those its roles stand for
		Verified v = new Verified(tokens.verify(linkageToken).orElseThrow());
		assertThat(v.caller().kind()).isEqualTo(ApiCaller.Kind.STAFF);
		assertThat(v.caller().id()).isEqualTo(linkage);
		assertThat(v.caller().scopes()).containsExactlyInAnyOrder(ApiScope.PROCEDURES_READ, ApiScope.APPLICATIONS_FEED,
				ApiScope.REGISTER_FEED);
		assertThat(v.authorities()).containsExactly("ROLE_LINKAGE");
	}

	@Test
	void aClientTokensAuthoritiesAreItsScopesAndRoles() throws Exception {
		Client c = client(EnumSet.of(ApiScope.REGISTER_FEED, ApiScope.APPLICATIONS_FEED), Set.of(StaffRole.LINKAGE));
		String token = accessToken(c, "register:feed");
		Verified v = new Verified(tokens.verify(token).orElseThrow());
		assertThat(v.caller()).isEqualTo(new ApiCaller(c.id(), ApiCaller.Kind.CLIENT, Set.of(ApiScope.REGISTER_FEED)));
		assertThat(v.authorities()).containsExactly("SCOPE_register:feed", "ROLE_LINKAGE");

		var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new ApiTokenAuthentication(v.caller(), tokens.verify(token).orElseThrow().authorities()));
		org.springframework.security.core.context.SecurityContextHolder.setContext(context);
		try {
			assertThat(ApiCaller.current().id()).isEqualTo(c.id());
			assertThat(ApiCaller.current().isClient()).isTrue();
			assertThat(ApiCaller.current().hasScope(ApiScope.REGISTER_FEED)).isTrue();
			assertThat(ApiCaller.current().hasScope(ApiScope.APPLICATIONS_FEED)).isFalse();
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
		assertThat(ApiCaller.find()).isEmpty();
	}

	/** A verified token, with its authorities as text. */
	record Verified(ApiCaller caller, java.util.List<String> authorities) {

		Verified(ApiTokens.Verified v) {
			this(v.caller(), v.authorities().stream().map(a -> a.getAuthority()).toList());
		}
	}

	@Test
	void theTokenEndpointNeedsNoBearerAndOtherApiPathsDo() throws Exception {
		mvc.perform(get(FEED)).andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer realm=\"madoguchi\""));
		// a staff session does not open the token endpoint to anything: it still wants client authentication
		mvc.perform(tokenRequest().with(SecurityMockMvcRequestPostProcessors.user("kanri").roles("ADMIN"))
				.param("grant_type", "client_credentials"))
			.andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("invalid_client"));
	}
}
