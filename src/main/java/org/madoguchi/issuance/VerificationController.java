package org.madoguchi.issuance;

import java.io.IOException;

import org.madoguchi.issuance.signing.SealTrust;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public verification page (電子証明書の確認), for anyone without signing in: upload a PDF, or arrive from the
 * QR code printed on a copy. Works without JavaScript (a plain multipart form).
 */
@Controller
class VerificationController {

	private final Verification verification;

	private final SealTrust trust;

	VerificationController(Verification verification, SealTrust trust) {
		this.verification = verification;
		this.trust = trust;
	}

	@GetMapping("/verify")
	String page(Model model) {
		return "issuance/verify";
	}

	@PostMapping("/verify")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("uploadError", "issuance.verify.noFile");
			return "issuance/verify";
		}
		if (file.getSize() > Verification.MAX_UPLOAD_BYTES) {
			model.addAttribute("uploadError", "issuance.verify.tooLarge");
			model.addAttribute("limitMb", Verification.MAX_UPLOAD_BYTES / 1024 / 1024);
			return "issuance/verify";
		}
		model.addAttribute("result", verification.verify(file.getBytes()));
		model.addAttribute("fileName", file.getOriginalFilename());
		return "issuance/verify";
	}

	/**
	 * The city's seal root certificate(s) in PEM, for checking a copy with standard tools (openssl, pdfsig); see
	 * docs/verification.md. The city also publishes them on its own web site.
	 */
	@GetMapping(path = "/verify/trust/city-ca.pem", produces = "application/x-pem-file")
	@org.springframework.web.bind.annotation.ResponseBody
	String trustAnchors() {
		return Pem.certificates(trust.anchors());
	}

	/** The current CRLs of the city's seal CA in PEM (a revoked seal certificate is listed here). */
	@GetMapping(path = "/verify/trust/crl.pem", produces = "application/x-pem-file")
	@org.springframework.web.bind.annotation.ResponseBody
	String crls() {
		return Pem.crls(trust.crls());
	}

	/** The QR code's target: the record of one copy, then the same upload form to check a file against it. */
	@GetMapping("/verify/{code}")
	String byCode(@PathVariable String code, Model model) {
		model.addAttribute("record", verification.byCode(code).orElse(null));
		model.addAttribute("codeGiven", true);
		return "issuance/verify";
	}
}
