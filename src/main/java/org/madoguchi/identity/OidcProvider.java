package org.madoguchi.identity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import org.madoguchi.identity.DigitalAuthException.Failure;

import tools.jackson.databind.JsonNode;

/**
 * The OpenID provider as its discovery document describes it, read from {@code {issuer}/.well-known/openid-configuration}
 * and kept for a while, and its signing keys (JWKS), read again when an ID token names a key not held yet.
 */
final class OidcProvider {

	/** The endpoints this relying party uses. */
	record Metadata(URI issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri, URI userinfoEndpoint,
			URI signTransactionEndpoint) {
	}

	/** A key set is fetched again at most this often (an unknown key id must not make us hammer the provider). */
	static final Duration MIN_JWKS_REFRESH = Duration.ofSeconds(30);

	private final DigitalAuthProperties settings;

	private final OidcHttp http;

	private final Clock clock;

	private Metadata metadata;

	private Instant metadataRead;

	private JWKSet keys;

	private Instant keysRead;

	OidcProvider(DigitalAuthProperties settings, OidcHttp http, Clock clock) {
		this.settings = settings;
		this.http = http;
		this.clock = clock;
	}

	synchronized Metadata metadata() {
		Instant now = clock.instant();
		if (metadata == null || now.isAfter(metadataRead.plus(settings.metadataTtl()))) {
			metadata = discover();
			metadataRead = now;
		}
		return metadata;
	}

	private Metadata discover() {
		URI uri = URI.create(settings.issuer() + "/.well-known/openid-configuration");
		OidcHttp.Response response = http.get(uri, null, "application/json");
		if (!response.ok()) {
			throw new DigitalAuthException(Failure.PROVIDER_ERROR, uri + ": HTTP " + response.status());
		}
		JsonNode doc = response.json(uri.toString());
		// OpenID Connect Discovery §4.3: the issuer in the document must be exactly the one configured
		URI issuer = endpoint(doc, "issuer", true);
		if (!settings.issuer().toString().equals(issuer.toString())) {
			throw new DigitalAuthException(Failure.PROVIDER_ERROR,
					"discovery issuer " + issuer + " differs from the configured " + settings.issuer());
		}
		if (doc.has("code_challenge_methods_supported")
				&& !doc.get("code_challenge_methods_supported").toString().contains("\"S256\"")) {
			throw new DigitalAuthException(Failure.PROVIDER_ERROR, "the provider does not offer PKCE S256");
		}
		URI sign = settings.signTransactionEndpoint() != null ? settings.signTransactionEndpoint()
				: endpoint(doc, DigitalAuthProtocol.METADATA_SIGN_TRANSACTION_ENDPOINT, false);
		return new Metadata(issuer, endpoint(doc, "authorization_endpoint", true), endpoint(doc, "token_endpoint", true),
				endpoint(doc, "jwks_uri", true), endpoint(doc, "userinfo_endpoint", false), sign);
	}

	private static URI endpoint(JsonNode doc, String name, boolean required) {
		String value = doc.path(name).asString("");
		if (value.isBlank()) {
			if (required) {
				throw new DigitalAuthException(Failure.PROVIDER_ERROR, "discovery document lacks " + name);
			}
			return null;
		}
		URI uri = URI.create(value);
		if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
			throw new DigitalAuthException(Failure.PROVIDER_ERROR, "discovery " + name + " is not an http(s) URL");
		}
		return uri;
	}

	/** The key with this id (or the only key when the token names none), fetching the set again once if needed. */
	synchronized JWK key(String keyId) {
		Instant now = clock.instant();
		if (keys == null) {
			readKeys(now);
		}
		JWK key = find(keyId);
		if (key == null && now.isAfter(keysRead.plus(MIN_JWKS_REFRESH))) {
			readKeys(now); // the provider rotated its keys
			key = find(keyId);
		}
		if (key == null) {
			throw new DigitalAuthException(Failure.PROVIDER_ERROR, "no signing key " + keyId + " in the provider's JWKS");
		}
		return key;
	}

	private JWK find(String keyId) {
		if (keyId == null) {
			return keys.getKeys().size() == 1 ? keys.getKeys().get(0) : null;
		}
		return keys.getKeyByKeyId(keyId);
	}

	private void readKeys(Instant now) {
		URI uri = metadata().jwksUri();
		OidcHttp.Response response = http.get(uri, null, "application/json");
		if (!response.ok()) {
			throw new DigitalAuthException(Failure.PROVIDER_ERROR, uri + ": HTTP " + response.status());
		}
		try {
			keys = JWKSet.parse(new String(response.body(), StandardCharsets.UTF_8));
			keysRead = now;
		}
		catch (ParseException ex) {
			throw new DigitalAuthException(Failure.PROVIDER_ERROR, uri + ": unreadable JWKS", ex);
		}
	}
}
