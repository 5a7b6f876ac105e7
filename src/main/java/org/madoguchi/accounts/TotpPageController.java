package org.madoguchi.accounts;

import java.util.Map;
import java.util.UUID;

import org.madoguchi.platform.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in resident's second factor (2段階認証): set up (secret as QR code, base32 text and otpauth URI,
 * confirmed with a first code, then the recovery codes shown once), and turned off with password and code.
 * Also the request the session warning's button sends to stay signed in.
 */
@Controller
class TotpPageController {

	private final TotpService totp;
	private final AccountForms forms;

	TotpPageController(TotpService totp, AccountForms forms) {
		this.totp = totp;
		this.forms = forms;
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("fieldErrors", Map.of());
		model.addAttribute("activeNav", "account");
	}

	@GetMapping("/portal/account/totp")
	String view(Model model) {
		UUID id = currentId();
		model.addAttribute("available", totp.available());
		if (totp.available() && totp.enabled(id)) {
			model.addAttribute("enabled", true);
			model.addAttribute("unusedCodes", totp.unusedRecoveryCodes(id));
		}
		else if (totp.available()) {
			totp.pending(id).ifPresent(e -> model.addAttribute("enrolment", e));
		}
		return "accounts/totp";
	}

	@PostMapping("/portal/account/totp/start")
	String start() {
		totp.start(currentId());
		return "redirect:/portal/account/totp";
	}

	@PostMapping("/portal/account/totp/confirm")
	String confirm(@RequestParam(required = false) String code, Model model) {
		UUID id = currentId();
		try {
			model.addAttribute("codes", totp.confirm(id, code));
			return "accounts/totp-codes";
		}
		catch (InvalidInputException e) {
			forms.addErrors(model, e.errors());
			model.addAttribute("available", true);
			totp.pending(id).ifPresent(p -> model.addAttribute("enrolment", p));
			return "accounts/totp";
		}
	}

	@PostMapping("/portal/account/totp/disable")
	String disable(@RequestParam(required = false) String currentPassword, @RequestParam(required = false) String code,
			Model model, RedirectAttributes redirect) {
		UUID id = currentId();
		try {
			totp.disable(id, currentPassword, code);
		}
		catch (InvalidInputException e) {
			forms.addErrors(model, e.errors());
			model.addAttribute("available", true);
			model.addAttribute("enabled", true);
			model.addAttribute("unusedCodes", totp.unusedRecoveryCodes(id));
			return "accounts/totp";
		}
		redirect.addFlashAttribute("notice", forms.message("accounts.done.totpOff"));
		return "redirect:/portal/account";
	}

	/** "Stay signed in" of the session warning: any portal request restarts the idle time; nothing else to do. */
	@GetMapping("/portal/account/session")
	ResponseEntity<Void> keepAlive() {
		return ResponseEntity.noContent().build();
	}

	private static UUID currentId() {
		return AccountDirectory.currentId().orElseThrow(() -> new IllegalStateException("no resident signed in"));
	}
}
