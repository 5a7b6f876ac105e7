package org.madoguchi.registry;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in staff member, as far as the register needs to know. */
final class StaffContext {

	private StaffContext() {
	}

	static String username() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? "system" : auth.getName();
	}

	static boolean hasAnyRole(String... roles) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null) {
			return false;
		}
		Set<String> wanted = Set.of(roles);
		return auth.getAuthorities().stream().anyMatch(a -> wanted.contains(a.getAuthority().replace("ROLE_", "")));
	}
}
