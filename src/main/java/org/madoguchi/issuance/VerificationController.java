package org.madoguchi.issuance;

import java.io.IOException;

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

	VerificationController(Verification verification) {
		this.verification = verification;
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

	/** The QR code's target: the record of one copy, then the same upload form to check a file against it. */
	@GetMapping("/verify/{code}")
	String byCode(@PathVariable String code, Model model) {
		model.addAttribute("record", verification.byCode(code).orElse(null));
		model.addAttribute("codeGiven", true);
		return "issuance/verify";
	}
}
