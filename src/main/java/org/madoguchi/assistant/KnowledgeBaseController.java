package org.madoguchi.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.platform.RuleViolationException;
import org.madoguchi.procedures.ProcedureCatalog;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Staff editing of the assistant's knowledge base (FAQナレッジの管理): the list with search, one entry's edit form
 * with a preview, its history with restore, and reverting a city's override to the standard entry. The URL rules
 * let CONTENT and ADMIN in; every request picks its tenant with {@link StaffTenant}.
 */
@Controller
@RequestMapping("/staff/assistant/entries")
class KnowledgeBaseController {

	static final int PAGE_SIZE = 50;

	static final int MAX_SEARCH = 200;

	static final List<String> FIELD_ORDER = List.of("id", "category", "question", "alternatives", "answer", "url",
			"procedure", "department", "phone", "status", "validFrom", "validUntil");

	/** Ids that would collide with this controller's own paths. */
	static final Set<String> RESERVED_IDS = Set.of("new", "import");

	private final KnowledgeBase knowledge;

	private final KnowledgeBasePages pages;

	private final EntryPreview preview;

	private final TenantIndexes indexes;

	private final ProcedureCatalog procedures;

	KnowledgeBaseController(KnowledgeBase knowledge, KnowledgeBasePages pages, EntryPreview preview,
			TenantIndexes indexes, ProcedureCatalog procedures) {
		this.knowledge = knowledge;
		this.pages = pages;
		this.preview = preview;
		this.indexes = indexes;
		this.procedures = procedures;
	}

	/** One line of the list. */
	record Row(StoredEntry entry, EntryOrigin origin) {
	}

	/** An online procedure to pick: id and name in the staff member's language. */
	record ProcedureChoice(String id, String name) {
	}

	@GetMapping
	String list(Authentication auth, @RequestParam(required = false) String tenant,
			@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String category,
			@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String origin,
			@RequestParam(defaultValue = "1") String page, Model model) {
		Tenant t = pages.tenant(auth, tenant, model);
		String words = q.strip().length() > MAX_SEARCH ? q.strip().substring(0, MAX_SEARCH) : q.strip();
		Set<String> standardIds = standardIds(t);
		String needle = KnowledgeBasePages.fold(words);
		List<Row> rows = knowledge.entries(t.id())
			.stream()
			.map(e -> new Row(e, EntryOrigin.of(e, standardIds)))
			.filter(r -> category.isEmpty() || category.equals(r.entry().entry().category()))
			.filter(r -> status.isEmpty() || status.equals(r.entry().status().name()))
			.filter(r -> origin.isEmpty() || origin.equals(r.origin().name()))
			.filter(r -> needle.isEmpty() || contains(r.entry().entry(), needle))
			.toList();
		int pageCount = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int p = Math.min(Math.max(1, parse(page, 1)), pageCount);
		model.addAttribute("rows", rows.subList((p - 1) * PAGE_SIZE, Math.min(rows.size(), p * PAGE_SIZE)));
		model.addAttribute("total", rows.size());
		model.addAttribute("page", p);
		model.addAttribute("pageCount", pageCount);
		model.addAttribute("q", words);
		model.addAttribute("category", category);
		model.addAttribute("status", status);
		model.addAttribute("origin", origin);
		model.addAttribute("categories", Categories.CODES);
		model.addAttribute("statuses", EntryStatus.values());
		model.addAttribute("origins", EntryOrigin.values());
		return "assistant/staff/entries";
	}

	@GetMapping("/new")
	String create(Authentication auth, @RequestParam(required = false) String tenant,
			@RequestParam(required = false) String question, @RequestParam(required = false) String category,
			Model model) {
		Tenant t = pages.tenant(auth, tenant, model);
		String prefill = question == null ? null
				: question.strip().substring(0, Math.min(question.strip().length(), KnowledgeBase.MAX_QUESTION));
		return editPage(t, EntryForm.blank(prefill, Categories.known(category) ? category : ""), null, model);
	}

	@PostMapping("/new")
	String create(Authentication auth, @RequestParam(required = false) String tenant,
			@ModelAttribute("form") EntryForm form, @RequestParam(defaultValue = "save") String action, Model model,
			RedirectAttributes redirect) {
		Tenant t = pages.tenant(auth, tenant, model);
		List<FieldError> errors = new ArrayList<>();
		String id = form.id() == null ? null : form.id().strip();
		if (id != null && (RESERVED_IDS.contains(id) || knowledge.find(t.id(), id).isPresent())) {
			errors.add(FieldError.of("id", "assistant.kb.error.idTaken", id));
		}
		return submit(t, form.withExpectedVersion(0), null, errors, action, auth, model, redirect);
	}

	@GetMapping("/{id}")
	String edit(Authentication auth, @RequestParam(required = false) String tenant, @PathVariable String id,
			Model model) {
		Tenant t = pages.tenant(auth, tenant, model);
		StoredEntry current = entry(t, id);
		return editPage(t, EntryForm.of(current), current, model);
	}

	@PostMapping("/{id}")
	String edit(Authentication auth, @RequestParam(required = false) String tenant, @PathVariable String id,
			@ModelAttribute("form") EntryForm form, @RequestParam(defaultValue = "save") String action, Model model,
			RedirectAttributes redirect) {
		Tenant t = pages.tenant(auth, tenant, model);
		StoredEntry current = entry(t, id);
		return submit(t, form.withId(id), current, new ArrayList<>(), action, auth, model, redirect);
	}

	/** Deletes the city's override, so residents get the standard entry again. */
	@PostMapping("/{id}/revert")
	String revert(Authentication auth, @RequestParam(required = false) String tenant, @PathVariable String id,
			@RequestParam(defaultValue = "-1") String expectedVersion, Model model, RedirectAttributes redirect) {
		Tenant t = pages.tenant(auth, tenant, model);
		entry(t, id);
		try {
			knowledge.revert(t.id(), id, parse(expectedVersion, -1), auth.getName());
			indexes.rebuild(t.id());
			redirect.addFlashAttribute("notice", pages.msg("assistant.kb.reverted"));
		}
		catch (RuleViolationException e) {
			redirect.addFlashAttribute("conflict", pages.msg(e.code(), e.args()));
		}
		return "redirect:" + entryUrl(t, id, "");
	}

	@GetMapping("/{id}/history")
	String history(Authentication auth, @RequestParam(required = false) String tenant, @PathVariable String id,
			@RequestParam(required = false) String version, @RequestParam(defaultValue = "") String from, Model model) {
		Tenant t = pages.tenant(auth, tenant, model);
		Optional<StoredEntry> current = knowledge.find(t.id(), id);
		List<StoredEntry> own = knowledge.versions(t.id(), id);
		List<StoredEntry> standard = Tenant.STANDARD.equals(t.id()) ? List.of() : knowledge.versions(Tenant.STANDARD, id);
		if (current.isEmpty() && own.isEmpty() && standard.isEmpty()) {
			throw new NotFoundException("assistant entry " + id);
		}
		model.addAttribute("id", id);
		model.addAttribute("current", current.orElse(null));
		model.addAttribute("own", own);
		model.addAttribute("standardVersions", standard);
		if (version != null) {
			model.addAttribute("shown", version(own, standard, from, version)
				.orElseThrow(() -> new NotFoundException("assistant entry " + id + " v" + version)));
			model.addAttribute("shownFrom", "standard".equals(from) ? "standard" : "");
		}
		model.addAttribute("categories", Categories.CODES);
		return "assistant/staff/entry-history";
	}

	/** Saves an earlier version's content as a new version (of the city's own row, for a city). */
	@PostMapping("/{id}/restore")
	String restore(Authentication auth, @RequestParam(required = false) String tenant, @PathVariable String id,
			@RequestParam String version, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "-1") String expectedVersion, Model model, RedirectAttributes redirect) {
		Tenant t = pages.tenant(auth, tenant, model);
		StoredEntry old = version(knowledge.versions(t.id(), id),
				Tenant.STANDARD.equals(t.id()) ? List.of() : knowledge.versions(Tenant.STANDARD, id), from, version)
			.orElseThrow(() -> new NotFoundException("assistant entry " + id + " v" + version));
		try {
			StoredEntry saved = knowledge.save(t.id(), KnowledgeBase.Draft.of(old), parse(expectedVersion, -1),
					auth.getName());
			indexes.rebuild(t.id());
			redirect.addFlashAttribute("notice", pages.msg("assistant.kb.restored", old.version(), saved.version()));
			return "redirect:" + entryUrl(t, id, "");
		}
		catch (RuleViolationException e) {
			redirect.addFlashAttribute("conflict", pages.msg(e.code(), e.args()));
		}
		catch (InvalidInputException e) {
			// an old version may no longer pass today's checks (e.g. a procedure that was withdrawn)
			redirect.addFlashAttribute("conflict", pages.msg("assistant.kb.restoreInvalid", e.errors().stream()
				.map(fe -> pages.label(fe.field()) + "：" + pages.message(fe, LocaleContextHolder.getLocale()))
				.collect(Collectors.joining(" / "))));
		}
		return "redirect:" + entryUrl(t, id, "/history");
	}

	/** Preview or save; everything typed is shown again on a problem. */
	private String submit(Tenant t, EntryForm form, StoredEntry current, List<FieldError> errors, String action,
			Authentication auth, Model model, RedirectAttributes redirect) {
		KnowledgeBase.Draft draft = form.draft(errors);
		errors.addAll(knowledge.check(draft).stream()
			.filter(e -> errors.stream().noneMatch(x -> x.field().equals(e.field())))
			.toList());
		if (errors.isEmpty() && "save".equals(action)) {
			try {
				StoredEntry saved = knowledge.save(t.id(), draft, form.version(), auth.getName());
				indexes.rebuild(t.id());
				redirect.addFlashAttribute("notice", pages.msg("assistant.kb.saved", saved.version()));
				return "redirect:" + entryUrl(t, saved.id(), "");
			}
			catch (InvalidInputException e) {
				errors.addAll(e.errors());
			}
			catch (RuleViolationException e) {
				model.addAttribute("conflict", pages.msg(e.code(), e.args()));
			}
		}
		if (!errors.isEmpty()) {
			// listed in the order of the form's fields
			errors.sort(java.util.Comparator.comparingInt(e -> FIELD_ORDER.indexOf(e.field())));
			pages.errors(model, errors);
		}
		else if ("preview".equals(action)) {
			model.addAttribute("preview", preview.of(t.id(), draft, LocaleContextHolder.getLocale()));
		}
		return editPage(t, form, current, model);
	}

	private String editPage(Tenant t, EntryForm form, StoredEntry current, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("current", current);
		boolean city = !Tenant.STANDARD.equals(t.id());
		Optional<StoredEntry> standardRow = current == null || !city ? Optional.empty()
				: knowledge.find(Tenant.STANDARD, current.id());
		model.addAttribute("origin", current == null ? null
				: EntryOrigin.of(current, standardRow.isPresent() ? Set.of(current.id()) : Set.of()));
		model.addAttribute("standardRow", standardRow.orElse(null));
		model.addAttribute("categories", Categories.CODES);
		model.addAttribute("statuses", EntryStatus.values());
		model.addAttribute("procedureChoices", procedures.current()
			.stream()
			.map(v -> new ProcedureChoice(v.procedureId(), v.definition().name().in(LocaleContextHolder.getLocale())))
			.toList());
		return "assistant/staff/entry-edit";
	}

	private StoredEntry entry(Tenant t, String id) {
		if (id.length() > 100) {
			throw new NotFoundException("assistant entry");
		}
		return knowledge.find(t.id(), id).orElseThrow(() -> new NotFoundException("assistant entry " + id));
	}

	private Set<String> standardIds(Tenant t) {
		return Tenant.STANDARD.equals(t.id()) ? Set.of() : knowledge.ids(Tenant.STANDARD);
	}

	private static Optional<StoredEntry> version(List<StoredEntry> own, List<StoredEntry> standard, String from,
			String version) {
		int v = parse(version, -1);
		return ("standard".equals(from) ? standard : own).stream().filter(e -> e.version() == v).findFirst();
	}

	private static boolean contains(QaEntry e, String needle) {
		return e.id().contains(needle) || KnowledgeBasePages.fold(e.question()).contains(needle) || KnowledgeBasePages.fold(e.answer()).contains(needle)
				|| e.alternatives().stream().anyMatch(a -> KnowledgeBasePages.fold(a).contains(needle));
	}

	static String entryUrl(Tenant t, String id, String suffix) {
		return UriComponentsBuilder.fromPath("/staff/assistant/entries/{id}" + suffix)
			.queryParam("tenant", t.id())
			.buildAndExpand(id)
			.encode()
			.toUriString();
	}

	static int parse(String s, int fallback) {
		try {
			return s == null ? fallback : Integer.parseInt(s.strip());
		}
		catch (NumberFormatException e) {
			return fallback;
		}
	}
}
