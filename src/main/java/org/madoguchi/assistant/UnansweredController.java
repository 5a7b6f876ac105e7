package org.madoguchi.assistant;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.FormErrors;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.RuleViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The unanswered-question log (未回答の質問): what residents asked that the assistant could not answer well,
 * grouped by wording, each with one-step actions: make a new Q&amp;A of it, add it as a phrasing of an existing
 * Q&amp;A, or dismiss it. After the first two the resident's wording is answered at once (the index is rebuilt).
 */
@Controller
class UnansweredController {

	static final String VIEW = "assistant/staff/unanswered";

	private static final DateTimeFormatter ID_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	/** Longest text accepted back from the form (the log keeps 500 characters). */
	static final int MAX_TEXT = 500;

	private final AssistantAnalytics analytics;

	private final StaffPageModel pages;

	private final KnowledgeBase knowledge;

	private final Phrasings phrasings;

	private final Resolutions resolutions;

	private final TenantIndexes indexes;

	private final AccessLog accessLog;

	private final TransactionTemplate tx;

	private final FormErrors formErrors;

	private final Clock clock;

	UnansweredController(AssistantAnalytics analytics, StaffPageModel pages, KnowledgeBase knowledge,
			Phrasings phrasings, Resolutions resolutions, TenantIndexes indexes, AccessLog accessLog,
			TransactionTemplate tx, FormErrors formErrors, Clock clock) {
		this.analytics = analytics;
		this.pages = pages;
		this.knowledge = knowledge;
		this.phrasings = phrasings;
		this.resolutions = resolutions;
		this.indexes = indexes;
		this.accessLog = accessLog;
		this.tx = tx;
		this.formErrors = formErrors;
		this.clock = clock;
	}

	/** The filter of the list, sent back with every action so that staff return to the same list. */
	record Filter(String from, String to, boolean resolved) {
	}

	/** A Q&amp;A entry the engine finds for the question (a choice for "add as a phrasing"). */
	record Suggestion(String id, String question) {
	}

	/** One line of the list with the engine's suggestions for it. */
	record Item(AssistantAnalytics.Unanswered question, List<Suggestion> suggestions) {
	}

	/** The "new Q&amp;A" form as typed. */
	record CreateForm(String text, String question, String category, String answer, String department, String phone,
			String url, String status) {

		/** A field's value by its name (the template lays the fields out in a loop). */
		public String value(String field) {
			return switch (field) {
				case "question" -> question;
				case "category" -> category;
				case "answer" -> answer;
				case "department" -> department;
				case "phone" -> phone;
				case "url" -> url;
				case "status" -> status;
				default -> null;
			};
		}
	}

	/** The "add as a phrasing" form as typed. */
	record PhrasingForm(String text, String choice, String entryId) {
	}

	@GetMapping("/staff/assistant/unanswered")
	String list(@RequestParam(required = false) String tenant, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean resolved,
			Authentication staff, Model model) {
		Tenant t = pages.prepare(staff, tenant, model);
		return show(t, new Filter(from, to, resolved), model);
	}

	@PostMapping("/staff/assistant/unanswered/create")
	String create(@RequestParam(required = false) String tenant, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) String question, @RequestParam(required = false) String category,
			@RequestParam(required = false) String answer, @RequestParam(required = false) String department,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String url,
			@RequestParam(defaultValue = "PUBLISHED") String status, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean resolved,
			Authentication staff, Model model, RedirectAttributes redirect) {
		Tenant t = pages.resolve(staff, tenant);
		Filter filter = new Filter(from, to, resolved);
		CreateForm form = new CreateForm(text, question, category, answer, department, phone, url, status);
		String wording = checkedText(text);
		EntryStatus entryStatus = "DRAFT".equals(status) ? EntryStatus.DRAFT : EntryStatus.PUBLISHED;
		// the resident's own wording is kept as a phrasing when staff rewrote the question, so that it is answered
		List<String> alternatives = new ArrayList<>();
		if (!TextKey.of(wording).equals(TextKey.of(question)) && wording.length() <= KnowledgeBase.MAX_ALTERNATIVE) {
			alternatives.add(wording);
		}
		StoredEntry saved = null;
		for (int attempt = 0; saved == null; attempt++) {
			KnowledgeBase.Draft draft = new KnowledgeBase.Draft(newId(t.id()), category, question, alternatives, answer,
					url, null, department, phone, entryStatus, null, null);
			try {
				saved = knowledge.save(t.id(), draft, 0, staff.getName());
			}
			catch (InvalidInputException e) {
				return failed(t, filter, wording, "create", form, e.errors(), model, staff);
			}
			catch (RuleViolationException takenMeanwhile) {
				// someone saved an entry with the same new id at the same moment: take the next number
				if (attempt >= 3) {
					throw takenMeanwhile;
				}
			}
		}
		resolutions.resolve(t.id(), wording, Resolutions.Action.NEW_ENTRY, saved.id(), staff.getName());
		indexes.rebuild(t.id());
		redirect.addFlashAttribute("notice", formErrors.message("assistant.analytics.unanswered.created",
				new Object[] { saved.entry().question(), saved.id() }));
		return back(t, filter);
	}

	@PostMapping("/staff/assistant/unanswered/phrasing")
	String phrasing(@RequestParam(required = false) String tenant, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) String choice, @RequestParam(required = false) String entryId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "false") boolean resolved, Authentication staff, Model model,
			RedirectAttributes redirect) {
		Tenant t = pages.resolve(staff, tenant);
		Filter filter = new Filter(from, to, resolved);
		PhrasingForm form = new PhrasingForm(text, choice, entryId);
		String wording = checkedText(text);
		String id = entryId != null && !entryId.isBlank() ? entryId.strip() : choice == null ? "" : choice.strip();
		QaIndex index = indexes.index(t.id());
		if (id.isEmpty()) {
			return failed(t, filter, wording, "phrasing", form,
					List.of(FieldError.of("entryId", "assistant.analytics.error.entryMissing")), model, staff);
		}
		if (id.length() > 100 || index.entry(id) == null) {
			return failed(t, filter, wording, "phrasing", form,
					List.of(FieldError.of("entryId", "assistant.analytics.error.entryUnknown", id)), model, staff);
		}
		String owner = index.owner(id);
		if (!phrasings.confirm(owner, id, wording, t.id(), Phrasings.Source.STAFF)) {
			return failed(t, filter, wording, "phrasing", form, List.of(FieldError.of("entryId",
					"assistant.analytics.error.phrasingLength", 2, Phrasings.MAX_LENGTH)), model, staff);
		}
		resolutions.resolve(t.id(), wording, Resolutions.Action.PHRASING, id, staff.getName());
		indexes.rebuild(owner);
		redirect.addFlashAttribute("notice", formErrors.message("assistant.analytics.unanswered.phrased",
				new Object[] { wording, index.entry(id).question() }));
		return back(t, filter);
	}

	@PostMapping("/staff/assistant/unanswered/dismiss")
	String dismiss(@RequestParam(required = false) String tenant, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "false") boolean resolved, Authentication staff, RedirectAttributes redirect) {
		Tenant t = pages.resolve(staff, tenant);
		String wording = checkedText(text);
		resolutions.resolve(t.id(), wording, Resolutions.Action.DISMISSED, null, staff.getName());
		redirect.addFlashAttribute("notice",
				formErrors.message("assistant.analytics.unanswered.dismissed", new Object[] { wording }));
		return back(t, new Filter(from, to, resolved));
	}

	/** The list, with the form that failed open, its input kept and its errors next to the fields. */
	private String failed(Tenant t, Filter filter, String wording, String action, Object form, List<FieldError> errors,
			Model model, Authentication staff) {
		pages.prepare(staff, t.id(), model);
		model.addAttribute("failedKey", TextKey.of(wording));
		model.addAttribute("failedAction", action);
		model.addAttribute(action + "Form", form);
		formErrors.addTo(model, errors);
		// the summary links to the fields of the one form that failed, whose ids carry the form's prefix
		@SuppressWarnings("unchecked")
		List<FormErrors.SummaryItem> summary = (List<FormErrors.SummaryItem>) model.getAttribute("errorSummary");
		model.addAttribute("errorSummary", summary.stream()
			.map(s -> new FormErrors.SummaryItem(0, action + "-" + s.field(), label(s.field(), s.label()), s.message()))
			.toList());
		return show(t, filter, model);
	}

	private String label(String field, String fallback) {
		String key = "assistant.analytics.field." + field;
		String m = formErrors.message(key, null);
		return key.equals(m) ? fallback : m;
	}

	private String show(Tenant t, Filter filter, Model model) {
		ReportRange range = ReportRange.parse(filter.from(), filter.to(), clock);
		model.addAttribute("filter", filter);
		model.addAttribute("fromInput", range.errors().isEmpty() ? range.from().toString() : filter.from());
		model.addAttribute("toInput", range.errors().isEmpty() ? range.to().toString() : filter.to());
		model.addAttribute("categories", Categories.CODES);
		if (!range.errors().isEmpty()) {
			formErrors.addTo(model, range.errors());
			return VIEW;
		}
		model.addAttribute("range", range);
		QaIndex index = indexes.index(t.id());
		tx.executeWithoutResult(s -> {
			List<AssistantAnalytics.Unanswered> rows = analytics.unanswered(t.id(), range.from(), range.to(),
					filter.resolved(), AssistantAnalytics.PAGE_ROWS);
			model.addAttribute("items", rows.stream().map(u -> new Item(u, suggestions(index, u.sample()))).toList());
			accessLog.record(AccessAction.READ_ASSISTANT_LOG, "assistant:" + t.id(), "unanswered " + range.from() + ".."
					+ range.to() + (filter.resolved() ? " with resolved" : "") + " " + rows.size() + " rows");
		});
		return VIEW;
	}

	private static List<Suggestion> suggestions(QaIndex index, String text) {
		return index.search(text, Dialogue.MAX_CANDIDATES)
			.hits()
			.stream()
			.map(h -> index.entry(h.entry().id()))
			.filter(java.util.Objects::nonNull)
			.map(e -> new Suggestion(e.id(), e.question()))
			.toList();
	}

	/** A new entry id, {@code <tenant>-<yyyyMMdd>-<n>}, the first n not taken. */
	private String newId(String tenant) {
		String prefix = tenant + "-" + ID_DAY.format(clock.instant().atZone(QuestionLog.ZONE)) + "-";
		int n = 1;
		while (knowledge.find(tenant, prefix + n).isPresent()) {
			n++;
		}
		return prefix + n;
	}

	private static String checkedText(String text) {
		String s = text == null ? "" : text.strip();
		if (s.isEmpty() || s.length() > MAX_TEXT) {
			// a hidden field of the list's forms: only a tampered or outdated form gets here
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "text: 1-" + MAX_TEXT + " characters");
		}
		return s;
	}

	private static String back(Tenant t, Filter filter) {
		return "redirect:" + UriComponentsBuilder.fromPath("/staff/assistant/unanswered")
			.queryParam("tenant", t.id())
			.queryParamIfPresent("from", java.util.Optional.ofNullable(blank(filter.from())))
			.queryParamIfPresent("to", java.util.Optional.ofNullable(blank(filter.to())))
			.queryParamIfPresent("resolved", filter.resolved() ? java.util.Optional.of("true") : java.util.Optional.empty())
			.encode()
			.build()
			.toUriString();
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
	}
}
