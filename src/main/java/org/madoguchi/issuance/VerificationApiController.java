package org.madoguchi.issuance;

import java.io.IOException;

import org.madoguchi.platform.ApiController;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The public verification API: the same answers as the page, as JSON, without a token. A file that is not a valid
 * copy gets 200 with {@code outcome: INVALID} and the precise reason (the check itself succeeded); malformed
 * requests get {@code application/problem+json}.
 */
@ApiController("/api/v1/verification")
@Tag(name = "Verification (電子証明書の確認)")
class VerificationApiController {

	private final Verification verification;

	VerificationApiController(Verification verification) {
		this.verification = verification;
	}

	@PostMapping(consumes = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "Verify an issued PDF sent as the request body (public, no token)")
	Verification.Result verifyBody(@RequestBody byte[] pdf) {
		return verification.verify(limited(pdf));
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Verify an issued PDF sent as the multipart part 'file' (public, no token)")
	Verification.Result verifyUpload(@RequestPart("file") MultipartFile file) throws IOException {
		if (file.getSize() > Verification.MAX_UPLOAD_BYTES) {
			throw new InvalidInputException(FieldError.of("file", "issuance.verify.tooLarge",
					Verification.MAX_UPLOAD_BYTES / 1024 / 1024));
		}
		return verification.verify(limited(file.getBytes()));
	}

	@GetMapping("/{code}")
	@Operation(summary = "The record of an issued copy by the code of its QR link (public, no token)")
	Verification.Record byCode(@PathVariable String code) {
		return verification.byCode(code).orElseThrow(() -> new NotFoundException("verification code"));
	}

	private static byte[] limited(byte[] pdf) {
		if (pdf == null || pdf.length == 0) {
			throw new InvalidInputException(FieldError.of("file", "issuance.verify.noFile"));
		}
		if (pdf.length > Verification.MAX_UPLOAD_BYTES) {
			throw new InvalidInputException(FieldError.of("file", "issuance.verify.tooLarge",
					Verification.MAX_UPLOAD_BYTES / 1024 / 1024));
		}
		return pdf;
	}
}
