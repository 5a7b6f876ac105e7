package org.madoguchi.applications.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.applications.Applicant;
import org.madoguchi.applications.Application;
import org.madoguchi.applications.Applications;
import org.madoguchi.applications.AssuranceRequiredException;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.procedures.Assurance;
import org.madoguchi.procedures.Category;
import org.madoguchi.procedures.LifeEvent;
import org.madoguchi.procedures.ProcedureCatalog;
import org.madoguchi.procedures.ProcedureVersion;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The resident portal's front: find a procedure by words, category or life event, read about it, start it. */
@Controller
class PortalController {

	static final int MAX_QUERY = 100;

	private final ProcedureCatalog catalog;
	private final Applications applications;
	private final PortalApplicant applicants;

	PortalController(ProcedureCatalog catalog, Applications applications, PortalApplicant applicants) {
		this.catalog = catalog;
		this.applications = applications;
		this.applicants = applicants;
	}

	@GetMapping({ "/portal", "/portal/" })
	String home(Model model) {
		model.addAttribute("categories", Arrays.asList(Category.values()));
		model.addAttribute("lifeEvents", Arrays.asList(LifeEvent.values()));
		model.addAttribute("activeNav", "procedures");
		return "applications/portal/home";
	}

	@GetMapping("/portal/procedures")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
			@RequestParam(name = "event", required = false) String lifeEvent, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		String query = q == null ? "" : q.strip();
		if (query.length() > MAX_QUERY) {
			query = query.substring(0, MAX_QUERY);
			model.addAttribute("queryTruncated", true);
		}
		Category c = parse(Category.class, category);
		LifeEvent e = parse(LifeEvent.class, lifeEvent);
		List<ProcedureVersion> found = catalog.search(query, c, e, locale);
		model.addAttribute("q", query);
		model.addAttribute("category", c);
		model.addAttribute("event", e);
		model.addAttribute("procedures", found);
		model.addAttribute("categories", Arrays.asList(Category.values()));
		model.addAttribute("lifeEvents", Arrays.asList(LifeEvent.values()));
		model.addAttribute("activeNav", "procedures");
		return "applications/portal/procedures";
	}

	@GetMapping("/portal/procedures/{id}")
	String procedure(@PathVariable String id, HttpServletRequest request, Model model) {
		ProcedureVersion p = catalog.current(id).orElseThrow(() -> new NotFoundException("procedure " + id));
		model.addAttribute("procedure", p);
		model.addAttribute("d", p.definition());
		model.addAttribute("assuranceProblem", assuranceProblem(p.definition().assurance().toStart(), request));
		model.addAttribute("activeNav", "procedures");
		return "applications/portal/procedure";
	}

	@PostMapping("/portal/procedures/{id}/start")
	String start(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		ProcedureVersion p = catalog.current(id).orElseThrow(() -> new NotFoundException("procedure " + id));
		Applicant applicant = p.definition().assurance() == Assurance.NONE
				? applicants.findOrCreateVisitor(request, response) : applicants.find(request).orElse(null);
		if (applicant == null || applicant.kind() == Applicant.Kind.ANONYMOUS
				&& p.definition().assurance() != Assurance.NONE) {
			return "redirect:/portal/login?procedure=" + id;
		}
		try {
			Application draft = applications.start(id, applicant);
			return "redirect:/portal/drafts/" + draft.id() + "/pages/" + draft.currentPage();
		}
		catch (AssuranceRequiredException e) {
			return "redirect:/portal/procedures/" + id;
		}
	}

	/**
	 * What stands between this visitor and the procedure, as a message key (null: nothing): not signed in,
	 * email not verified, or a My Number Card needed.
	 */
	private String assuranceProblem(Assurance required, HttpServletRequest request) {
		if (required == Assurance.NONE) {
			return null;
		}
		Applicant a = applicants.find(request).filter(x -> x.kind() == Applicant.Kind.RESIDENT).orElse(null);
		if (a == null) {
			return "applications.portal.needSignIn";
		}
		if (required.satisfiedBy(a.assurance())) {
			return null;
		}
		if (a.assurance() == Assurance.NONE) {
			return "applications.portal.needVerifiedEmail";
		}
		return "applications.portal.needCard." + required.name();
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw new NotFoundException("application " + id);
		}
	}
}
