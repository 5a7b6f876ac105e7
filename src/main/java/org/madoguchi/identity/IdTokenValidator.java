package org.madoguchi.identity;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.madoguchi.identity.DigitalAuthException.Failure;

/**
 * Checks an ID token as OpenID Connect Core §3.1.3.7 asks: signed (RS256, PS256 or ES256; never "none" nor HMAC)
 * by a key of the provider's JWKS, issued by the configured issuer for this client, not expired and not issued in
 * the future (within a small clock skew), not older than the flow it answers, carrying the nonce of this flow, and
 * the asked-for authentication context.
 */
final class IdTokenValidator {

	static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);

	private final String issuer;

	private final String clientId;

	private final List<String> acrValues;

	private final Duration clockSkew;

	private final Duration maxAge;

	private final Function<String, JWK> keys;

	private final Clock clock;

	/**
	 * @param keys   the provider's key for a key id (null when the token names none)
	 * @param maxAge an ID token issued longer ago than this is refused (the flow timeout)
	 */
	IdTokenValidator(String issuer, String clientId, List<String> acrValues, Duration clockSkew, Duration maxAge,
			Function<String, JWK> keys, Clock clock) {
		this.issuer = issuer;
		this.clientId = clientId;
		this.acrValues = List.copyOf(acrValues);
		this.clockSkew = clockSkew;
		this.maxAge = maxAge;
		this.keys = keys;
		this.clock = clock;
	}

	JWTClaimsSet validate(String idToken, String expectedNonce) {
		SignedJWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = SignedJWT.parse(idToken);
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw refused("not a signed JWT: " + ex.getMessage());
		}
		JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
		if (!ALGORITHMS.contains(algorithm)) {
			throw refused("signature algorithm " + algorithm + " is not accepted");
		}
		if (!verify(jwt, keys.apply(jwt.getHeader().getKeyID()))) {
			throw refused("signature does not verify");
		}
		if (!issuer.equals(claims.getIssuer())) {
			throw refused("iss " + claims.getIssuer() + " is not " + issuer);
		}
		List<String> audience = claims.getAudience();
		if (audience == null || !audience.contains(clientId)) {
			throw refused("aud " + audience + " does not contain this client");
		}
		Object azp = claims.getClaim("azp");
		if ((audience.size() > 1 || azp != null) && !clientId.equals(azp)) {
			throw refused("azp " + azp + " is not this client");
		}
		Instant now = clock.instant();
		Date exp = claims.getExpirationTime();
		Date iat = claims.getIssueTime();
		if (exp == null || !now.isBefore(exp.toInstant().plus(clockSkew))) {
			throw refused("expired at " + (exp == null ? "(no exp)" : exp.toInstant()));
		}
		if (iat == null || iat.toInstant().isAfter(now.plus(clockSkew))) {
			throw refused("iat " + (iat == null ? "(none)" : iat.toInstant()) + " is in the future");
		}
		if (iat.toInstant().isBefore(now.minus(maxAge).minus(clockSkew))) {
			throw refused("iat " + iat.toInstant() + " is older than the flow");
		}
		Object nonce = claims.getClaim("nonce");
		if (expectedNonce == null || !expectedNonce.equals(nonce)) {
			throw refused("nonce does not match this flow");
		}
		if (claims.getSubject() == null || claims.getSubject().isBlank()) {
			throw refused("no sub");
		}
		if (!acrValues.isEmpty()) {
			Object acr = claims.getClaim("acr");
			if (!(acr instanceof String value) || !acrValues.contains(value)) {
				throw refused("acr " + acr + " is not one of " + acrValues);
			}
		}
		return claims;
	}

	private static boolean verify(SignedJWT jwt, JWK key) {
		try {
			JWSVerifier verifier;
			if (key instanceof RSAKey rsa && !JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
				verifier = new RSASSAVerifier(rsa);
			}
			else if (key instanceof ECKey ec && JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
				verifier = new ECDSAVerifier(ec);
			}
			else {
				return false;
			}
			return jwt.verify(verifier);
		}
		catch (JOSEException ex) {
			return false;
		}
	}

	private static DigitalAuthException refused(String why) {
		return new DigitalAuthException(Failure.PROVIDER_ERROR, "ID token refused: " + why);
	}
}
