package org.madoguchi.staff;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * An API call authenticated by a bearer token: a staff account's personal token ({@code mdg_…}), an
 * OAuth2 access token ({@code mdg_at_…}) or an API key ({@code mdg_key_…}) of an API client.
 */
class ApiTokenAuthentication extends AbstractAuthenticationToken {

	private final ApiCaller caller;

	ApiTokenAuthentication(ApiCaller caller, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.caller = caller;
		setAuthenticated(true);
	}

	ApiCaller caller() {
		return caller;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return caller.id();
	}
}
