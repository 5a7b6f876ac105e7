package org.madoguchi.platform;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page sends each staff member to where their role works. */
@Controller
class HomeController {

	@GetMapping("/")
	String home(Authentication auth) {
		boolean auditorOnly = auth != null && auth.getAuthorities().stream().allMatch(a -> a.getAuthority().equals("ROLE_AUDITOR"));
		return auditorOnly ? "redirect:/staff/audit" : "redirect:/staff/residents";
	}
}
