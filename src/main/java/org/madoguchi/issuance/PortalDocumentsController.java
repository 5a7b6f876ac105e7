package org.madoguchi.issuance;

import java.util.Optional;
import java.util.UUID;

import org.madoguchi.accounts.ResidentAccount;
import org.madoguchi.accounts.ResidentAccounts;
import org.madoguchi.platform.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * 交付された証明書: the resident's electronically issued copies in the portal. The download button asks for a fresh
 * short-lived link (POST, so it carries the CSRF token) and follows it; the PDF is sent as an attachment and never
 * cached.
 */
@Controller
class PortalDocumentsController {

	private final DocumentDownloads downloads;

	private final ObjectProvider<ResidentAccounts> accounts;

	PortalDocumentsController(DocumentDownloads downloads, ObjectProvider<ResidentAccounts> accounts) {
		this.downloads = downloads;
		this.accounts = accounts;
	}

	@GetMapping("/portal/documents")
	String list(Model model) {
		Optional<ResidentAccount> resident = current();
		if (resident.isEmpty()) {
			return "redirect:/portal/login";
		}
		model.addAttribute("documents", downloads.of(resident.get().id())
			.stream()
			.map(d -> new Row(d, downloads.downloadable(d), downloads.availableUntil(d)))
			.toList());
		model.addAttribute("activeNav", "documents");
		return "issuance/portal-documents";
	}

	@PostMapping("/portal/documents/{id}/link")
	String link(@PathVariable String id) {
		ResidentAccount resident = current().orElseThrow(() -> new NotFoundException("document"));
		String token = downloads.newLink(parse(id), resident.id());
		return "redirect:/portal/documents/download/" + token;
	}

	@GetMapping("/portal/documents/download/{token}")
	ResponseEntity<byte[]> download(@PathVariable String token) {
		ResidentAccount resident = current().orElseThrow(() -> new NotFoundException("link"));
		DocumentDownloads.Download d = downloads.download(token, resident.id());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(fileName(d.document()))
				.build()
				.toString())
			.body(d.pdf());
	}

	/** e.g. {@code juminhyo-20261126-000123.pdf}: no name in it, so it can be forwarded as is. */
	static String fileName(IssuedDocument d) {
		String[] parts = d.issueNumber().split(" ");
		return "juminhyo-" + parts[0] + "-" + parts[parts.length - 1] + ".pdf";
	}

	private Optional<ResidentAccount> current() {
		ResidentAccounts residents = accounts.getIfAvailable();
		return residents == null ? Optional.empty() : residents.current();
	}

	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw new NotFoundException("document");
		}
	}

	/** One line of the list. */
	record Row(IssuedDocument document, boolean downloadable, java.time.Instant availableUntil) {
	}
}
