package org.madoguchi.accounts;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.platform.RuleViolationException;
import org.madoguchi.registry.ResidentRecord;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff page {@code /staff/accounts} (窓口・審査・管理者; the staff chain checks the roles): find a
 * resident's account by email and link it to the register after checking an identity document.
 */
@Controller
class CounterLinkController {

	static final List<String> DOCUMENTS = Arrays.stream(IdentityDocument.values()).map(Enum::name).toList();

	private final CounterLinks links;
	private final AccountForms forms;

	CounterLinkController(CounterLinks links, AccountForms forms) {
		this.links = links;
		this.forms = forms;
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("activeNav", "accounts");
		model.addAttribute("fieldErrors", Map.of());
		model.addAttribute("documents", DOCUMENTS);
	}

	@GetMapping("/staff/accounts")
	String search(@RequestParam(required = false) String email, Model model) {
		model.addAttribute("email", email == null ? "" : email);
		if (email == null || email.isBlank()) {
			return "accounts/staff-search";
		}
		if (email.length() > AccountValidation.EMAIL_MAX) {
			forms.addErrors(model, List.of(FieldError.of("email", "accounts.error.tooLong", AccountValidation.EMAIL_MAX)));
			return "accounts/staff-search";
		}
		Optional<StoredAccount> found = links.findByEmail(email);
		if (found.isPresent()) {
			return "redirect:/staff/accounts/" + found.get().id();
		}
		model.addAttribute("notFound", true);
		return "accounts/staff-search";
	}

	@GetMapping("/staff/accounts/{id}")
	String show(@PathVariable String id, Model model) {
		model.addAttribute("account", links.show(uuid(id)));
		model.addAttribute("link", Map.of("atenaNumber", "", "documentType", "", "identityChecked", false));
		return "accounts/staff-account";
	}

	@PostMapping("/staff/accounts/{id}/link")
	String link(@PathVariable String id, @RequestParam(required = false) String atenaNumber,
			@RequestParam(defaultValue = "false") boolean identityChecked,
			@RequestParam(required = false) String documentType, Model model, RedirectAttributes redirect) {
		UUID accountId = uuid(id);
		try {
			ResidentRecord person = links.link(accountId, atenaNumber, identityChecked, documentType);
			redirect.addFlashAttribute("notice", forms.message("accounts.staff.linked", person.atenaNumber().value(),
					person.name().full(), person.birthDate().japanese()));
			return "redirect:/staff/accounts/" + accountId;
		}
		catch (InvalidInputException e) {
			forms.addErrors(model, e.errors());
		}
		catch (RuleViolationException e) {
			model.addAttribute("ruleError", forms.message(e.code(), e.args()));
		}
		model.addAttribute("account", links.show(accountId));
		model.addAttribute("link", Map.of("atenaNumber", atenaNumber == null ? "" : atenaNumber, "documentType",
				documentType == null ? "" : documentType, "identityChecked", identityChecked));
		return "accounts/staff-account";
	}

	@PostMapping("/staff/accounts/{id}/unlink")
	String unlink(@PathVariable String id, RedirectAttributes redirect) {
		UUID accountId = uuid(id);
		links.unlink(accountId);
		redirect.addFlashAttribute("notice", forms.message("accounts.staff.unlinked"));
		return "redirect:/staff/accounts/" + accountId;
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw new NotFoundException("account " + id);
		}
	}
}
