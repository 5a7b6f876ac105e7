package org.madoguchi.staff;

import java.time.Instant;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class StaffUserDetailsService implements UserDetailsService {

	private final StaffAccounts accounts;

	StaffUserDetailsService(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		StaffAccount a = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
		return User.withUsername(a.username()).password(a.passwordHash())
				.authorities(a.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
				.disabled(!a.enabled()).accountLocked(a.lockedAt(Instant.now())).build();
	}
}
