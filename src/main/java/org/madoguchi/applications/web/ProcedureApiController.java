package org.madoguchi.applications.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.madoguchi.applications.Linkage;
import org.madoguchi.platform.ApiController;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.procedures.Assurance;
import org.madoguchi.procedures.Category;
import org.madoguchi.procedures.Fee;
import org.madoguchi.procedures.LifeEvent;
import org.madoguchi.procedures.ProcedureCatalog;
import org.madoguchi.procedures.ProcedureDefinition;
import org.madoguchi.procedures.ProcedureJsonSchema;
import org.madoguchi.procedures.ProcedureVersion;
import org.madoguchi.procedures.Text;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The procedure catalog for API clients: the list, a definition, its form as JSON Schema, and the CSV export. */
@ApiController("/api/v1/procedures")
@Tag(name = "Procedures", description = "手続の一覧と様式 / The procedure catalog and forms")
class ProcedureApiController {

	private final ProcedureCatalog catalog;
	private final Linkage linkage;

	ProcedureApiController(ProcedureCatalog catalog, Linkage linkage) {
		this.catalog = catalog;
		this.linkage = linkage;
	}

	record ProcedureSummaryJson(String id, int version, Text name, Text summary, Category category,
			List<LifeEvent> lifeEvents, Assurance assurance, String channel, Fee fee, int slaDays) {

		static ProcedureSummaryJson of(ProcedureVersion v) {
			ProcedureDefinition d = v.definition();
			return new ProcedureSummaryJson(d.id(), v.version(), d.name(), d.summary(), d.category(), d.lifeEvents(),
					d.assurance(), d.channel(), d.fee(), d.workflow().slaDays());
		}
	}

	record ProcedureJson(String id, int version, String publishedAt, ProcedureDefinition definition) {
	}

	@Operation(summary = "手続の一覧 / All procedures (current versions)")
	@GetMapping
	List<ProcedureSummaryJson> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) Category category, @RequestParam(required = false) LifeEvent event) {
		Locale locale = LocaleContextHolder.getLocale();
		List<ProcedureVersion> found = (q == null && category == null && event == null) ? catalog.current()
				: catalog.search(q == null ? "" : q, category, event, locale);
		return found.stream().map(ProcedureSummaryJson::of).toList();
	}

	@Operation(summary = "手続の定義 / A procedure's definition", description = "The current version, or `version`.")
	@GetMapping("/{id}")
	ProcedureJson get(@PathVariable String id, @RequestParam(required = false) Integer version) {
		ProcedureVersion v = find(id, version);
		return new ProcedureJson(v.procedureId(), v.version(), v.publishedAt().toString(), v.definition());
	}

	@Operation(summary = "回答の JSON Schema / The answers object as JSON Schema (draft 2020-12)")
	@GetMapping(path = "/{id}/schema", produces = { "application/schema+json", "application/json" })
	Map<String, Object> schema(@PathVariable String id, @RequestParam(required = false) Integer version) {
		ProcedureVersion v = find(id, version);
		return ProcedureJsonSchema.of(v.definition(), LocaleContextHolder.getLocale());
	}

	@Operation(summary = "申請の CSV / The procedure's submitted applications as CSV (UTF-8, RFC 4180)")
	@GetMapping(path = "/{id}/applications.csv", produces = "text/csv")
	ResponseEntity<Void> csv(@PathVariable String id, @RequestParam(required = false) String status,
			HttpServletResponse response) throws IOException {
		find(id, null);
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + id + "-applications.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		linkage.exportCsv(id, status == null || status.isBlank() ? null : status, out, LocaleContextHolder.getLocale());
		out.flush();
		return null;
	}

	private ProcedureVersion find(String id, Integer version) {
		return (version == null ? catalog.current(id) : catalog.version(id, version))
			.orElseThrow(() -> new NotFoundException("procedure " + id));
	}
}
