package org.madoguchi.accounts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.PortalPaths;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in resident's own account: profile, password, and the verification mail sent again (the second
 * factor: {@link TotpPageController}).
 */
@Controller
class AccountPageController {

	private final AccountService service;
	private final TotpService totp;
	private final AccountForms forms;
	private final Clock clock;

	AccountPageController(AccountService service, TotpService totp, AccountForms forms, Clock clock) {
		this.service = service;
		this.totp = totp;
		this.forms = forms;
		this.clock = clock;
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("fieldErrors", Map.of());
		model.addAttribute("activeNav", "account");
	}

	@GetMapping("/portal/account")
	String view(Model model) {
		StoredAccount account = current();
		model.addAttribute("account", account);
		model.addAttribute("linkedOn",
				account.linkedAt() == null ? null : LocalDate.ofInstant(account.linkedAt(), clock.getZone()));
		model.addAttribute("totpEnabled", totp.enabled(account.id()));
		return "accounts/account";
	}

	@GetMapping("/portal/account/profile")
	String profileForm(Model model) {
		model.addAttribute("form", ProfileForm.of(current().profile()));
		return "accounts/profile";
	}

	@PostMapping("/portal/account/profile")
	String profile(@ModelAttribute("form") ProfileForm form, Model model, RedirectAttributes redirect) {
		try {
			service.updateProfile(currentId(), form);
		}
		catch (InvalidInputException e) {
			forms.addErrors(model, e.errors());
			return "accounts/profile";
		}
		redirect.addFlashAttribute("notice", forms.message("accounts.done.profile"));
		return "redirect:/portal/account";
	}

	@GetMapping("/portal/account/password")
	String passwordForm() {
		return "accounts/password";
	}

	@PostMapping("/portal/account/password")
	String password(@RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String password, @RequestParam(required = false) String passwordConfirm,
			Model model, RedirectAttributes redirect) {
		try {
			service.changePassword(currentId(), currentPassword, password, passwordConfirm);
		}
		catch (InvalidInputException e) {
			forms.addErrors(model, e.errors());
			return "accounts/password";
		}
		redirect.addFlashAttribute("notice", forms.message("accounts.done.password"));
		return "redirect:/portal/account";
	}

	/** The button in the banner of every portal page; goes back to the page it was pressed on. */
	@PostMapping("/portal/account/verification")
	String resend(@RequestParam(defaultValue = "/portal/account") String back, RedirectAttributes redirect) {
		AccountService.Resend result = service.resendVerification(currentId());
		redirect.addFlashAttribute("verificationNotice", switch (result) {
			case SENT -> "sent";
			case TOO_SOON -> "tooSoon";
			case ALREADY_VERIFIED -> "verified";
		});
		return "redirect:" + safeBack(back);
	}

	/** Only a path inside the portal: never another site. */
	static String safeBack(String back) {
		return PortalPaths.safe(back, "/portal/account");
	}

	private StoredAccount current() {
		return service.find(currentId()).orElseThrow(() -> new IllegalStateException("signed-in account is gone"));
	}

	private static UUID currentId() {
		return AccountDirectory.currentId().orElseThrow(() -> new IllegalStateException("no resident signed in"));
	}
}
