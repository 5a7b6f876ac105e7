package org.madoguchi.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the デジタル認証アプリ relying party ({@code madoguchi.identity.digital-auth.*}). Without an issuer the
 * route is switched off: no button, no sign transactions.
 *
 * @param issuer               the OpenID provider's issuer identifier; its discovery document is read from
 *     {@code {issuer}/.well-known/openid-configuration}
 * @param clientId             this city's client id at the provider (given on approval as a relying party)
 * @param clientSecret         its secret, for client_secret_basic (from the environment, never in a file in git)
 * @param scopes               scopes of a sign-in (the 基本4情報 scopes let the register match the person)
 * @param acrValues            asked-for authentication context (space-separated); the ID token's {@code acr} must be
 *     one of them. Empty: not asked, not checked
 * @param signTransactionEndpoint where sign transactions are created; null: the discovery document's
 *     {@value DigitalAuthProtocol#METADATA_SIGN_TRANSACTION_ENDPOINT}
 * @param connectTimeout       connect timeout of calls to the provider
 * @param requestTimeout       time limit of one call to the provider
 * @param clockSkew            tolerated clock difference when checking the ID token's exp and iat
 * @param flowTimeout          how long a started sign-in or signing may take until the callback
 * @param metadataTtl          how long the discovery document is kept before it is read again
 * @param maxSignContentBytes  larger content is not sent for signing (default 512 KB: base64 in a JSON body must stay
 *     under the request size limit of the provider, 1 MB here)
 * @param maxResponseBytes     larger answers from the provider are refused
 */
@ConfigurationProperties("madoguchi.identity.digital-auth")
record DigitalAuthProperties(URI issuer, String clientId, String clientSecret, List<String> scopes,
		List<String> acrValues, URI signTransactionEndpoint, Duration connectTimeout, Duration requestTimeout,
		Duration clockSkew, Duration flowTimeout, Duration metadataTtl, Integer maxSignContentBytes,
		Integer maxResponseBytes) {

	DigitalAuthProperties {
		issuer = issuer == null || issuer.toString().isBlank() ? null : URI.create(issuer.toString().replaceAll("/+$", ""));
		scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "name", "address", "birthdate", "gender")
				: List.copyOf(scopes);
		acrValues = acrValues == null ? List.of() : List.copyOf(acrValues);
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
		requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
		clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
		flowTimeout = flowTimeout == null ? Duration.ofMinutes(10) : flowTimeout;
		metadataTtl = metadataTtl == null ? Duration.ofHours(1) : metadataTtl;
		maxSignContentBytes = maxSignContentBytes == null ? 512 * 1024 : maxSignContentBytes;
		maxResponseBytes = maxResponseBytes == null ? 256 * 1024 : maxResponseBytes;
		if (issuer != null) {
			if (!"https".equals(issuer.getScheme()) && !"http".equals(issuer.getScheme())) {
				throw new IllegalArgumentException("madoguchi.identity.digital-auth.issuer must be an http(s) URL: " + issuer);
			}
			if (clientId == null || clientId.isBlank()) {
				throw new IllegalArgumentException("madoguchi.identity.digital-auth.client-id is required with an issuer");
			}
			if (clientSecret == null || clientSecret.isBlank()) {
				throw new IllegalArgumentException(
						"madoguchi.identity.digital-auth.client-secret is required with an issuer (set it from the environment)");
			}
			if (!scopes.contains("openid")) {
				throw new IllegalArgumentException("madoguchi.identity.digital-auth.scopes must contain openid");
			}
		}
	}

	boolean enabled() {
		return issuer != null;
	}
}
