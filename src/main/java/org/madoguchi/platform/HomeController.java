package org.madoguchi.platform;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page sends each staff member to where their role works, and everyone else to the resident portal. */
@Controller
class HomeController {

	@GetMapping("/")
	String home(Authentication auth) {
		var roles = auth == null ? java.util.Set.<String>of()
				: auth.getAuthorities().stream().map(a -> a.getAuthority()).collect(java.util.stream.Collectors.toSet());
		if (roles.contains("ROLE_COUNTER") || roles.contains("ROLE_EXAMINER") || roles.contains("ROLE_ADMIN")) {
			return "redirect:/staff/residents";
		}
		if (roles.contains("ROLE_APPROVER")) {
			return "redirect:/staff/applications";
		}
		if (roles.contains("ROLE_CONTENT")) {
			return "redirect:/staff/assistant";
		}
		if (roles.contains("ROLE_AUDITOR")) {
			return "redirect:/staff/audit";
		}
		if (roles.contains("ROLE_LINKAGE")) {
			return "redirect:/swagger-ui.html"; // linked-system accounts work through the API
		}
		return "redirect:/portal"; // residents and visitors: the portal

	}
}
