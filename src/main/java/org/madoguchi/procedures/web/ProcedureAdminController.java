package org.madoguchi.procedures.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.madoguchi.platform.FormErrors;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.procedures.DefinitionException;
import org.madoguchi.procedures.HouseholdMember;
import org.madoguchi.procedures.ProcedureCatalog;
import org.madoguchi.procedures.ProcedureDefinition;
import org.madoguchi.procedures.ProcedurePublisher;
import org.madoguchi.procedures.ProcedureVersion;
import org.madoguchi.procedures.ProcedureYaml;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 管理者 screens for procedure definitions: the list, one procedure with its versions and a
 * summary of the definition, and editing the YAML with a preview before publishing. URL access is
 * limited to ADMIN by the security configuration. The edit form is sent as multipart/form-data:
 * a 200,000-character Japanese definition is up to 1.8 MB URL-encoded, over the 1 MB body limit for
 * ordinary forms, but about 600 KB as a multipart part.
 */
@Controller
@RequestMapping("/staff/procedures")
class ProcedureAdminController {

	/** Ids that would collide with this controller's own paths. */
	static final Set<String> RESERVED_IDS = Set.of("new");

	/** Synthetic members so that a HOUSEHOLD_MEMBER field shows its picker in the preview. */
	static final List<HouseholdMember> PREVIEW_MEMBERS = List.of(new HouseholdMember("000000000001", "見本 太郎", "1980-04-01"),
			new HouseholdMember("000000000002", "見本 花子", "2015-10-10"));

	private final ProcedureCatalog catalog;
	private final ProcedurePublisher publisher;
	private final AccessLog accessLog;
	private final TransactionTemplate tx;
	private final MessageSource messages;

	ProcedureAdminController(ProcedureCatalog catalog, ProcedurePublisher publisher, AccessLog accessLog,
			TransactionTemplate tx, MessageSource messages) {
		this.catalog = catalog;
		this.publisher = publisher;
		this.accessLog = accessLog;
		this.tx = tx;
		this.messages = messages;
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("activeNav", "procedures");
	}

	/** One line of the list: the current version and how many there are. */
	record Row(ProcedureVersion current, int versions) {
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("rows", catalog.current()
			.stream()
			.map(v -> new Row(v, catalog.history(v.procedureId()).size()))
			.toList());
		return "procedures/admin/list";
	}

	@GetMapping("/{id}")
	String show(@PathVariable String id, @RequestParam(required = false) Integer version, Model model) {
		ProcedureVersion current = catalog.current(id).orElseThrow(() -> new NotFoundException("procedure " + id));
		ProcedureVersion shown = version == null ? current
				: catalog.version(id, version).orElseThrow(() -> new NotFoundException("procedure " + id + " v" + version));
		model.addAttribute("current", current);
		model.addAttribute("shown", shown);
		model.addAttribute("d", shown.definition());
		model.addAttribute("history", catalog.history(id));
		return "procedures/admin/show";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		ProcedureVersion current = catalog.current(id).orElseThrow(() -> new NotFoundException("procedure " + id));
		model.addAttribute("current", current);
		model.addAttribute("yaml", current.source());
		return "procedures/admin/edit";
	}

	@PostMapping("/{id}/edit")
	String edit(@PathVariable String id, @RequestParam(defaultValue = "") String yaml,
			@RequestParam(defaultValue = "preview") String action, Authentication auth, Model model,
			RedirectAttributes redirect) {
		ProcedureVersion current = catalog.current(id).orElseThrow(() -> new NotFoundException("procedure " + id));
		model.addAttribute("current", current);
		return submit(current, yaml, action, auth, model, redirect);
	}

	@GetMapping("/new")
	String create(Model model) {
		model.addAttribute("yaml", "");
		return "procedures/admin/edit";
	}

	@PostMapping("/new")
	String create(@RequestParam(defaultValue = "") String yaml, @RequestParam(defaultValue = "preview") String action,
			Authentication auth, Model model, RedirectAttributes redirect) {
		return submit(null, yaml, action, auth, model, redirect);
	}

	/**
	 * Preview or publish. Everything typed is shown again on a problem; the definition's id must be the
	 * page's procedure (edit) or a new one (new), so that an edit can never overwrite another procedure.
	 */
	private String submit(ProcedureVersion current, String yaml, String action, Authentication auth, Model model,
			RedirectAttributes redirect) {
		List<String> problems = new ArrayList<>();
		// our own messages are in the staff member's language; the checker's are English
		List<String> localProblems = new ArrayList<>();
		String source = yaml.replace("\r\n", "\n");
		ProcedureDefinition definition = null;
		if (source.length() > ProcedureYaml.MAX_SOURCE_CHARS) {
			localProblems.add(msg("procedures.admin.error.tooLong", ProcedureYaml.MAX_SOURCE_CHARS));
			source = source.substring(0, ProcedureYaml.MAX_SOURCE_CHARS);
		}
		else {
			try {
				definition = ProcedureYaml.parse(source);
			}
			catch (DefinitionException e) {
				problems.addAll(e.problems());
			}
		}
		if (definition != null) {
			if (current != null && !definition.id().equals(current.procedureId())) {
				localProblems.add(msg("procedures.admin.error.idMismatch", definition.id(), current.procedureId()));
			}
			if (current == null
					&& (RESERVED_IDS.contains(definition.id()) || catalog.current(definition.id()).isPresent())) {
				localProblems.add(msg("procedures.admin.error.exists", definition.id()));
			}
		}
		problems.addAll(localProblems);
		model.addAttribute("yaml", source);
		if (problems.isEmpty() && "publish".equals(action)) {
			try {
				ProcedureVersion published = publish(source, definition.id(), auth.getName());
				boolean created = current == null || published.version() > current.version();
				redirect.addFlashAttribute("notice", msg(created ? "procedures.admin.published"
						: "procedures.admin.unchanged", published.version()));
				return "redirect:/staff/procedures/" + published.procedureId();
			}
			catch (DefinitionException e) {
				problems.addAll(e.problems());
			}
		}
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
			model.addAttribute("localProblems", localProblems);
			String label = msg("procedures.admin.yaml");
			model.addAttribute("errorSummary",
					problems.stream().map(p -> new FormErrors.SummaryItem(0, "yaml", label, p)).toList());
			return "procedures/admin/edit";
		}
		model.addAttribute("preview", definition);
		model.addAttribute("previewMembers", PREVIEW_MEMBERS);
		model.addAttribute("procedurePreview", true);
		return "procedures/admin/edit";
	}

	/**
	 * Publishes and records it in the access log in one transaction, so a version is never published
	 * without its log entry. Republishing an unchanged text creates nothing and is not logged.
	 */
	private ProcedureVersion publish(String source, String procedureId, String staff) {
		Optional<ProcedureVersion> before = catalog.current(procedureId);
		return tx.execute(status -> {
			ProcedureVersion v = publisher.publish(source, staff);
			if (before.isEmpty() || v.version() > before.get().version()) {
				accessLog.record(AccessAction.CHANGE, "procedure:" + v.procedureId(),
						"published version " + v.version() + " sha256=" + v.sha256());
			}
			return v;
		});
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
