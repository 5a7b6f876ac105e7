package org.madoguchi.identity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.nimbusds.jwt.JWTClaimsSet;

import org.madoguchi.identity.DigitalAuthException.Failure;
import org.madoguchi.identity.PendingAuthorization.Purpose;

import tools.jackson.databind.JsonNode;

/**
 * The OpenID Connect relying party of the デジタル認証アプリ, without web or session concerns: authorization requests
 * (state, nonce, PKCE S256, acr_values), the code exchange (client_secret_basic), ID token and userinfo checks, the
 * client-credentials token and the sign transaction ({@link DigitalAuthProtocol}).
 */
final class DigitalAuthClient {

	/** The callback path at this application (its full URL is registered at the provider). */
	static final String CALLBACK_PATH = "/portal/identity/digital-auth/callback";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** What the code exchange gave and the checks accepted. */
	record Tokens(String accessToken, JWTClaimsSet idToken) {
	}

	private final DigitalAuthProperties settings;

	private final OidcHttp http;

	private final OidcProvider provider;

	private final IdTokenValidator idTokens;

	private final String redirectUri;

	private final Clock clock;

	private String clientToken;

	private Instant clientTokenExpires = Instant.MIN;

	DigitalAuthClient(DigitalAuthProperties settings, String publicUrl, Clock clock) {
		this(settings, new OidcHttp(settings.connectTimeout(), settings.requestTimeout(), settings.maxResponseBytes()),
				publicUrl, clock);
	}

	private DigitalAuthClient(DigitalAuthProperties settings, OidcHttp http, String publicUrl, Clock clock) {
		this.settings = settings;
		this.http = http;
		this.provider = new OidcProvider(settings, http, clock);
		this.idTokens = new IdTokenValidator(settings.issuer().toString(), settings.clientId(), settings.acrValues(),
				settings.clockSkew(), settings.flowTimeout(), provider::key, clock);
		this.redirectUri = publicUrl.strip().replaceAll("/+$", "") + CALLBACK_PATH;
		this.clock = clock;
	}

	String redirectUri() {
		return redirectUri;
	}

	/** A new flow: random state, nonce and PKCE verifier. */
	PendingAuthorization newFlow(Purpose purpose, String returnTo, String transactionId, String contentDigest) {
		return new PendingAuthorization(random(32), random(32), random(32), purpose, returnTo, transactionId,
				contentDigest, clock.instant());
	}

	/** The URL the browser is sent to (a GET link: the portal's CSP allows form posts to itself only). */
	URI authorizationUrl(PendingAuthorization flow) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("response_type", "code");
		query.put("client_id", settings.clientId());
		query.put("redirect_uri", redirectUri);
		query.put("scope", String.join(" ",
				flow.purpose() == Purpose.SIGN ? List.of("openid", DigitalAuthProtocol.SCOPE_SIGN) : settings.scopes()));
		query.put("state", flow.state());
		query.put("nonce", flow.nonce());
		query.put("code_challenge", challenge(flow.codeVerifier()));
		query.put("code_challenge_method", "S256");
		if (!settings.acrValues().isEmpty()) {
			query.put("acr_values", String.join(" ", settings.acrValues()));
		}
		if (flow.transactionId() != null) {
			query.put(DigitalAuthProtocol.SIGN_TRANSACTION_PARAMETER, flow.transactionId());
		}
		URI endpoint = provider.metadata().authorizationEndpoint();
		String separator = endpoint.getRawQuery() == null ? "?" : "&";
		return URI.create(endpoint + separator + query.entrySet().stream()
			.map(e -> OidcHttp.urlEncode(e.getKey()) + "=" + OidcHttp.urlEncode(e.getValue()))
			.collect(Collectors.joining("&")));
	}

	/** Exchanges the code (with the PKCE verifier) and checks the ID token against this flow. */
	Tokens exchange(String code, PendingAuthorization flow) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", redirectUri);
		form.put("code_verifier", flow.codeVerifier());
		OidcHttp.Response response = http.postForm(provider.metadata().tokenEndpoint(), settings.clientId(),
				settings.clientSecret(), form);
		if (!response.ok()) {
			throw new DigitalAuthException(Failure.PROVIDER_ERROR,
					"token endpoint: HTTP " + response.status() + " " + response.oauthError());
		}
		JsonNode body = response.json("token response");
		String idToken = body.path("id_token").asString("");
		String accessToken = body.path("access_token").asString("");
		if (idToken.isEmpty() || accessToken.isEmpty()) {
			throw new DigitalAuthException(Failure.PROVIDER_ERROR, "token response without id_token or access_token");
		}
		if (!"bearer".equalsIgnoreCase(body.path("token_type").asString(""))) {
			throw new DigitalAuthException(Failure.PROVIDER_ERROR, "token_type is not Bearer");
		}
		return new Tokens(accessToken, idTokens.validate(idToken, flow.nonce()));
	}

	/**
	 * The claims of a sign-in: the ID token's, completed by the userinfo endpoint's when the provider has one (the
	 * 基本4情報 scopes are answered there in the code flow, OpenID Connect Core §5.4). The userinfo {@code sub} must
	 * be the ID token's (§5.3.2), or the answer is not about this person.
	 */
	Map<String, Object> claims(Tokens tokens) {
		Map<String, Object> claims = new LinkedHashMap<>(tokens.idToken().getClaims());
		URI userinfo = provider.metadata().userinfoEndpoint();
		if (userinfo == null) {
			return claims;
		}
		OidcHttp.Response response = http.get(userinfo, tokens.accessToken(), "application/json");
		if (!response.ok()) {
			throw new DigitalAuthException(Failure.PROVIDER_ERROR, "userinfo: HTTP " + response.status());
		}
		JsonNode info = response.json("userinfo");
		if (!tokens.idToken().getSubject().equals(info.path("sub").asString(""))) {
			throw new DigitalAuthException(Failure.PROVIDER_ERROR, "userinfo sub differs from the ID token's");
		}
		for (Map.Entry<String, JsonNode> claim : info.properties()) {
			claims.putIfAbsent(claim.getKey(), OidcHttp.JSON.convertValue(claim.getValue(), Object.class));
		}
		return claims;
	}

	/** Creates a sign transaction for exactly these bytes; returns its id. */
	String createSignTransaction(byte[] content, String title) {
		URI endpoint = signTransactionEndpoint();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put(DigitalAuthProtocol.TITLE, title);
		body.put(DigitalAuthProtocol.CONTENT, Base64.getEncoder().encodeToString(content));
		body.put(DigitalAuthProtocol.DIGEST, Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(content)));
		body.put(DigitalAuthProtocol.DIGEST_ALGORITHM, DigitalAuthProtocol.S256);
		OidcHttp.Response response = http.postJson(endpoint, clientToken(), body);
		if (response.status() != 201 && response.status() != 200) {
			throw new DigitalAuthException(Failure.PROVIDER_ERROR,
					"sign transaction: HTTP " + response.status() + " " + response.oauthError());
		}
		String id = response.json("sign transaction").path(DigitalAuthProtocol.TRANSACTION_ID).asString("");
		if (!id.matches("[A-Za-z0-9_-]{8,128}")) {
			throw new DigitalAuthException(Failure.PROVIDER_ERROR, "sign transaction without a usable id");
		}
		return id;
	}

	/** The detached CMS signature (DER) of an approved sign transaction, fetched with the user's access token. */
	byte[] signature(String transactionId, String accessToken) {
		URI uri = URI.create(signTransactionEndpoint() + DigitalAuthProtocol.signaturePath(transactionId));
		OidcHttp.Response response = http.get(uri, accessToken, DigitalAuthProtocol.SIGNATURE_MEDIA_TYPE);
		if (!response.ok()) {
			throw new DigitalAuthException(Failure.PROVIDER_ERROR, "signature: HTTP " + response.status());
		}
		if (response.body().length == 0 || response.body().length > SignatureVerifier.MAX_SIGNATURE_BYTES) {
			throw new DigitalAuthException(Failure.PROVIDER_ERROR,
					"signature of " + response.body().length + " bytes is empty or too large");
		}
		return response.body();
	}

	private URI signTransactionEndpoint() {
		URI endpoint = provider.metadata().signTransactionEndpoint();
		if (endpoint == null) {
			throw new DigitalAuthException(Failure.NOT_AVAILABLE, "the provider names no sign-transaction endpoint");
		}
		return endpoint;
	}

	/** A client-credentials access token for the sign-transaction API, reused until shortly before it expires. */
	private synchronized String clientToken() {
		Instant now = clock.instant();
		if (clientToken != null && now.isBefore(clientTokenExpires)) {
			return clientToken;
		}
		OidcHttp.Response response = http.postForm(provider.metadata().tokenEndpoint(), settings.clientId(),
				settings.clientSecret(), Map.of("grant_type", "client_credentials", "scope", DigitalAuthProtocol.SCOPE_SIGN));
		if (!response.ok()) {
			throw new DigitalAuthException(Failure.PROVIDER_ERROR,
					"client credentials: HTTP " + response.status() + " " + response.oauthError());
		}
		JsonNode body = response.json("client credentials response");
		String token = body.path("access_token").asString("");
		if (token.isEmpty()) {
			throw new DigitalAuthException(Failure.PROVIDER_ERROR, "client credentials response without access_token");
		}
		long lifetime = body.path("expires_in").asLong(60);
		clientToken = token;
		clientTokenExpires = now.plusSeconds(Math.max(0, lifetime - 30));
		return token;
	}

	/** Base64url SHA-256 of the verifier (RFC 7636 §4.2). */
	static String challenge(String verifier) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
	}

	static String hexDigest(byte[] content) {
		return HexFormat.of().formatHex(sha256(content));
	}

	static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}
}
