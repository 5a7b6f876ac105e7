package org.madoguchi.staff;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	private final DemoAccounts demo;

	LoginController(java.util.Optional<DemoAccounts> demo) {
		this.demo = demo.orElse(null);
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("demoAccounts", demo == null ? List.of() : demo.list());
		return "login";
	}
}
