package org.madoguchi.assistant;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.madoguchi.platform.FormErrors;
import org.madoguchi.platform.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Review of the phrasings learned from use (学習した言い回しの確認): pending, approved and rejected, with approve and
 * reject buttons. A decision rebuilds the index of the entry's owner at once (for a standard entry: every
 * city's). Phrasings are what residents typed, so each view is access-logged.
 */
@Controller
class PhrasingsController {

	static final int ROWS = 200;

	private final Phrasings phrasings;

	private final AssistantAnalytics analytics;

	private final StaffPageModel pages;

	private final KnowledgeBase knowledge;

	private final Tenants tenants;

	private final TenantIndexes indexes;

	private final AssistantProperties settings;

	private final AccessLog accessLog;

	private final TransactionTemplate tx;

	private final FormErrors formErrors;

	PhrasingsController(Phrasings phrasings, AssistantAnalytics analytics, StaffPageModel pages,
			KnowledgeBase knowledge, Tenants tenants, TenantIndexes indexes, AssistantProperties settings,
			AccessLog accessLog, TransactionTemplate tx, FormErrors formErrors) {
		this.phrasings = phrasings;
		this.analytics = analytics;
		this.pages = pages;
		this.knowledge = knowledge;
		this.tenants = tenants;
		this.indexes = indexes;
		this.settings = settings;
		this.accessLog = accessLog;
		this.tx = tx;
		this.formErrors = formErrors;
	}

	/** A phrasing with when it was learned on Japan's clock. */
	record Row(Phrasings.Phrasing phrasing, java.time.LocalDateTime learnedAt) {
	}

	@GetMapping("/staff/assistant/phrasings")
	String list(@RequestParam(required = false) String tenant, @RequestParam(defaultValue = "PENDING") String status,
			Authentication staff, Model model) {
		Tenant t = pages.prepare(staff, tenant, model);
		Phrasings.Status s = status(status);
		model.addAttribute("status", s.name());
		model.addAttribute("statuses", List.of("PENDING", "APPROVED", "REJECTED"));
		model.addAttribute("autoApproveAfter", settings.autoApproveAfter());
		model.addAttribute("questions", questions(t.id()));
		Map<String, Tenant> cities = new HashMap<>();
		tenants.cities().forEach(c -> cities.put(c.id(), c));
		model.addAttribute("cityById", cities);
		tx.executeWithoutResult(x -> {
			List<Phrasings.Phrasing> rows = phrasings.list(t.id(), s, ROWS);
			List<Phrasings.Phrasing> shared = Tenant.STANDARD.equals(t.id()) ? List.of()
					: analytics.sharedFromOtherCities(t.id(), s, ROWS);
			model.addAttribute("rows", rows.stream()
				.map(p -> new Row(p, p.createdAt().atZone(QuestionLog.ZONE).toLocalDateTime()))
				.toList());
			model.addAttribute("shared", shared);
			accessLog.record(AccessAction.READ_ASSISTANT_LOG, "assistant:" + t.id(),
					"phrasings " + s.name() + " " + (rows.size() + shared.size()) + " rows");
		});
		return "assistant/staff/phrasings";
	}

	@PostMapping("/staff/assistant/phrasings/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) String tenant,
			@RequestParam(defaultValue = "PENDING") String status, Authentication staff, RedirectAttributes redirect) {
		return decide(id, true, tenant, status, staff, redirect);
	}

	@PostMapping("/staff/assistant/phrasings/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) String tenant,
			@RequestParam(defaultValue = "PENDING") String status, Authentication staff, RedirectAttributes redirect) {
		return decide(id, false, tenant, status, staff, redirect);
	}

	private String decide(long id, boolean approve, String tenant, String status, Authentication staff,
			RedirectAttributes redirect) {
		Tenant t = pages.resolve(staff, tenant);
		// only what this tenant's list shows may be decided here (another city's phrasings are not its staff's)
		String owner = analytics.phrasingOwner(t.id(), id);
		if (owner == null || !phrasings.decide(id, approve, staff.getName())) {
			throw new NotFoundException("assistant phrasing " + id);
		}
		indexes.rebuild(owner);
		redirect.addFlashAttribute("notice", formErrors.message(
				approve ? "assistant.analytics.phrasings.approved" : "assistant.analytics.phrasings.rejected", null));
		return "redirect:/staff/assistant/phrasings?tenant=" + t.id() + "&status=" + status(status).name();
	}

	private Map<String, String> questions(String tenant) {
		Map<String, String> m = new HashMap<>();
		knowledge.entries(tenant).forEach(e -> m.put(e.id(), e.entry().question()));
		return m;
	}

	private static Phrasings.Status status(String s) {
		try {
			return Phrasings.Status.valueOf(s.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return Phrasings.Status.PENDING;
		}
	}
}
