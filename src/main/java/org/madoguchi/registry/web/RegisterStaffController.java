package org.madoguchi.registry.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.madoguchi.audit.AccessPurpose;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.FormErrors;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.platform.RuleViolationException;
import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.ChangeReason;
import org.madoguchi.registry.ForeignResidence;
import org.madoguchi.registry.HouseholdNumber;
import org.madoguchi.registry.PersonForm;
import org.madoguchi.registry.RegisterChanges;
import org.madoguchi.registry.RegisterCsv;
import org.madoguchi.registry.RegisterDate;
import org.madoguchi.registry.ResidentRecord;
import org.madoguchi.registry.ResidentRegister;
import org.madoguchi.registry.ResidentSearch;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff screens of the register: search, person and household views with the history
 * timeline, and the entry of each change. Works without JavaScript; errors are shown next to the
 * fields and summarised at the top.
 */
@Controller
class RegisterStaffController {

	static final List<String> SUPPORT_KINDS = List.of("DV", "STALKING", "CHILD_ABUSE", "OTHER");

	private final ResidentRegister register;
	private final RegisterChanges changes;
	private final ChangeRequestHandler handler;
	private final RegisterCsv csv;
	private final FormErrors formErrors;

	RegisterStaffController(ResidentRegister register, RegisterChanges changes, ChangeRequestHandler handler,
			RegisterCsv csv, FormErrors formErrors) {
		this.register = register;
		this.changes = changes;
		this.handler = handler;
		this.csv = csv;
		this.formErrors = formErrors;
	}

	@ModelAttribute
	void common(Model model, HttpSession session) {
		model.addAttribute("activeNav", "residents");
		Object purpose = session.getAttribute(AccessPurpose.SESSION_ATTRIBUTE);
		model.addAttribute("purpose", purpose == null ? "COUNTER" : purpose);
		model.addAttribute("purposes", AccessPurpose.STANDARD);
		model.addAttribute("fieldErrors", Map.of());
	}

	// ---------------------------------------------------------------- search

	@GetMapping("/staff/residents")
	String search(@RequestParam(required = false) String kana, @RequestParam(required = false) String name,
			@RequestParam(required = false) String atenaNumber, @RequestParam(required = false) String address,
			@RequestParam(required = false) String birthDate, @RequestParam(defaultValue = "false") boolean includeRemoved,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", Map.of("kana", nz(kana), "name", nz(name), "atenaNumber", nz(atenaNumber), "address",
				nz(address), "birthDate", nz(birthDate)));
		model.addAttribute("includeRemoved", includeRemoved);
		List<FieldError> errors = new ArrayList<>();
		RegisterDate birth = null;
		if (birthDate != null && !birthDate.isBlank()) {
			try {
				birth = RegisterDate.parse(birthDate);
			}
			catch (IllegalArgumentException e) {
				errors.add(FieldError.of("birthDate", "error.date"));
			}
		}
		if (atenaNumber != null && !atenaNumber.isBlank() && !AtenaNumber.isValid(atenaNumber.strip())) {
			errors.add(FieldError.of("atenaNumber", "error.checkDigit"));
		}
		if (!errors.isEmpty()) {
			formErrors.addTo(model, errors);
			return "registry/search";
		}
		int size = 20;
		ResidentSearch q = new ResidentSearch(atenaNumber, kana, name, address, birth, includeRemoved, size + 1,
				Math.max(0, page) * size);
		if (!q.tooLong().isEmpty()) {
			formErrors.addTo(model, q.tooLong().stream()
				.map(f -> FieldError.of(f, "error.tooLong", ResidentSearch.MAX_CRITERION)).toList());
			return "registry/search";
		}
		if (!q.isEmpty()) {
			List<ResidentRecord> found = register.search(q);
			model.addAttribute("results", found.size() > size ? found.subList(0, size) : found);
			model.addAttribute("hasNext", found.size() > size);
			model.addAttribute("page", Math.max(0, page));
			model.addAttribute("searched", true);
		}
		return "registry/search";
	}

	@PostMapping("/staff/purpose")
	String purpose(@RequestParam String purpose, @RequestParam(defaultValue = "/staff/residents") String back,
			HttpSession session) {
		if (AccessPurpose.STANDARD.contains(purpose)) {
			session.setAttribute(AccessPurpose.SESSION_ATTRIBUTE, purpose);
		}
		return "redirect:" + (back.startsWith("/staff/") ? back : "/staff/residents");
	}

	// ---------------------------------------------------------------- person & household

	@GetMapping("/staff/residents/{atena}")
	String person(@PathVariable String atena, Model model) {
		AtenaNumber a = atena(atena);
		try {
			var view = register.person(a);
			model.addAttribute("view", view);
			model.addAttribute("r", view.record());
			model.addAttribute("history", register.history(a));
			model.addAttribute("household", register.household(view.record().householdNumber()));
			model.addAttribute("supportKinds", SUPPORT_KINDS);
			model.addAttribute("today", LocalDate.now());
		}
		catch (RuleViolationException e) {
			model.addAttribute("blocked", formErrors.message(e.code(), e.args()));
		}
		return "registry/person";
	}

	@PostMapping("/staff/residents/{atena}/my-number")
	String reveal(@PathVariable String atena, @RequestParam(required = false) String reason, Model model) {
		String myNumber = register.revealMyNumber(atena(atena), reason);
		model.addAttribute("revealedMyNumber", myNumber);
		return person(atena, model);
	}

	@GetMapping("/staff/households/{number}")
	String household(@PathVariable String number, Model model) {
		HouseholdNumber h = household(number);
		model.addAttribute("householdNumber", h.value());
		model.addAttribute("members", register.household(h));
		return "registry/household";
	}

	// ---------------------------------------------------------------- 転入

	@GetMapping("/staff/move-in")
	String moveInForm(@RequestParam(required = false) String household, Model model) {
		MoveInForm form = new MoveInForm();
		form.setJoinHousehold(household);
		form.setNotifiedDate(LocalDate.now());
		form.setChangeDate(LocalDate.now());
		model.addAttribute("form", form);
		return moveInPage(model);
	}

	@PostMapping("/staff/move-in")
	String moveIn(@ModelAttribute("form") MoveInForm form, @RequestParam(defaultValue = "submit") String action,
			Model model, RedirectAttributes redirect) {
		if ("addPerson".equals(action) && form.getPersons().size() < 10) {
			PersonForm p = new PersonForm();
			p.setRelationship("子");
			form.getPersons().add(p);
			return moveInPage(model);
		}
		if (action.startsWith("remove:") && form.getPersons().size() > 1) {
			form.getPersons().remove(Integer.parseInt(action.substring(7)));
			return moveInPage(model);
		}
		return apply(model, redirect, () -> {
			List<AtenaNumber> created = handler.moveIn(form.toRequest());
			return "/staff/residents/" + created.get(0).value();
		}, () -> moveInPage(model), "done.moveIn");
	}

	private String moveInPage(Model model) {
		model.addAttribute("categories", ForeignResidence.CATEGORIES);
		return "registry/move-in";
	}

	// ---------------------------------------------------------------- the other changes (one page, by kind)

	@GetMapping("/staff/residents/{atena}/{kind:move-out|death|correct|separate}")
	String personChangeForm(@PathVariable String atena, @PathVariable String kind, Model model) {
		var view = register.person(atena(atena));
		return changePage(model, kind, view.record(), register.household(view.record().householdNumber()),
				defaults(kind, view.record()));
	}

	@GetMapping("/staff/households/{number}/{kind:move|birth|head-change|merge}")
	String householdChangeForm(@PathVariable String number, @PathVariable String kind, Model model) {
		List<ResidentRecord> members = register.household(household(number));
		return changePage(model, kind, members.get(0), members, defaults(kind, members.get(0)));
	}

	@PostMapping("/staff/changes/{kind}")
	String change(@PathVariable String kind, @RequestParam Map<String, String> params,
			@ModelAttribute("child") PersonForm child, @ModelAttribute("corrected") PersonForm corrected, Model model,
			RedirectAttributes redirect) {
		String atena = params.get("atenaNumber");
		String household = params.get("householdNumber");
		List<String> selected = params.keySet().stream().filter(k -> k.startsWith("member_")).map(k -> k.substring(7))
				.toList();
		Map<String, String> relationships = new LinkedHashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith("rel_") && v != null && !v.isBlank()) {
				relationships.put(k.substring(4), v);
			}
		});
		LocalDate changeDate = date(params.get("changeDate"));
		LocalDate notifiedDate = date(params.get("notifiedDate"));
		var address = new ChangeRequests.AddressInput(params.get("townCode"), params.get("address"),
				params.get("katagaki"), params.get("postalCode"));
		Runnable reshow = () -> {
			ResidentRecord subject = atena != null && AtenaNumber.isValid(atena)
					? register.person(new AtenaNumber(atena)).record()
					: register.household(household(household)).get(0);
			changePage(model, kind, subject, register.household(subject.householdNumber()), params);
		};
		return apply(model, redirect, () -> switch (kind) {
			case "move-out" -> {
				handler.moveOut(new ChangeRequests.MoveOutRequest(params.get("reason"),
						selected.isEmpty() ? List.of(atena) : selected, params.get("destination"), changeDate, notifiedDate));
				yield "/staff/residents/" + atena;
			}
			case "death" -> {
				handler.death(new ChangeRequests.DeathRequest(atena, changeDate, notifiedDate));
				yield "/staff/residents/" + atena;
			}
			case "correct" -> {
				handler.correct(atena(atena), new ChangeRequests.CorrectionRequest(corrected, params.get("note"), changeDate));
				yield "/staff/residents/" + atena;
			}
			case "separate" -> {
				HouseholdNumber h = handler.separate(new ChangeRequests.SeparateRequest(selected, params.get("newHead"),
						relationships, changeDate, notifiedDate));
				yield "/staff/households/" + h.value();
			}
			case "move" -> {
				// 続柄 only matter when part of the household moves (it becomes a new household)
				Map<String, String> movers = new LinkedHashMap<>();
				relationships.forEach((a, rel) -> {
					if (selected.contains(a)) {
						movers.put(a, rel);
					}
				});
				handler.moveWithinCity(new ChangeRequests.MoveWithinCityRequest(household, selected, address,
						params.get("newHead"), movers, changeDate, notifiedDate));
				yield "/staff/households/" + household;
			}
			case "birth" -> {
				AtenaNumber a = handler.birth(new ChangeRequests.BirthRequest(household, child, notifiedDate));
				yield "/staff/residents/" + a.value();
			}
			case "head-change" -> {
				handler.changeHead(new ChangeRequests.HeadChangeRequest(household, params.get("newHead"), relationships,
						changeDate, notifiedDate));
				yield "/staff/households/" + household;
			}
			case "merge" -> {
				handler.merge(new ChangeRequests.MergeRequest(household, params.get("into"), relationships, changeDate,
						notifiedDate));
				yield "/staff/households/" + params.get("into");
			}
			default -> throw new NotFoundException(kind);
		}, () -> {
			reshow.run();
			return "registry/change";
		}, "done." + kind);
	}

	private String changePage(Model model, String kind, ResidentRecord subject, List<ResidentRecord> members,
			Map<String, String> values) {
		model.addAttribute("kind", kind);
		model.addAttribute("r", subject);
		model.addAttribute("members", members.stream().filter(ResidentRecord::isResident).toList());
		model.addAttribute("v", values);
		if (!model.containsAttribute("child") || "birth".equals(kind) && values.get("familyName") != null) {
			PersonForm child = new PersonForm();
			child.setFamilyName(subject.name().family());
			child.setFamilyNameKana(subject.name().familyKana());
			child.setRelationship("子");
			child.setType(subject.type().name());
			model.addAttribute("child", child);
		}
		if (!model.containsAttribute("corrected") || ((PersonForm) model.getAttribute("corrected")).getFamilyName() == null) {
			model.addAttribute("corrected", PersonForm.of(subject));
		}
		model.addAttribute("categories", ForeignResidence.CATEGORIES);
		return "registry/change";
	}

	private static Map<String, String> defaults(String kind, ResidentRecord r) {
		Map<String, String> v = new LinkedHashMap<>();
		v.put("changeDate", LocalDate.now().toString());
		v.put("notifiedDate", LocalDate.now().toString());
		v.put("reason", "move-out".equals(kind) ? "DOMESTIC_MOVE_OUT" : "");
		return v;
	}

	// ---------------------------------------------------------------- 支援措置・抑止

	@PostMapping("/staff/residents/{atena}/support-measures")
	String supportMeasure(@PathVariable String atena, @RequestParam(defaultValue = "add") String action,
			@RequestParam(required = false) String kind, @RequestParam(required = false) LocalDate start,
			@RequestParam(required = false) String note, @RequestParam(required = false) Long id, Model model,
			RedirectAttributes redirect) {
		AtenaNumber a = atena(atena);
		return apply(model, redirect, () -> {
			switch (action) {
				case "extend" -> changes.extendSupportMeasure(a, id);
				case "clear" -> changes.clearSupportMeasure(a, id);
				default -> changes.addSupportMeasure(a, kind, start, note);
			}
			return "/staff/residents/" + atena;
		}, () -> person(atena, model), "done.supportMeasure");
	}

	@PostMapping("/staff/suppressions")
	String suppression(@RequestParam String targetKind, @RequestParam String target,
			@RequestParam(defaultValue = "false") boolean blockChange,
			@RequestParam(defaultValue = "false") boolean blockIssuance,
			@RequestParam(defaultValue = "false") boolean blockInquiry, @RequestParam(required = false) LocalDate start,
			@RequestParam(required = false) LocalDate end, @RequestParam(required = false) String reason,
			@RequestParam String back, @RequestParam(required = false) Long liftId,
			@RequestParam(required = false) String householdTarget, Model model,
			RedirectAttributes redirect) {
		return apply(model, redirect, () -> {
			if (liftId != null) {
				changes.liftSuppression(target, liftId);
			}
			else {
				changes.addSuppression(targetKind, "HOUSEHOLD".equals(targetKind) && householdTarget != null
						? householdTarget : target, blockChange, blockIssuance, blockInquiry, start, end, reason);
			}
			return back.startsWith("/staff/") ? back : "/staff/residents";
		}, () -> person(back.substring(back.lastIndexOf('/') + 1), model), "done.suppression");
	}

	// ---------------------------------------------------------------- CSV

	@GetMapping("/staff/residents/import")
	String importForm(Model model) {
		model.addAttribute("activeNav", "import");
		model.addAttribute("columns", RegisterCsv.IMPORT_COLUMNS);
		return "registry/import";
	}

	@PostMapping("/staff/residents/import")
	String importCsv(@RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect)
			throws IOException {
		model.addAttribute("activeNav", "import");
		model.addAttribute("columns", RegisterCsv.IMPORT_COLUMNS);
		try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			RegisterCsv.ImportResult result = csv.importCsv(reader, ChangeReason.DOMESTIC_MOVE_IN);
			redirect.addFlashAttribute("notice", formErrors.message("done.import",
					new Object[] { result.households(), result.persons() }));
			return "redirect:/staff/residents/import";
		}
		catch (InvalidInputException e) {
			formErrors.addTo(model, e.errors());
			model.addAttribute("importErrors", e.errors());
			return "registry/import";
		}
	}

	@GetMapping("/staff/residents/export")
	void export(@RequestParam(defaultValue = "false") boolean includeRemoved, HttpServletResponse response)
			throws IOException {
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"register-" + LocalDate.now() + ".csv\"");
		var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		csv.export(writer, includeRemoved);
		writer.flush();
	}

	// ---------------------------------------------------------------- helpers

	interface Action {
		String run();
	}

	interface Page {
		String show();
	}

	/** Runs a change; on success redirects with a notice, on bad input or a broken rule re-shows the form. */
	private String apply(Model model, RedirectAttributes redirect, Action action, Page page, String doneKey) {
		try {
			String target = action.run();
			redirect.addFlashAttribute("notice", formErrors.message(doneKey, null));
			return "redirect:" + target;
		}
		catch (InvalidInputException e) {
			formErrors.addTo(model, e.errors());
		}
		catch (RuleViolationException e) {
			model.addAttribute("ruleError", formErrors.message(e.code(), e.args()));
		}
		return page.show();
	}

	private static AtenaNumber atena(String value) {
		if (value == null || !AtenaNumber.isValid(value)) {
			throw new NotFoundException("person " + value);
		}
		return new AtenaNumber(value);
	}

	private static HouseholdNumber household(String value) {
		if (value == null || !HouseholdNumber.isValid(value)) {
			throw new NotFoundException("household " + value);
		}
		return new HouseholdNumber(value);
	}

	private static LocalDate date(String value) {
		try {
			return value == null || value.isBlank() ? null : LocalDate.parse(value);
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new InvalidInputException(FieldError.of("changeDate", "error.date"));
		}
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
