package org.madoguchi.staff;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * URL rules of the API chain: "one of these scopes, or a staff caller with one of these roles".
 *
 * <p>An API client passes on its {@code SCOPE_} authorities only; the {@code ROLE_} authorities it
 * also carries serve the services' own per-object checks, not the URL rules. So a token or key limited
 * to fewer scopes really reaches less, whatever roles its client has. A staff caller (sign-in or
 * personal {@code mdg_…} token) passes on its roles, as before.
 */
final class ApiAccess implements AuthorizationManager<RequestAuthorizationContext> {

	private final Set<ApiScope> scopes;
	private final Set<StaffRole> roles;
	/** Every staff caller, whatever its roles. */
	private final boolean anyStaff;

	private ApiAccess(Set<ApiScope> scopes, Set<StaffRole> roles, boolean anyStaff) {
		this.scopes = scopes;
		this.roles = roles;
		this.anyStaff = anyStaff;
	}

	/** Any of the scopes, or a staff caller with a role that stands for one of them ({@link ApiScope#staffRoles()}). */
	static ApiAccess scope(ApiScope... scopes) {
		Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
		for (ApiScope s : scopes) {
			roles.addAll(s.staffRoles());
		}
		return new ApiAccess(EnumSet.copyOf(Arrays.asList(scopes)), roles, false);
	}

	/** Staff callers with one of the roles only; no scope opens it. */
	static ApiAccess staff(StaffRole... roles) {
		return new ApiAccess(EnumSet.noneOf(ApiScope.class), EnumSet.copyOf(Arrays.asList(roles)), false);
	}

	/** Any authenticated staff caller; no scope opens it (the default for API paths without a rule). */
	static ApiAccess anyStaff() {
		return new ApiAccess(EnumSet.noneOf(ApiScope.class), EnumSet.noneOf(StaffRole.class), true);
	}

	/** Any of the scopes, or any authenticated staff caller. */
	static ApiAccess scopeOrAnyStaff(ApiScope... scopes) {
		return new ApiAccess(EnumSet.copyOf(Arrays.asList(scopes)), EnumSet.noneOf(StaffRole.class), true);
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
		Authentication auth = authentication.get();
		return new AuthorizationDecision(auth != null && granted(auth));
	}

	boolean granted(Authentication auth) {
		if (!auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			return false;
		}
		boolean client = auth instanceof ApiTokenAuthentication t && t.caller().isClient();
		if (!client && anyStaff) {
			return true;
		}
		for (GrantedAuthority a : auth.getAuthorities()) {
			String name = a.getAuthority();
			if (name == null) {
				continue;
			}
			if (client ? scopes.stream().anyMatch(s -> s.authority().equals(name))
					: roles.stream().anyMatch(r -> r.authority().equals(name))) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return "ApiAccess[scopes=" + scopes + ", staff roles=" + (anyStaff ? "any" : roles) + "]";
	}
}
