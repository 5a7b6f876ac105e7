package org.madoguchi.assistant;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which tenant a staff page works on. Staff accounts belong to this installation: FAQ editors (CONTENT) work on
 * this installation's city only; administrators, who run the shared engine, may also work on the standard set
 * and on other cities hosted here.
 */
@Component
class StaffTenant {

	private final Tenants tenants;

	private final AssistantProperties settings;

	StaffTenant(Tenants tenants, AssistantProperties settings) {
		this.tenants = tenants;
		this.settings = settings;
	}

	/**
	 * The tenant asked for ({@code null}: this installation's city).
	 *
	 * @throws AccessDeniedException when the staff member may not work on it
	 * @throws org.madoguchi.platform.NotFoundException when there is no such tenant
	 */
	Tenant resolve(Authentication staff, String requested) {
		String id = requested == null || requested.isBlank() ? settings.city().id() : requested;
		boolean admin = staff != null
				&& staff.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
		if (!admin && !id.equals(settings.city().id())) {
			throw new AccessDeniedException("assistant tenant " + id);
		}
		return tenants.find(id).orElseThrow(() -> new org.madoguchi.platform.NotFoundException("assistant tenant " + id));
	}

	/** Whether the staff member may choose among tenants (administrators). */
	boolean canSwitch(Authentication staff) {
		return staff != null && staff.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
	}
}
