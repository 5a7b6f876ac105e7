package org.madoguchi.assistant;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.FormErrors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The assistant's staff landing page (アシスタントの利用状況): questions per day and how they were answered, per
 * channel, the Q&amp;A answered most, the questions left unanswered and the helpful ratio of each Q&amp;A; and the
 * same figures as CSV. Both show what residents typed, so each view and export is access-logged.
 */
@Controller
class AnalyticsController {

	static final int TOP = 20;

	static final int TOP_UNANSWERED = 10;

	private final AssistantAnalytics analytics;

	private final StaffPageModel pages;

	private final KnowledgeBase knowledge;

	private final AccessLog accessLog;

	private final TransactionTemplate tx;

	private final FormErrors formErrors;

	private final Clock clock;

	AnalyticsController(AssistantAnalytics analytics, StaffPageModel pages, KnowledgeBase knowledge,
			AccessLog accessLog, TransactionTemplate tx, FormErrors formErrors, Clock clock) {
		this.analytics = analytics;
		this.pages = pages;
		this.knowledge = knowledge;
		this.accessLog = accessLog;
		this.tx = tx;
		this.formErrors = formErrors;
		this.clock = clock;
	}

	@GetMapping("/staff/assistant")
	String dashboard(@RequestParam(required = false) String tenant, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "WORST") String sort,
			Authentication staff, Model model) {
		Tenant t = pages.prepare(staff, tenant, model);
		ReportRange range = ReportRange.parse(from, to, clock);
		AssistantAnalytics.RatioOrder order = ratioOrder(sort);
		model.addAttribute("fromInput", range.errors().isEmpty() ? range.from().toString() : from);
		model.addAttribute("toInput", range.errors().isEmpty() ? range.to().toString() : to);
		model.addAttribute("sort", order.name());
		if (!range.errors().isEmpty()) {
			formErrors.addTo(model, range.errors());
			return "assistant/staff/dashboard";
		}
		tx.executeWithoutResult(s -> {
			List<AssistantAnalytics.Day> days = analytics.daily(t.id(), range.from(), range.to());
			model.addAttribute("range", range);
			model.addAttribute("days", days);
			model.addAttribute("total", AssistantAnalytics.total(days, range.from()));
			model.addAttribute("chart", DailyChart.of(days));
			model.addAttribute("channels", analytics.channels(t.id(), range.from(), range.to()));
			model.addAttribute("topEntries", analytics.topEntries(t.id(), range.from(), range.to(), TOP));
			model.addAttribute("topUnanswered",
					analytics.unanswered(t.id(), range.from(), range.to(), false, TOP_UNANSWERED));
			model.addAttribute("ratios", analytics.helpfulRatios(t.id(), range.from(), range.to(), order, TOP));
			model.addAttribute("questions", questions(t.id()));
			accessLog.record(AccessAction.READ_ASSISTANT_LOG, "assistant:" + t.id(),
					"analytics " + range.from() + ".." + range.to());
		});
		return "assistant/staff/dashboard";
	}

	/** {@code report}: daily, entries (every Q&amp;A answered, with votes) or unanswered (with resolved ones). */
	@GetMapping("/staff/assistant/analytics.csv")
	void csv(@RequestParam(required = false) String tenant, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "daily") String report,
			Authentication staff, HttpServletResponse response) throws IOException {
		Tenant t = pages.resolve(staff, tenant);
		ReportRange range = ReportRange.parse(from, to, clock);
		AnalyticsCsv.Report kind = report(report);
		if (!range.errors().isEmpty() || kind == null) {
			List<FieldError> errors = kind == null
					? List.of(FieldError.of("report", "assistant.analytics.error.report")) : range.errors();
			response.setStatus(400);
			response.setContentType("text/plain; charset=UTF-8");
			StringBuilder b = new StringBuilder();
			for (FieldError e : errors) {
				b.append(e.field()).append(": ").append(formErrors.message(e.code(), e.args())).append('\n');
			}
			response.getWriter().write(b.toString());
			return;
		}
		String name = "assistant-" + t.id() + "-" + kind.name().toLowerCase(Locale.ROOT) + "-" + range.from() + "-"
				+ range.to() + ".csv";
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
		response.setHeader("X-Content-Type-Options", "nosniff");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		// the byte-order mark makes the spreadsheet software used at city halls read the Japanese as UTF-8
		out.write('\uFEFF');
		tx.executeWithoutResult(s -> {
			try {
				int rows = switch (kind) {
					case DAILY -> AnalyticsCsv.daily(analytics.daily(t.id(), range.from(), range.to()), out);
					case ENTRIES -> AnalyticsCsv.entries(analytics.topEntries(t.id(), range.from(), range.to(),
							AssistantAnalytics.MAX_CSV_ROWS), questions(t.id()), out);
					case UNANSWERED -> AnalyticsCsv.unanswered(analytics.unanswered(t.id(), range.from(), range.to(),
							true, AssistantAnalytics.MAX_CSV_ROWS), out);
				};
				accessLog.record(AccessAction.READ_ASSISTANT_LOG, "assistant:" + t.id(), "csv "
						+ kind.name().toLowerCase(Locale.ROOT) + " " + range.from() + ".." + range.to() + " " + rows + " rows");
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		out.flush();
	}

	/** Each entry's question as the tenant's staff see it (its own row or the standard one), by id. */
	private Map<String, String> questions(String tenant) {
		Map<String, String> m = new HashMap<>();
		knowledge.entries(tenant).forEach(e -> m.put(e.id(), e.entry().question()));
		return m;
	}

	static AssistantAnalytics.RatioOrder ratioOrder(String s) {
		try {
			return AssistantAnalytics.RatioOrder.valueOf(s.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return AssistantAnalytics.RatioOrder.WORST;
		}
	}

	private static AnalyticsCsv.Report report(String s) {
		try {
			return AnalyticsCsv.Report.valueOf(s.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
