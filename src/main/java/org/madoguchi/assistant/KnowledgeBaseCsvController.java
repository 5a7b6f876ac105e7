package org.madoguchi.assistant;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.RuleViolationException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Export of a tenant's Q&amp;A as CSV and import of an edited file (all or nothing). Content, not residents' data,
 * so neither is access-logged; every saved row is in the entry's history with the staff member's name.
 */
@Controller
@RequestMapping("/staff/assistant")
class KnowledgeBaseCsvController {

	/** One problem of an import, as listed on the page: 「行 12・回答：…」. */
	record Problem(int row, String field, String message) {
	}

	private final KnowledgeBase knowledge;

	private final KnowledgeBasePages pages;

	private final TenantIndexes indexes;

	KnowledgeBaseCsvController(KnowledgeBase knowledge, KnowledgeBasePages pages, TenantIndexes indexes) {
		this.knowledge = knowledge;
		this.pages = pages;
		this.indexes = indexes;
	}

	@GetMapping("/entries.csv")
	void export(Authentication auth, @RequestParam(required = false) String tenant, Model model,
			HttpServletResponse response) throws IOException {
		Tenant t = pages.tenant(auth, tenant, model);
		Set<String> standardIds = Tenant.STANDARD.equals(t.id()) ? Set.of() : knowledge.ids(Tenant.STANDARD);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"assistant-entries-" + t.id() + ".csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		KnowledgeBaseCsv.write(out, knowledge.entries(t.id()), standardIds);
		out.flush();
	}

	@GetMapping("/entries/import")
	String form(Authentication auth, @RequestParam(required = false) String tenant, Model model) {
		pages.tenant(auth, tenant, model);
		return page(model);
	}

	@PostMapping("/entries/import")
	String upload(Authentication auth, @RequestParam(required = false) String tenant,
			@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
			throws IOException {
		Tenant t = pages.tenant(auth, tenant, model);
		if (file == null || file.isEmpty()) {
			return problems(model, List.of(new FieldError(0, "file", "assistant.kb.csv.error.noFile")));
		}
		if (file.getSize() > KnowledgeBaseCsv.MAX_BYTES) {
			return problems(model, List.of(new FieldError(0, "file", "assistant.kb.csv.error.tooLarge",
					KnowledgeBaseCsv.MAX_BYTES / (1024 * 1024))));
		}
		String text;
		try (InputStream in = file.getInputStream()) {
			text = strictUtf8(in.readNBytes((int) KnowledgeBaseCsv.MAX_BYTES + 1));
		}
		catch (CharacterCodingException e) {
			return problems(model, List.of(new FieldError(0, "file", "assistant.kb.csv.error.encoding")));
		}
		KnowledgeBaseCsv.Parsed parsed = KnowledgeBaseCsv.read(new StringReader(text));
		List<FieldError> errors = new ArrayList<>(parsed.errors());
		List<KnowledgeBase.Change> changes = new ArrayList<>();
		int added = 0;
		int unchanged = 0;
		java.util.Map<String, StoredEntry> existing = new java.util.HashMap<>();
		knowledge.entries(t.id()).forEach(e -> existing.put(e.id(), e));
		for (KnowledgeBaseCsv.Row row : parsed.rows()) {
			KnowledgeBase.Draft d = row.draft();
			List<FieldError> rowErrors = new ArrayList<>();
			if (d.id() != null && KnowledgeBaseController.RESERVED_IDS.contains(d.id())) {
				rowErrors.add(FieldError.of("id", "assistant.kb.error.idTaken", d.id()));
			}
			rowErrors.addAll(knowledge.check(d));
			if (!rowErrors.isEmpty()) {
				rowErrors.forEach(e -> errors.add(e.atRow(row.line())));
				continue;
			}
			Optional<StoredEntry> current = Optional.ofNullable(existing.get(d.id()));
			if (current.isPresent() && KnowledgeBase.Draft.of(current.get()).equals(d)) {
				unchanged++;
				continue;
			}
			added += current.isEmpty() ? 1 : 0;
			changes.add(new KnowledgeBase.Change(d, current.map(StoredEntry::version).orElse(0)));
		}
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparingInt(FieldError::row));
			return problems(model, errors);
		}
		try {
			knowledge.saveAll(t.id(), changes, auth.getName());
		}
		catch (InvalidInputException e) {
			return problems(model, e.errors());
		}
		catch (RuleViolationException e) {
			model.addAttribute("conflict", pages.msg(e.code(), e.args()));
			return page(model);
		}
		if (!changes.isEmpty()) {
			indexes.rebuild(t.id());
		}
		redirect.addFlashAttribute("notice",
				pages.msg("assistant.kb.csv.done", added, changes.size() - added, unchanged));
		return "redirect:/staff/assistant/entries/import?tenant=" + t.id();
	}

	private String problems(Model model, List<FieldError> errors) {
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("problems", errors.stream()
			.limit(KnowledgeBaseCsv.MAX_REPORTED_ERRORS)
			.map(e -> new Problem(e.row(), pages.label(e.field()), pages.message(e, locale)))
			.toList());
		model.addAttribute("problemCount", errors.size());
		return page(model);
	}

	private String page(Model model) {
		model.addAttribute("columns", KnowledgeBaseCsv.COLUMNS);
		model.addAttribute("required", KnowledgeBaseCsv.REQUIRED);
		model.addAttribute("maxRows", KnowledgeBaseCsv.MAX_ROWS);
		model.addAttribute("maxMegabytes", KnowledgeBaseCsv.MAX_BYTES / (1024 * 1024));
		return "assistant/staff/entries-import";
	}

	/** The text, failing on bytes that are not UTF-8 (a file saved as Shift_JIS) instead of garbling them. */
	private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(bytes))
			.toString();
	}
}
