package org.madoguchi.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.madoguchi.accounts.CardSignIns;
import org.madoguchi.accounts.ResidentAccounts;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.FormErrors;
import org.madoguchi.platform.PortalPaths;
import org.madoguchi.procedures.Assurance;
import org.madoguchi.registry.CardCertificate;
import org.madoguchi.registry.ResidentRecord;
import org.madoguchi.registry.ResidentRegister;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /portal/card/sign-in}: sign-in with the My Number Card's 利用者証明用電子証明書 by challenge–response. The page
 * shows a fresh challenge (kept in the session, {@link CardChallenge}); the resident's card software signs it and
 * the answer comes back as a file or pasted Base64. The answer is verified ({@link SignatureVerifier#verifyAuthentication}),
 * the certificate serial is looked up in the register (宛名番号) and the accounts module signs in the account linked
 * to that person ({@link CardSignIns}) at {@link Assurance#JPKI_LOGIN}. Works without JavaScript.
 */
@Controller
class CardSignInController {

	static final String PATH = "/portal/card/sign-in";

	static final String VIEW = "identity/card-sign-in";

	/** Base64 of the largest answer accepted, with line breaks and PEM armour. */
	static final int MAX_TEXT_CHARS = 100_000;

	/** What the register lookup is logged as (利用目的). */
	static final String PURPOSE = "portal sign-in with the 利用者証明用電子証明書";

	private static final Logger log = LoggerFactory.getLogger(CardSignInController.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final ObjectProvider<SignatureVerifier> verifier;

	private final ResidentRegister register;

	private final CardSignIns signIns;

	private final ResidentAccounts accounts;

	private final ObjectProvider<DevIdentity> dev;

	private final FormErrors forms;

	private final Clock clock;

	private final Environment environment;

	CardSignInController(ObjectProvider<SignatureVerifier> verifier, ResidentRegister register, CardSignIns signIns,
			ResidentAccounts accounts, ObjectProvider<DevIdentity> dev, FormErrors forms, Clock clock,
			Environment environment) {
		this.verifier = verifier;
		this.register = register;
		this.signIns = signIns;
		this.accounts = accounts;
		this.dev = dev;
		this.forms = forms;
		this.clock = clock;
		this.environment = environment;
	}

	@GetMapping(PATH)
	String page(@RequestParam(required = false) String returnTo, HttpSession session, Model model) {
		return show(session, PortalPaths.safe(returnTo, "/portal"), model);
	}

	@PostMapping(PATH)
	String signIn(@RequestParam(required = false) MultipartFile responseFile,
			@RequestParam(required = false) String responseText, @RequestParam(required = false) String returnTo,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		String back = PortalPaths.safe(returnTo, "/portal");
		HttpSession session = request.getSession();
		// Single use: the challenge leaves the session with the first answer, whatever the outcome.
		Object held = session.getAttribute(CardChallenge.ATTRIBUTE);
		session.removeAttribute(CardChallenge.ATTRIBUTE);
		SignatureVerifier verifying = verifier.getIfAvailable();
		if (verifying == null) {
			return show(session, back, model);
		}
		if (!(held instanceof CardChallenge challenge)) {
			return refuse("challengeMissing", "no challenge in the session", session, back, model);
		}
		if (challenge.expiredAt(clock.instant())) {
			return refuse("challengeExpired", "challenge expired at " + challenge.expiresAt(), session, back, model);
		}
		List<FieldError> errors = new ArrayList<>();
		byte[] answer = answer(responseFile, responseText, errors);
		if (answer == null) {
			forms.addTo(model, errors);
			return show(session, back, model);
		}

		SignatureReport report = verifying.verifyAuthentication(challenge.bytes(), answer);
		if (!report.valid()) {
			String detail = report.reason() + " (" + report.detail() + ")";
			if (report.reason() == SignatureReport.Reason.STALE_CRL
					|| report.reason() == SignatureReport.Reason.REVOCATION_UNKNOWN) {
				// not the resident's fault: the CRLs are not being renewed
				log.warn("Card sign-in refused, revocation status unknown: {}", detail);
			}
			return refuse(report.reason().name(), detail, session, back, model);
		}
		String serial = CardCertificate.canonical(report.certificateSerial());
		Optional<ResidentRecord> holder = register.certificateHolder(CardCertificate.AUTHENTICATION,
				report.certificateSerial(), PURPOSE);
		if (holder.isEmpty()) {
			return refuse("noResident", "no living resident holds authentication certificate " + serial, session,
					back, model);
		}
		CardSignIns.Result result = signIns.signIn(holder.get().atenaNumber().value(), Assurance.JPKI_LOGIN,
				"CARD_CHALLENGE", request, response);
		return switch (result) {
			case SIGNED_IN, LINKED -> {
				log.info("Card sign-in {}: authentication certificate {}", result, serial);
				yield "redirect:" + back;
			}
			case NO_ACCOUNT, OTHER_PERSON -> refuse(result.name(), "authentication certificate " + serial, session,
					back, model);
		};
	}

	/** The page with a new challenge (the old one, if any, is replaced). */
	private String show(HttpSession session, String back, Model model) {
		model.addAttribute("returnTo", back);
		model.addAttribute("provedWithCard",
				accounts.current().map(a -> Assurance.JPKI_LOGIN.satisfiedBy(a.assurance())).orElse(false));
		model.addAttribute("maxFileKilobytes", SignatureVerifier.MAX_SIGNATURE_BYTES / 1024);
		model.addAttribute("maxTextChars", MAX_TEXT_CHARS);
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		if (verifier.getIfAvailable() == null) {
			model.addAttribute("available", false);
			return VIEW;
		}
		Instant now = clock.instant();
		CardChallenge challenge = CardChallenge.issue(now);
		session.setAttribute(CardChallenge.ATTRIBUTE, challenge);
		model.addAttribute("available", true);
		model.addAttribute("challenge", challenge.hex());
		model.addAttribute("expiresAt", TIME.format(LocalTime.ofInstant(challenge.expiresAt(), clock.getZone())));
		DevIdentity development = dev.getIfAvailable();
		if (development != null) {
			model.addAttribute("devCardDirectory", development.cardsDirectory().toAbsolutePath().toString());
			// start-dev's page that issues a virtual card to the signed-in resident (DevVirtualCardController)
			model.addAttribute("devCardPage", environment.matchesProfiles("dev"));
		}
		return VIEW;
	}

	private String refuse(String why, String detail, HttpSession session, String back, Model model) {
		log.info("Card sign-in refused, {}: {}", why, detail);
		model.addAttribute("refusal", why);
		return show(session, back, model);
	}

	/** The answer's DER bytes from the file or the pasted Base64 (or PEM), or null with the errors. */
	private static byte[] answer(MultipartFile file, String text, List<FieldError> errors) {
		boolean hasFile = file != null && !file.isEmpty();
		boolean hasText = text != null && !text.isBlank();
		if (hasFile && hasText) {
			errors.add(FieldError.of("responseText", "identity.cardSignIn.error.both"));
			return null;
		}
		if (hasFile) {
			if (file.getSize() > SignatureVerifier.MAX_SIGNATURE_BYTES) {
				errors.add(FieldError.of("responseFile", "identity.cardSignIn.error.fileTooLarge",
						SignatureVerifier.MAX_SIGNATURE_BYTES / 1024));
				return null;
			}
			try {
				return file.getBytes();
			}
			catch (IOException ex) {
				errors.add(FieldError.of("responseFile", "identity.cardSignIn.error.unreadable"));
				return null;
			}
		}
		if (!hasText) {
			errors.add(FieldError.of("responseFile", "identity.cardSignIn.error.missing"));
			return null;
		}
		if (text.length() > MAX_TEXT_CHARS) {
			errors.add(FieldError.of("responseText", "identity.cardSignIn.error.textTooLarge", MAX_TEXT_CHARS));
			return null;
		}
		try {
			return Base64.getDecoder().decode(withoutPemArmour(text));
		}
		catch (IllegalArgumentException ex) {
			errors.add(FieldError.of("responseText", "identity.cardSignIn.error.notBase64"));
			return null;
		}
	}

	/** Base64 as pasted: a PEM block's BEGIN/END lines and all white space dropped (openssl writes PEM). */
	static String withoutPemArmour(String text) {
		StringBuilder base64 = new StringBuilder(text.length());
		for (String line : text.strip().split("\\R")) {
			if (!line.strip().startsWith("-----")) {
				base64.append(line.replaceAll("\\s", ""));
			}
		}
		return base64.toString();
	}
}
