package org.madoguchi.applications.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;

import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Reads the resident's signature from the signing form: a file (the DER the JPKI software or the virtual card
 * wrote) or the same as Base64/PEM text pasted into a box (a phone without a file picker for it).
 */
final class SignatureUpload {

	/** A CMS signature with its certificate chain is a few KB; JPKI's is under 8 KB. */
	static final int MAX_BYTES = 64 * 1024;

	private SignatureUpload() {
	}

	static byte[] read(HttpServletRequest request) throws IOException {
		if (request instanceof MultipartHttpServletRequest multipart) {
			MultipartFile file = multipart.getFile("signature");
			if (file != null && !file.isEmpty()) {
				if (file.getSize() > MAX_BYTES) {
					throw tooLarge();
				}
				try (InputStream in = file.getInputStream()) {
					byte[] bytes = in.readNBytes(MAX_BYTES + 1);
					if (bytes.length > MAX_BYTES) {
						throw tooLarge();
					}
					return bytes;
				}
			}
		}
		String text = request.getParameter("signatureText");
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(FieldError.of("signature", "applications.error.signatureMissing"));
		}
		if (text.length() > MAX_BYTES * 2) {
			throw tooLarge();
		}
		// PEM armour (-----BEGIN CMS----- / PKCS7) and line breaks are allowed around the Base64
		String base64 = text.replaceAll("-----(BEGIN|END) [A-Z0-9 ]+-----", "").replaceAll("\\s+", "");
		try {
			byte[] bytes = Base64.getDecoder().decode(base64);
			if (bytes.length > MAX_BYTES) {
				throw tooLarge();
			}
			return bytes;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(FieldError.of("signature", "applications.error.signatureText"));
		}
	}

	private static InvalidInputException tooLarge() {
		return new InvalidInputException(FieldError.of("signature", "applications.error.signatureTooLarge", MAX_BYTES / 1024));
	}
}
