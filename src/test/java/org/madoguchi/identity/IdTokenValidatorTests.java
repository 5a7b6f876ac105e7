package org.madoguchi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;

/** The relying party's ID token checks (OpenID Connect Core §3.1.3.7), each refusal on its own. */
class IdTokenValidatorTests {

	static final String ISSUER = "https://auth.example.jp";

	static final String CLIENT = "city-client";

	static final String NONCE = "n-0S6_WzA2Mj";

	static final Instant NOW = Instant.parse("2026-04-01T03:00:00Z");

	static final RSAKey KEY = generate("key-1");

	static final RSAKey OTHER_KEY = generate("key-1");

	final IdTokenValidator validator = new IdTokenValidator(ISSUER, CLIENT, List.of("aal3"), Duration.ofSeconds(60),
			Duration.ofMinutes(10), kid -> "key-1".equals(kid) ? KEY.toPublicJWK() : noKey(kid),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aGoodTokenIsAccepted() {
		JWTClaimsSet claims = validator.validate(sign(KEY, c -> c), NONCE);
		assertThat(claims.getSubject()).isEqualTo("0123456789ABCDEF");
		// within the clock skew on both sides
		validator.validate(sign(KEY, c -> c.expirationTime(Date.from(NOW.minusSeconds(30)))), NONCE);
		validator.validate(sign(KEY, c -> c.issueTime(Date.from(NOW.plusSeconds(30)))), NONCE);
	}

	@Test
	void aTamperedSignatureOrAnotherKeyIsRefused() {
		String token = sign(KEY, c -> c);
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("0123456789ABCDEF", "0123456789ABCDEE");
		String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
				+ "." + parts[2];
		refused(tampered, "signature does not verify");
		refused(sign(OTHER_KEY, c -> c), "signature does not verify");
	}

	@Test
	void noneAndHmacAreRefused() throws JOSEException {
		refused(new PlainJWT(new PlainHeader(), claims().build()).serialize(), "not a signed JWT");
		SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(), claims().build());
		hmac.sign(new MACSigner(new byte[32]));
		refused(hmac.serialize(), "HS256 is not accepted");
	}

	@Test
	void wrongIssuerAudienceOrAuthorizedPartyIsRefused() {
		refused(sign(KEY, c -> c.issuer("https://evil.example")), "iss");
		refused(sign(KEY, c -> c.audience("another-client")), "aud");
		refused(sign(KEY, c -> c.audience(List.of(CLIENT, "another-client"))), "azp");
		validator.validate(sign(KEY, c -> c.audience(List.of(CLIENT, "another-client")).claim("azp", CLIENT)), NONCE);
	}

	@Test
	void expiredFutureAndStaleTokensAreRefused() {
		refused(sign(KEY, c -> c.expirationTime(Date.from(NOW.minusSeconds(61)))), "expired");
		refused(sign(KEY, c -> c.expirationTime(null)), "expired");
		refused(sign(KEY, c -> c.issueTime(Date.from(NOW.plusSeconds(120)))), "in the future");
		refused(sign(KEY, c -> c.issueTime(Date.from(NOW.minus(Duration.ofMinutes(12))))), "older than the flow");
	}

	@Test
	void aWrongOrMissingNonceIsRefused() {
		assertThatThrownBy(() -> validator.validate(sign(KEY, c -> c), "another-nonce"))
			.hasMessageContaining("nonce");
		refused(sign(KEY, c -> c.claim("nonce", null)), "nonce");
	}

	@Test
	void anAuthenticationContextNotAskedForIsRefused() {
		refused(sign(KEY, c -> c.claim("acr", "aal1")), "acr");
		refused(sign(KEY, c -> c.claim("acr", null)), "acr");
	}

	@Test
	void anUnknownKeyIsAProviderError() {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rotated").build(), claims().build());
		try {
			jwt.sign(new RSASSASigner(KEY));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		assertThatThrownBy(() -> validator.validate(jwt.serialize(), NONCE)).isInstanceOf(DigitalAuthException.class)
			.hasMessageContaining("rotated");
	}

	void refused(String token, String why) {
		assertThatThrownBy(() -> validator.validate(token, NONCE)).isInstanceOf(DigitalAuthException.class)
			.hasMessageContaining(why)
			.extracting(e -> ((DigitalAuthException) e).failure())
			.isEqualTo(DigitalAuthException.Failure.PROVIDER_ERROR);
	}

	static JWTClaimsSet.Builder claims() {
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(CLIENT)
			.subject("0123456789ABCDEF")
			.issueTime(Date.from(NOW.minusSeconds(5)))
			.expirationTime(Date.from(NOW.plusSeconds(300)))
			.claim("nonce", NONCE)
			.claim("acr", "aal3");
	}

	static String sign(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					change.apply(claims()).build());
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static RSAKey generate(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static JWK noKey(String kid) {
		throw new DigitalAuthException(DigitalAuthException.Failure.PROVIDER_ERROR, "no signing key " + kid);
	}
}
