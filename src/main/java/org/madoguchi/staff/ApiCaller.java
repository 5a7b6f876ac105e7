package org.madoguchi.staff;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling, for per-object checks in the services (e.g. "a partner service reads only the
 * applications it submitted").
 *
 * @param id the API client's {@code client_id} ({@link Kind#CLIENT}) or the staff member's user name
 *     ({@link Kind#STAFF}, signed in or with a personal {@code mdg_…} token)
 * @param kind which of the two
 * @param scopes a client's granted scopes (those of its access token or API key); for staff the scopes
 *     their roles stand for ({@link ApiScope#staffRoles()})
 */
public record ApiCaller(String id, Kind kind, Set<ApiScope> scopes) {

	public enum Kind {
		/** A linked system or partner service (連携先), authenticated by OAuth2 client credentials or an API key. */
		CLIENT,
		/** A staff member (職員) or a staff account's personal token. */
		STAFF
	}

	public ApiCaller {
		scopes = Set.copyOf(scopes);
	}

	public boolean isClient() {
		return kind == Kind.CLIENT;
	}

	public boolean hasScope(ApiScope scope) {
		return scopes.contains(scope);
	}

	/**
	 * The caller of the current request.
	 *
	 * @throws AccessDeniedException when nobody is authenticated
	 */
	public static ApiCaller current() {
		return find().orElseThrow(() -> new AccessDeniedException("no authenticated caller"));
	}

	/** The caller of the current request, if someone is authenticated. */
	public static Optional<ApiCaller> find() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		if (auth instanceof ApiTokenAuthentication token) {
			return Optional.of(token.caller());
		}
		// a staff sign-in: its roles, among other authorities (Spring Security adds FACTOR_… ones)
		Set<StaffRole> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.filter(a -> a != null && a.startsWith("ROLE_")).map(a -> a.substring(5))
			.flatMap(name -> java.util.Arrays.stream(StaffRole.values()).filter(r -> r.name().equals(name)))
			.collect(Collectors.toSet());
		return Optional.of(new ApiCaller(auth.getName(), Kind.STAFF, ApiScope.impliedBy(roles)));
	}
}
