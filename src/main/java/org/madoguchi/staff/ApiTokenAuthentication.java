package org.madoguchi.staff;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** An API call authenticated by a bearer token of a staff or linkage account. */
class ApiTokenAuthentication extends AbstractAuthenticationToken {

	private final String username;

	ApiTokenAuthentication(String username, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.username = username;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return username;
	}
}
