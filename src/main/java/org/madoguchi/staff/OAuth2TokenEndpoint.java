package org.madoguchi.staff;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth2 token endpoint for the client credentials grant (RFC 6749 §4.4): a client authenticates
 * with its id and secret (HTTP Basic, or {@code client_id}/{@code client_secret} in the form body) and
 * gets an access token for an hour. The API chain lets requests through unauthenticated; this endpoint
 * authenticates the client itself. Every issuance and every refusal goes to the access log.
 *
 * <p>Errors follow RFC 6749 §5.2 ({@code {"error", "error_description"}} as JSON). Their descriptions are
 * English only: the RFC allows only ASCII there.
 */
@RestController
@Tag(name = "OAuth2")
class OAuth2TokenEndpoint {

	static final String PATH = "/api/oauth2/token";
	static final String GRANT_TYPE = "client_credentials";
	static final int MAX_SCOPE = 1000;

	private final ApiClients clients;
	private final AccessLog accessLog;

	OAuth2TokenEndpoint(ApiClients clients, AccessLog accessLog) {
		this.clients = clients;
		this.accessLog = accessLog;
	}

	/** A refused token request: the RFC 6749 error code, a description, the HTTP status. */
	private static final class Refusal extends RuntimeException {

		final String error;
		final HttpStatus status;

		Refusal(String error, String description) {
			this(error, description, HttpStatus.BAD_REQUEST);
		}

		Refusal(String error, String description, HttpStatus status) {
			super(description, null, false, false);
			this.error = error;
			this.status = status;
		}
	}

	@PostMapping(PATH)
	@Operation(summary = "OAuth2 token endpoint (client credentials grant, RFC 6749 §4.4)", description = "Form body "
			+ "(application/x-www-form-urlencoded): grant_type=client_credentials, optional scope (space separated, a "
			+ "subset of the client's scopes; default all). Authenticate the client with HTTP Basic (client_id:client_secret) "
			+ "or with client_id and client_secret in the body. Returns {access_token, token_type: Bearer, expires_in, "
			+ "scope}; send the token as Authorization: Bearer. Errors per RFC 6749 §5.2.")
	ResponseEntity<Map<String, Object>> token(HttpServletRequest request) {
		String actor = "unknown";
		try {
			Map<String, String> form = form(request);
			Credentials credentials = credentials(request, form);
			actor = credentials.clientId() == null || credentials.clientId().isBlank() ? "unknown" : credentials.clientId();
			ApiClient client = clients.authenticate(credentials.clientId(), credentials.secret())
				.orElseThrow(() -> new Refusal("invalid_client", "Client authentication failed.", HttpStatus.UNAUTHORIZED));
			String grantType = form.get("grant_type");
			if (grantType == null || grantType.isBlank()) {
				throw new Refusal("invalid_request", "The grant_type parameter is missing.");
			}
			if (!GRANT_TYPE.equals(grantType)) {
				throw new Refusal("unsupported_grant_type", "Only grant_type=client_credentials is supported.");
			}
			Set<ApiScope> scopes = scopes(form.get("scope"), client);
			ApiClients.IssuedToken issued;
			try {
				issued = clients.issueAccessToken(client, scopes);
			}
			catch (IllegalStateException e) {
				throw new Refusal("invalid_request", "Too many live access tokens for this client: reuse a token until it expires.");
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("access_token", issued.token());
			body.put("token_type", "Bearer");
			body.put("expires_in", issued.lifetime().toSeconds());
			body.put("scope", ApiScope.format(issued.scopes()));
			return ResponseEntity.ok().headers(noStore()).contentType(MediaType.APPLICATION_JSON).body(body);
		}
		catch (Refusal r) {
			accessLog.recordFor(actor, AccessAction.SIGN_IN_FAILED,
					"OAuth2 token request refused: " + r.error + " (" + r.getMessage() + ")", "DENIED");
			HttpHeaders headers = noStore();
			if (r.status == HttpStatus.UNAUTHORIZED) {
				headers.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"madoguchi\", charset=\"UTF-8\"");
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("error", r.error);
			body.put("error_description", r.getMessage());
			return ResponseEntity.status(r.status).headers(headers).contentType(MediaType.APPLICATION_JSON).body(body);
		}
	}

	/** The form parameters, each at most once (RFC 6749 §3.2), from the body only (secrets never in a URL). */
	private static Map<String, String> form(HttpServletRequest request) {
		MediaType type;
		try {
			type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
		}
		catch (InvalidMediaTypeException e) {
			type = null;
		}
		if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
			throw new Refusal("invalid_request", "Send the parameters as application/x-www-form-urlencoded.");
		}
		if (request.getQueryString() != null && !request.getQueryString().isEmpty()) {
			throw new Refusal("invalid_request", "Send the parameters in the request body, not in the URL.");
		}
		Map<String, String> form = new LinkedHashMap<>();
		for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
			if (e.getValue().length > 1) {
				throw new Refusal("invalid_request", "The parameter " + ascii(e.getKey()) + " is repeated.");
			}
			form.put(e.getKey(), e.getValue()[0]);
		}
		return form;
	}

	private record Credentials(String clientId, String secret) {
	}

	/** client_secret_basic or client_secret_post, never both (RFC 6749 §2.3). */
	private static Credentials credentials(HttpServletRequest request, Map<String, String> form) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
			if (form.containsKey("client_secret")) {
				throw new Refusal("invalid_request", "Use one client authentication method: HTTP Basic or client_secret.");
			}
			Credentials basic = basic(header.substring(6).strip())
				.orElseThrow(() -> new Refusal("invalid_client", "Malformed HTTP Basic credentials.", HttpStatus.UNAUTHORIZED));
			if (form.containsKey("client_id") && !form.get("client_id").equals(basic.clientId())) {
				throw new Refusal("invalid_request", "client_id differs from the HTTP Basic user.");
			}
			return basic;
		}
		if (header != null) {
			throw new Refusal("invalid_client", "Unsupported authentication scheme.", HttpStatus.UNAUTHORIZED);
		}
		String id = form.get("client_id");
		String secret = form.get("client_secret");
		if (id == null || secret == null) {
			throw new Refusal("invalid_client", "Client authentication is required.", HttpStatus.UNAUTHORIZED);
		}
		return new Credentials(id, secret);
	}

	/** The user and password of HTTP Basic, each form-urlencoded before Base64 (RFC 6749 §2.3.1). */
	private static Optional<Credentials> basic(String encoded) {
		try {
			if (encoded.length() > 1000) {
				return Optional.empty();
			}
			String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon < 0) {
				return Optional.empty();
			}
			return Optional.of(new Credentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
					URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/** The requested scopes, all of them the client's; none asked for means all the client holds. */
	private static Set<ApiScope> scopes(String requested, ApiClient client) {
		if (requested == null || requested.isBlank()) {
			if (client.scopes().isEmpty()) {
				throw new Refusal("invalid_scope", "The client holds no scope.");
			}
			return client.scopes();
		}
		if (requested.length() > MAX_SCOPE) {
			throw new Refusal("invalid_scope", "The scope parameter is too long.");
		}
		Set<ApiScope> scopes;
		try {
			scopes = ApiScope.parse(requested);
		}
		catch (IllegalArgumentException e) {
			throw new Refusal("invalid_scope", "Unknown scope: " + ascii(e.getMessage().replace("unknown scope ", "")));
		}
		Set<ApiScope> notHeld = new java.util.TreeSet<>(scopes);
		notHeld.removeAll(client.scopes());
		if (!notHeld.isEmpty()) {
			throw new Refusal("invalid_scope", "The client may not ask for: " + ApiScope.format(notHeld) + ".");
		}
		return scopes;
	}

	private static HttpHeaders noStore() {
		HttpHeaders headers = new HttpHeaders();
		headers.setCacheControl(CacheControl.noStore());
		headers.setPragma("no-cache");
		return headers;
	}

	/** Echoed input, cut short and limited to the characters RFC 6749 allows in error_description. */
	private static String ascii(String s) {
		String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
		return cut.replaceAll("[^\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]", "?");
	}
}
