package org.madoguchi.registry.web;

import static org.madoguchi.registry.web.ChangeRequests.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.madoguchi.platform.ApiController;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.HouseholdNumber;
import org.madoguchi.registry.RegisterChangeEntry;
import org.madoguchi.registry.RegisterChanges;
import org.madoguchi.registry.RegisterCsv;
import org.madoguchi.registry.RegisterDate;
import org.madoguchi.registry.ResidentRegister;
import org.madoguchi.registry.ResidentSearch;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** REST API of the resident register (住民記録). Every call is access-logged with its purpose. */
@ApiController("/api/v1/register")
@Tag(name = "Resident register (住民記録)")
@SecurityRequirement(name = "bearer")
class RegisterApiController {

	private final ResidentRegister register;
	private final RegisterChanges changes;
	private final ChangeRequestHandler handler;
	private final RegisterCsv csv;

	RegisterApiController(ResidentRegister register, RegisterChanges changes, ChangeRequestHandler handler,
			RegisterCsv csv) {
		this.csv = csv;
		this.register = register;
		this.changes = changes;
		this.handler = handler;
	}

	@GetMapping("/residents")
	@Operation(summary = "Search the current register", description = "At least one criterion. kana accepts hiragana "
			+ "or katakana; name/kana/address are prefixes. birthDate: 1970-03-15, S45.3.15, 0 for 不詳. Returns one "
			+ "summary line per person; GET /residents/{atenaNumber} gives the full record.")
	List<ResidentSummaryJson> search(@RequestParam(required = false) String atenaNumber,
			@RequestParam(required = false) String kana, @RequestParam(required = false) String name,
			@RequestParam(required = false) String address, @RequestParam(required = false) String birthDate,
			@RequestParam(defaultValue = "false") boolean includeRemoved, @RequestParam(defaultValue = "20") int limit,
			@RequestParam(defaultValue = "0") int offset) {
		RegisterDate birth = null;
		if (birthDate != null && !birthDate.isBlank()) {
			try {
				birth = RegisterDate.parse(birthDate);
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInputException(FieldError.of("birthDate", "error.date"));
			}
		}
		ResidentSearch q = new ResidentSearch(atenaNumber, kana, name, address, birth, includeRemoved, limit, offset);
		if (q.isEmpty()) {
			throw new InvalidInputException(FieldError.of("kana", "error.search.empty"));
		}
		if (!q.tooLong().isEmpty()) {
			throw new InvalidInputException(q.tooLong().stream()
				.map(f -> FieldError.of(f, "error.tooLong", ResidentSearch.MAX_CRITERION)).toList());
		}
		return register.search(q).stream().map(ResidentSummaryJson::of).toList();
	}

	@GetMapping("/residents/{atenaNumber}")
	@Operation(summary = "Current record of a person, with protections in force")
	Map<String, Object> person(@PathVariable String atenaNumber) {
		var view = register.person(atena(atenaNumber));
		return Map.of("record", ResidentJson.of(view.record()), "underSupportMeasure", view.underSupportMeasure(),
				"changesSuppressed", view.changesSuppressed(), "issuanceSuppressed", view.issuanceSuppressed());
	}

	@GetMapping("/residents/{atenaNumber}/history")
	@Operation(summary = "Every snapshot (履歴), newest first")
	List<ResidentJson> history(@PathVariable String atenaNumber) {
		return register.history(atena(atenaNumber)).stream().map(ResidentJson::of).toList();
	}

	@PostMapping("/residents/{atenaNumber}/my-number/reveal")
	@Operation(summary = "Reveal the 個人番号 (審査/管理者 only; logged)")
	Map<String, String> reveal(@PathVariable String atenaNumber, @RequestBody(required = false) Map<String, String> body) {
		String reason = body == null ? null : body.get("reason");
		return Map.of("myNumber", register.revealMyNumber(atena(atenaNumber), reason));
	}

	@GetMapping("/households/{householdNumber}")
	@Operation(summary = "Members of a household (current residents and 除票)")
	List<ResidentJson> household(@PathVariable String householdNumber) {
		if (!HouseholdNumber.isValid(householdNumber)) {
			throw new InvalidInputException(FieldError.of("householdNumber", "error.checkDigit"));
		}
		return register.household(new HouseholdNumber(householdNumber)).stream().map(ResidentJson::of).toList();
	}

	@GetMapping("/feed")
	@Operation(summary = "Delta feed for linked systems", description = "Snapshots written after the cursor, oldest "
			+ "first. Start with after=0; pass the returned nextCursor next time. Numbers appear in commit order, so "
			+ "no change is ever skipped.")
	Map<String, Object> feed(@Parameter(description = "last seq already processed") @RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "1000") int limit) {
		List<RegisterChangeEntry> page = register.changesSince(after, limit);
		long next = page.isEmpty() ? after : page.get(page.size() - 1).seq();
		return Map.of("changes", page.stream().map(e -> Map.of("seq", e.seq(), "record", ResidentJson.of(e.snapshot())))
				.toList(), "nextCursor", next, "more", !page.isEmpty() && next < register.feedHead());
	}

	// ---- changes (異動) ----

	@PostMapping("/move-ins")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "転入 (国内/国外): new persons into a new or an existing household")
	Map<String, Object> moveIn(@RequestBody MoveInRequest r) {
		return Map.of("atenaNumbers", values(handler.moveIn(r)));
	}

	@PostMapping("/moves")
	@Operation(summary = "転居: move within the city")
	Map<String, Object> move(@RequestBody MoveWithinCityRequest r) {
		return Map.of("atenaNumbers", values(handler.moveWithinCity(r)));
	}

	@PostMapping("/move-outs")
	@Operation(summary = "転出 (国内/国外)")
	Map<String, Object> moveOut(@RequestBody MoveOutRequest r) {
		return Map.of("atenaNumbers", values(handler.moveOut(r)));
	}

	@PostMapping("/births")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "出生")
	Map<String, Object> birth(@RequestBody BirthRequest r) {
		return Map.of("atenaNumber", handler.birth(r).value());
	}

	@PostMapping("/deaths")
	@Operation(summary = "死亡")
	Map<String, Object> death(@RequestBody DeathRequest r) {
		return Map.of("atenaNumber", handler.death(r).value());
	}

	@PostMapping("/household-separations")
	@Operation(summary = "世帯分離")
	Map<String, Object> separate(@RequestBody SeparateRequest r) {
		return Map.of("householdNumber", handler.separate(r).value());
	}

	@PostMapping("/household-mergers")
	@Operation(summary = "世帯合併")
	Map<String, Object> merge(@RequestBody MergeRequest r) {
		return Map.of("atenaNumbers", values(handler.merge(r)));
	}

	@PostMapping("/head-changes")
	@Operation(summary = "世帯主変更")
	Map<String, Object> headChange(@RequestBody HeadChangeRequest r) {
		return Map.of("atenaNumbers", values(handler.changeHead(r)));
	}

	@PostMapping("/residents/{atenaNumber}/corrections")
	@Operation(summary = "誤記修正")
	Map<String, Object> correct(@PathVariable String atenaNumber, @RequestBody CorrectionRequest r) {
		return Map.of("atenaNumber", handler.correct(atena(atenaNumber), r).value());
	}

	// ---- 支援措置・抑止 ----

	record SupportMeasureRequest(String kind, LocalDate start, String note) {
	}

	@PostMapping("/residents/{atenaNumber}/support-measures")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Start a 支援措置 (one year; 審査/管理者)")
	Map<String, Object> supportMeasure(@PathVariable String atenaNumber, @RequestBody SupportMeasureRequest r) {
		return Map.of("id", changes.addSupportMeasure(atena(atenaNumber), r.kind(), r.start(), r.note()));
	}

	record SuppressionRequest(String targetKind, String target, boolean blockChange, boolean blockIssuance,
			boolean blockInquiry, LocalDate start, LocalDate end, String reason) {
	}

	@PostMapping("/suppressions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a 抑止 for a person (PERSON) or a household (HOUSEHOLD) (審査/管理者)")
	void suppression(@RequestBody SuppressionRequest r) {
		changes.addSuppression(r.targetKind(), r.target(), r.blockChange(), r.blockIssuance(), r.blockInquiry(),
				r.start(), r.end(), r.reason());
	}

	// ---- CSV ----

	@GetMapping(path = "/export", produces = "text/csv")
	@Operation(summary = "Export the current register as CSV (docs/csv-layout.md; 個人番号 never exported)")
	void export(@RequestParam(defaultValue = "false") boolean includeRemoved,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		response.setContentType("text/csv; charset=UTF-8");
		var writer = new java.io.OutputStreamWriter(response.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8);
		csv.export(writer, includeRemoved);
		writer.flush();
	}

	@PostMapping(path = "/import", consumes = { "text/csv", "text/plain" })
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import persons from CSV, all or nothing (管理者)", description = "On any error nothing is "
			+ "written and the problem lists every bad row and field.")
	RegisterCsv.ImportResult importCsv(jakarta.servlet.http.HttpServletRequest request) throws java.io.IOException {
		try (var reader = new java.io.InputStreamReader(request.getInputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
			return csv.importCsv(reader, org.madoguchi.registry.ChangeReason.DOMESTIC_MOVE_IN);
		}
	}

	private static AtenaNumber atena(String value) {
		if (!AtenaNumber.isValid(value)) {
			throw new InvalidInputException(FieldError.of("atenaNumber", "error.checkDigit"));
		}
		return new AtenaNumber(value);
	}

	private static List<String> values(List<AtenaNumber> numbers) {
		return numbers.stream().map(AtenaNumber::value).toList();
	}
}
