package org.madoguchi.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * DEVELOPMENT AND TESTS ONLY ({@code madoguchi.identity.dev-idp.enabled=true}, refused in production by
 * {@link IdentityProductionGuard}): an OpenID provider standing in for the デジタル認証アプリ at
 * {@code {public-url}/dev/idp}, built on Spring Authorization Server so that the relying party is tested against an
 * independent implementation of the protocol. The card holder proves themselves with a virtual My Number Card of
 * {@link DevIdentity} (the card's PIN counters apply); ID tokens are signed RS256 with a key whose certificate the
 * test PKI issued (x5c in the JWKS). It knows one client: this application's own relying party settings.
 *
 * <p>Endpoints (issuer path {@code /dev/idp}): {@code /.well-known/openid-configuration}, {@code /oauth2/authorize},
 * {@code /oauth2/token}, {@code /oauth2/jwks}, {@code /userinfo}, the card page {@code /login}, and the sign
 * transactions of {@link DigitalAuthProtocol} at {@code /sign-transactions}. State is in memory: one node only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "madoguchi.identity.dev-idp.enabled", havingValue = "true")
@ConditionalOnWebApplication
class DevIdentityProvider {

	static final String BASE = "/dev/idp";

	static final String LOGIN = BASE + "/login";

	static final String SIGN_TRANSACTIONS = BASE + "/sign-transactions";

	/** Session keys of its own, apart from the portal's and the staff sign-in (in development all share a cookie). */
	static final String CONTEXT_KEY = "MADOGUCHI_DEV_IDP_CONTEXT";

	static final String SAVED_REQUEST_KEY = "MADOGUCHI_DEV_IDP_SAVED_REQUEST";

	static final String CSRF_KEY = "MADOGUCHI_DEV_IDP_CSRF";

	/** The acr values it can claim; it answers the first one asked for, or aal3. */
	static final List<String> ACR_VALUES = List.of("aal3", "crl");

	static HttpSessionSecurityContextRepository contexts() {
		HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
		contexts.setSpringSecurityContextKey(CONTEXT_KEY);
		return contexts;
	}

	static HttpSessionRequestCache requests() {
		HttpSessionRequestCache requests = new HttpSessionRequestCache();
		requests.setSessionAttrName(SAVED_REQUEST_KEY);
		requests.setMatchingRequestParameterName(null);
		return requests;
	}

	@Bean
	DevSignTransactions devSignTransactions(Clock clock) {
		return new DevSignTransactions(clock);
	}

	@Bean
	DevIdpKeys devIdpKeys(DevIdentity dev) {
		return new DevIdpKeys(dev.pki().issueAuthentication());
	}

	@Bean
	RegisteredClient devIdpClient(DigitalAuthProperties rp,
			@Value("${madoguchi.public-url:http://localhost:8080}") String publicUrl) {
		if (rp.clientId() == null || rp.clientId().isBlank() || rp.clientSecret() == null || rp.clientSecret().isBlank()) {
			throw new IllegalStateException("the development identity provider needs madoguchi.identity.digital-auth."
					+ "client-id and client-secret: it registers this application's relying party as its client");
		}
		return RegisteredClient.withId("madoguchi")
			.clientId(rp.clientId())
			.clientSecret(rp.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.redirectUri(publicUrl.strip().replaceAll("/+$", "") + DigitalAuthClient.CALLBACK_PATH)
			.scopes(s -> {
				s.add("openid");
				s.addAll(DigitalAuthProtocol.BASIC_FOUR_SCOPES);
				s.add(DigitalAuthProtocol.SCOPE_SIGN);
			})
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder()
				.authorizationCodeTimeToLive(Duration.ofMinutes(1))
				.accessTokenTimeToLive(Duration.ofMinutes(5))
				.idTokenSignatureAlgorithm(org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.RS256)
				.build())
			.build();
	}

	@Bean
	@Order(0)
	SecurityFilterChain devIdentityProviderChain(HttpSecurity http, RegisteredClient devIdpClient, DevIdpKeys keys)
			throws Exception {
		JwtGenerator jwts = new JwtGenerator(new NimbusJwtEncoder(keys.source()));
		jwts.setJwtCustomizer(DevIdentityProvider::customize);
		HttpSessionCsrfTokenRepository csrf = new HttpSessionCsrfTokenRepository();
		csrf.setSessionAttributeName(CSRF_KEY);
		HttpSessionSecurityContextRepository contexts = contexts();

		http.setSharedObject(JWKSource.class, keys.source()); // the JWK set endpoint publishes it
		// no authentication events: the staff module's listener would log client and token checks as staff sign-ins
		// (and count a wrong client secret against a staff account of that name)
		http.getSharedObject(AuthenticationManagerBuilder.class).authenticationEventPublisher(new QuietEvents());
		http.securityMatcher(BASE + "/**")
			.oauth2AuthorizationServer(server -> server
				.registeredClientRepository(new InMemoryRegisteredClientRepository(devIdpClient))
				.authorizationService(new InMemoryOAuth2AuthorizationService())
				// the issuer is {scheme}://{host}/dev/idp, from the request, and every endpoint lies below it
				.authorizationServerSettings(AuthorizationServerSettings.builder().multipleIssuersAllowed(true).build())
				.tokenGenerator(new DelegatingOAuth2TokenGenerator(jwts, new OAuth2AccessTokenGenerator()))
				// a development secret: compared as it is (the application's Argon2 encoder would cost each token call)
				.clientAuthentication(c -> c.authenticationProviders(providers -> providers.forEach(p -> {
					if (p instanceof ClientSecretAuthenticationProvider secret) {
						secret.setPasswordEncoder(new PlainSecret());
					}
				})))
				.authorizationEndpoint(a -> a.authorizationResponseHandler((request, response, authentication) -> {
					// every authorization needs the card again: the card holder's sign-in ends with the code
					contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
					var done = (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
					UriComponentsBuilder redirect = UriComponentsBuilder.fromUriString(done.getRedirectUri())
						.queryParam(OAuth2ParameterNames.CODE, done.getAuthorizationCode().getTokenValue());
					if (done.getState() != null) {
						redirect.queryParam(OAuth2ParameterNames.STATE,
								UriUtils.encode(done.getState(), StandardCharsets.UTF_8));
					}
					response.sendRedirect(redirect.build(true).toUriString());
				}))
				.oidc(oidc -> oidc
					.providerConfigurationEndpoint(p -> p.providerConfigurationCustomizer(c -> c
						.scopes(s -> s.addAll(DigitalAuthProtocol.BASIC_FOUR_SCOPES))
						.scope(DigitalAuthProtocol.SCOPE_SIGN)
						.claim("acr_values_supported", ACR_VALUES)
						.claim(DigitalAuthProtocol.METADATA_SIGN_TRANSACTION_ENDPOINT,
								AuthorizationServerContextHolder.getContext().getIssuer() + "/sign-transactions")))
					.userInfoEndpoint(u -> u.userInfoMapper(DevIdentityProvider::userInfo))))
			.authorizeHttpRequests(a -> a
				.requestMatchers(LOGIN, BASE + "/cards").permitAll()
				.requestMatchers(SIGN_TRANSACTIONS, SIGN_TRANSACTIONS + "/**")
				.hasAuthority("SCOPE_" + DigitalAuthProtocol.SCOPE_SIGN)
				.anyRequest().authenticated())
			.securityContext(c -> c.securityContextRepository(contexts))
			.requestCache(c -> c.requestCache(requests()))
			.csrf(c -> c.csrfTokenRepository(csrf).ignoringRequestMatchers(SIGN_TRANSACTIONS, SIGN_TRANSACTIONS + "/**"))
			.oauth2ResourceServer(r -> r.jwt(j -> j.decoder(keys.decoder())))
			.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN),
					request -> request.getRequestURI().endsWith("/oauth2/authorize")))
			.logout(l -> l.disable())
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
					+ "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'")));
		return http.build();
	}

	/** ID token: the authentication context asked for, and the 利用者証明用 certificate serial. */
	private static void customize(JwtEncodingContext context) {
		if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
				|| !(context.getPrincipal().getPrincipal() instanceof DevIdpUser user)) {
			return;
		}
		context.getClaims().claim("acr", acr(context.getAuthorization()));
		context.getClaims().claim(DigitalAuthProtocol.CLAIM_CERTIFICATE_SERIAL, user.subject());
	}

	private static String acr(OAuth2Authorization authorization) {
		OAuth2AuthorizationRequest request = authorization == null ? null
				: authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
		Object asked = request == null ? null : request.getAdditionalParameters().get("acr_values");
		if (asked instanceof String values) {
			for (String value : values.split(" ")) {
				if (ACR_VALUES.contains(value)) {
					return value;
				}
			}
		}
		return ACR_VALUES.get(0);
	}

	/** Userinfo: the 基本4情報 the granted scopes allow, as OpenID claims. */
	private static OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
		OAuth2Authorization authorization = context.getAuthorization();
		Set<String> scopes = authorization.getAuthorizedScopes();
		java.security.Principal principal = authorization.getAttribute(java.security.Principal.class.getName());
		if (!(principal instanceof org.springframework.security.core.Authentication authentication)
				|| !(authentication.getPrincipal() instanceof DevIdpUser user)) {
			return OidcUserInfo.builder().subject(authorization.getPrincipalName()).build();
		}
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", user.subject());
		claims.put(DigitalAuthProtocol.CLAIM_CERTIFICATE_SERIAL, user.subject());
		if (scopes.contains("name")) {
			claims.put(DigitalAuthProtocol.CLAIM_NAME, user.name());
		}
		if (scopes.contains("address")) {
			claims.put(DigitalAuthProtocol.CLAIM_ADDRESS, Map.of("formatted", user.address()));
		}
		if (scopes.contains("birthdate")) {
			claims.put(DigitalAuthProtocol.CLAIM_BIRTHDATE, user.birthdate());
		}
		if (scopes.contains("gender")) {
			claims.put(DigitalAuthProtocol.CLAIM_GENDER, "男".equals(user.gender()) ? "male" : "female");
		}
		return new OidcUserInfo(claims);
	}

	/** The signing key of the ID and access tokens, its test-PKI certificate chain in the JWKS (x5c). */
	record DevIdpKeys(JWKSource<SecurityContext> source, JwtDecoder decoder) {

		DevIdpKeys(TestPki.Credential credential) {
			this(source(credential));
		}

		private DevIdpKeys(JWKSource<SecurityContext> source) {
			this(source, OAuth2AuthorizationServerConfiguration.jwtDecoder(source));
		}

		private static JWKSource<SecurityContext> source(TestPki.Credential credential) {
			List<Base64> chain = new ArrayList<>();
			try {
				for (X509Certificate certificate : credential.chain()) {
					chain.add(Base64.encode(certificate.getEncoded()));
				}
			}
			catch (CertificateEncodingException ex) {
				throw new IllegalStateException(ex);
			}
			RSAKey key = new RSAKey.Builder((RSAPublicKey) credential.certificate().getPublicKey())
				.privateKey((RSAPrivateKey) credential.privateKey())
				.keyID(credential.certificate().getSerialNumber().toString(16))
				.keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE)
				.x509CertChain(chain)
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}
	}

	/** Publishes nothing. */
	private static final class QuietEvents implements AuthenticationEventPublisher {

		@Override
		public void publishAuthenticationSuccess(Authentication authentication) {
		}

		@Override
		public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
		}
	}

	/** The development client secret, compared in constant time without hashing. */
	private static final class PlainSecret implements PasswordEncoder {

		@Override
		public String encode(CharSequence raw) {
			return raw.toString();
		}

		@Override
		public boolean matches(CharSequence raw, String stored) {
			return raw != null && stored != null && MessageDigest.isEqual(raw.toString().getBytes(StandardCharsets.UTF_8),
					stored.getBytes(StandardCharsets.UTF_8));
		}
	}
}
