package org.madoguchi.applications;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The staff member (or API client acting with staff roles) of the current request. */
public record StaffMember(String username, Set<String> roles) {

	public static StaffMember current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated()) {
			throw new org.springframework.security.access.AccessDeniedException("not signed in");
		}
		// Spring Security 7 adds non-role authorities (FACTOR_*): keep only roles
		Set<String> roles = auth.getAuthorities()
			.stream()
			.map(a -> a.getAuthority())
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> a.substring(5))
			.collect(Collectors.toUnmodifiableSet());
		return new StaffMember(auth.getName(), roles);
	}

	/** Whether this person may act on a workflow step that needs {@code role}; 管理者 may act on any. */
	public boolean canAct(String role) {
		return roles.contains(role) || roles.contains("ADMIN");
	}

	public boolean isStaff() {
		return roles.stream().anyMatch(r -> Set.of("COUNTER", "EXAMINER", "APPROVER", "ADMIN").contains(r));
	}
}
