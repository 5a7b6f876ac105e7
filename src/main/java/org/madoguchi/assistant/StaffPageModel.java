package org.madoguchi.assistant;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What every staff page of the assistant needs in its model: the tenant worked on (checked on every request by
 * {@link StaffTenant}), and for administrators the cities they may switch to.
 */
@Component
class StaffPageModel {

	private final StaffTenant staffTenant;

	private final Tenants tenants;

	StaffPageModel(StaffTenant staffTenant, Tenants tenants) {
		this.staffTenant = staffTenant;
		this.tenants = tenants;
	}

	/**
	 * The tenant asked for, put into the model with the menu marker and the tenant switch.
	 *
	 * @throws org.springframework.security.access.AccessDeniedException when the staff member may not work on it
	 */
	Tenant prepare(Authentication staff, String tenantParam, Model model) {
		Tenant tenant = staffTenant.resolve(staff, tenantParam);
		model.addAttribute("activeNav", "assistant");
		model.addAttribute("tenant", tenant);
		boolean canSwitch = staffTenant.canSwitch(staff);
		model.addAttribute("canSwitch", canSwitch);
		model.addAttribute("cities", canSwitch ? tenants.cities() : java.util.List.of());
		return tenant;
	}

	/** The tenant for an action (no page model). */
	Tenant resolve(Authentication staff, String tenantParam) {
		return staffTenant.resolve(staff, tenantParam);
	}

	/** The query string that keeps an administrator on the tenant they chose. */
	static String tenantQuery(Tenant tenant) {
		return "tenant=" + tenant.id();
	}
}
