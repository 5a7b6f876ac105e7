package org.madoguchi.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.madoguchi.accounts.ResidentAccount;
import org.madoguchi.accounts.ResidentAccounts;
import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.ResidentRegister;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * start-dev only: a signed-in resident whose account is linked to the register gets a virtual My Number Card of
 * the test PKI (both certificates, PINs of their choice; the serials go into the register), downloads the card
 * file for {@code bin/madoguchi virtual-card}, and can revoke its signing certificate to see a signature refused.
 */
@Controller
@Profile("dev")
class DevVirtualCardController {

	private final ObjectProvider<DevIdentity> dev;
	private final ResidentAccounts accounts;
	private final ResidentRegister register;

	DevVirtualCardController(ObjectProvider<DevIdentity> dev, ResidentAccounts accounts, ResidentRegister register) {
		this.dev = dev;
		this.accounts = accounts;
		this.register = register;
	}

	@GetMapping("/portal/dev/virtual-card")
	String page(Model model) {
		Optional<ResidentAccount> me = accounts.current();
		model.addAttribute("signedIn", me.isPresent());
		String atena = me.map(ResidentAccount::atenaNumber).orElse(null);
		model.addAttribute("atena", atena);
		DevIdentity identity = dev.getIfAvailable();
		model.addAttribute("available", identity != null);
		if (identity != null && atena != null) {
			Optional<VirtualCard> card = identity.card(atena);
			model.addAttribute("card", card.orElse(null));
			model.addAttribute("cardFile", identity.cardFile(atena).toAbsolutePath().toString());
			model.addAttribute("pkiDirectory", identity.pkiDirectory().toAbsolutePath().toString());
			card.ifPresent(c -> {
				model.addAttribute("signingSerial", c.certificate(VirtualCard.Slot.SIGNING).getSerialNumber().toString(16).toUpperCase());
				model.addAttribute("authSerial", c.certificate(VirtualCard.Slot.AUTHENTICATION).getSerialNumber().toString(16).toUpperCase());
				model.addAttribute("signingTries", c.triesLeft(VirtualCard.Slot.SIGNING));
				model.addAttribute("authTries", c.triesLeft(VirtualCard.Slot.AUTHENTICATION));
			});
		}
		return "identity/dev-virtual-card";
	}

	@PostMapping("/portal/dev/virtual-card")
	String issue(@RequestParam(defaultValue = "") String signingPin, @RequestParam(defaultValue = "") String authPin,
			Model model) {
		DevIdentity identity = dev.getObject();
		String atena = linkedAtena();
		try {
			identity.issueCard(register.person(new AtenaNumber(atena)).record(), signingPin.strip(), authPin.strip());
		}
		catch (ToolException ex) {
			model.addAttribute("problem", ex.getMessage());
			return page(model);
		}
		return "redirect:/portal/dev/virtual-card?issued";
	}

	@PostMapping("/portal/dev/virtual-card/revoke")
	String revoke() {
		dev.getObject().revokeSigning(linkedAtena());
		return "redirect:/portal/dev/virtual-card?revoked";
	}

	@GetMapping("/portal/dev/virtual-card/file")
	ResponseEntity<byte[]> file() throws IOException {
		Path file = dev.getObject().cardFile(linkedAtena());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"")
			.body(Files.readAllBytes(file));
	}

	private String linkedAtena() {
		return accounts.current()
			.map(ResidentAccount::atenaNumber)
			.orElseThrow(() -> new org.springframework.security.access.AccessDeniedException(
					"a resident account linked to the register is needed"));
	}
}
