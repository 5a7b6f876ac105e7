package org.madoguchi.audit;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The auditor's view of the access log (監査 and 管理者). Read-only: there is no endpoint that edits
 * or deletes an entry. Reading the log is itself logged.
 */
@Controller
@Tag(name = "Access log (監査)")
class AccessLogController {

	/** Reads of resident records by one person within one hour above which the auditor is alerted. */
	static final int MASS_READS_PER_HOUR = 200;

	private final AccessLog log;

	AccessLogController(AccessLog log) {
		this.log = log;
	}

	@GetMapping("/staff/audit")
	@Transactional
	String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String subject,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		AccessLog.Query q = query(actor, action, subject, from, to, 50, Math.max(0, page) * 50);
		model.addAttribute("q", q);
		model.addAttribute("entries", log.find(q));
		model.addAttribute("total", log.count(q));
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("actions", Arrays.stream(AccessAction.values()).map(Enum::name).toList());
		model.addAttribute("alerts", log.alerts(java.time.Instant.now().minus(java.time.Duration.ofDays(30)), MASS_READS_PER_HOUR));
		model.addAttribute("activeNav", "audit");
		model.addAttribute("fieldErrors", java.util.Map.of());
		log.record(AccessAction.READ_ACCESS_LOG, null, q.toString());
		return "audit/log";
	}

	@GetMapping(path = "/api/v1/audit/access-log", produces = "application/json")
	@ResponseBody
	@Transactional
	@Operation(summary = "Access-log entries, newest first (監査/管理者)")
	@SecurityRequirement(name = "bearer")
	List<AccessLog.Entry> api(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String subject,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
		AccessLog.Query q = query(actor, action, subject, from, to, limit, offset);
		log.record(AccessAction.READ_ACCESS_LOG, null, q.toString());
		return log.find(q);
	}

	@GetMapping(path = "/api/v1/audit/alerts", produces = "application/json")
	@ResponseBody
	@Transactional
	@Operation(summary = "Night-time reads and mass reads in the last N days (監査/管理者)")
	@SecurityRequirement(name = "bearer")
	List<AccessLog.Alert> alerts(@RequestParam(defaultValue = "30") int days,
			@RequestParam(defaultValue = "" + MASS_READS_PER_HOUR) int threshold) {
		log.record(AccessAction.READ_ACCESS_LOG, null, "alerts " + days + " days");
		return log.alerts(java.time.Instant.now().minus(java.time.Duration.ofDays(Math.max(1, Math.min(days, 366)))),
				Math.max(1, threshold));
	}

	private static AccessLog.Query query(String actor, String action, String subject, LocalDate from, LocalDate to,
			int limit, int offset) {
		AccessAction a = null;
		if (action != null && !action.isBlank()) {
			try {
				a = AccessAction.valueOf(action);
			}
			catch (IllegalArgumentException e) {
				a = null;
			}
		}
		return new AccessLog.Query(actor, a, subject, from, to, limit, offset);
	}
}
