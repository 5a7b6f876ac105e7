package org.madoguchi.identity;

import java.net.URI;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * DEVELOPMENT ONLY: the development identity provider's sign-transaction API as {@link DigitalAuthProtocol} designs
 * it. Creating needs a client-credentials token with scope {@code sign}; fetching the signature needs the card
 * holder's access token from the signing authorization. Errors are {@code application/problem+json}.
 */
@RestController
@ConditionalOnProperty(name = "madoguchi.identity.dev-idp.enabled", havingValue = "true")
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class DevSignTransactionApi {

	private final DevSignTransactions transactions;

	private final DigitalAuthProperties rp;

	DevSignTransactionApi(DevSignTransactions transactions, DigitalAuthProperties rp) {
		this.transactions = transactions;
		this.rp = rp;
	}

	@PostMapping(path = DevIdentityProvider.SIGN_TRANSACTIONS, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> create(@AuthenticationPrincipal Jwt token, @RequestBody Map<String, Object> body) {
		// a client-credentials token: its subject is the client itself
		if (token == null || !token.getSubject().equals(rp.clientId())) {
			return problem(HttpStatus.FORBIDDEN, "a client-credentials token of the client is needed");
		}
		if (!(body.get(DigitalAuthProtocol.TITLE) instanceof String title) || title.isBlank()
				|| title.length() > DigitalAuthApp.MAX_TITLE_LENGTH) {
			return problem(HttpStatus.BAD_REQUEST, "title: 1-" + DigitalAuthApp.MAX_TITLE_LENGTH + " characters");
		}
		if (!DigitalAuthProtocol.S256.equals(body.get(DigitalAuthProtocol.DIGEST_ALGORITHM))) {
			return problem(HttpStatus.BAD_REQUEST, "digest_algorithm: only S256");
		}
		byte[] content;
		byte[] digest;
		try {
			content = Base64.getDecoder().decode((String) body.get(DigitalAuthProtocol.CONTENT));
			digest = Base64.getUrlDecoder().decode((String) body.get(DigitalAuthProtocol.DIGEST));
		}
		catch (IllegalArgumentException | ClassCastException | NullPointerException ex) {
			return problem(HttpStatus.BAD_REQUEST, "content (base64) and digest (base64url) are required");
		}
		if (content.length == 0 || content.length > rp.maxSignContentBytes()) {
			return problem(HttpStatus.BAD_REQUEST, "content: 1-" + rp.maxSignContentBytes() + " bytes");
		}
		if (!MessageDigest.isEqual(digest, DigitalAuthClient.sha256(content))) {
			return problem(HttpStatus.BAD_REQUEST, "digest: not the SHA-256 of the content");
		}
		return transactions.create(rp.clientId(), title.strip(), content)
			.<ResponseEntity<?>>map(t -> ResponseEntity.created(URI.create(DevIdentityProvider.SIGN_TRANSACTIONS + "/" + t.id()))
				.body(Map.of(DigitalAuthProtocol.TRANSACTION_ID, t.id(), DigitalAuthProtocol.EXPIRES_IN,
						DevSignTransactions.LIFETIME.toSeconds())))
			.orElseGet(() -> problem(HttpStatus.SERVICE_UNAVAILABLE, "too many open sign transactions"));
	}

	@GetMapping(DevIdentityProvider.SIGN_TRANSACTIONS + "/{id}/signature")
	ResponseEntity<?> signature(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
		String client = token.getAudience().isEmpty() ? null : token.getAudience().get(0);
		return transactions.takeSignature(id, token.getSubject(), client)
			.<ResponseEntity<?>>map(cms -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(DigitalAuthProtocol.SIGNATURE_MEDIA_TYPE))
				.body(cms))
			.orElseGet(() -> problem(HttpStatus.NOT_FOUND,
					"no signature of this card holder for this transaction (not signed, expired or fetched already)"));
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
