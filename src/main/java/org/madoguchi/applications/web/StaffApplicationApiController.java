package org.madoguchi.applications.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.madoguchi.applications.Application;
import org.madoguchi.applications.ApplicationStatus;
import org.madoguchi.applications.ApplicationView;
import org.madoguchi.applications.Applications;
import org.madoguchi.applications.Review;
import org.madoguchi.applications.StaffMember;
import org.madoguchi.applications.StaffQueues;
import org.madoguchi.platform.ApiController;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** The back office through the API: queues, an application with its full timeline, and decisions. */
@ApiController("/api/v1/staff/applications")
@Tag(name = "Back office", description = "審査・決裁 / Queues and decisions for staff systems")
class StaffApplicationApiController {

	private final StaffQueues queues;
	private final Review review;
	private final Applications applications;

	private final org.madoguchi.identity.ElectronicSignatures signatures;

	StaffApplicationApiController(StaffQueues queues, Review review, Applications applications,
			org.madoguchi.identity.ElectronicSignatures signatures) {
		this.signatures = signatures;
		this.queues = queues;
		this.review = review;
		this.applications = applications;
	}

	record QueueJson(List<StaffQueues.Item> items, String next) {
	}

	@Operation(summary = "処理待ちの一覧 / A queue page, oldest first",
			description = "Without `status`, the open statuses. Pass `after` = the previous page's `next` for the next page.")
	@GetMapping
	QueueJson queue(@RequestParam(required = false) String procedure, @RequestParam(required = false) String status,
			@RequestParam(required = false) String after) {
		String s = null;
		if (status != null && !status.isBlank()) {
			s = ApplicationStatus.parse(status)
				.orElseThrow(() -> new InvalidInputException(FieldError.of("status", "applications.error.status")))
				.name();
		}
		List<StaffQueues.Item> items = queues.page(procedure, s, null, after);
		return new QueueJson(items, items.size() == StaffQueues.PAGE_SIZE ? items.get(items.size() - 1).cursor() : null);
	}

	@Operation(summary = "申請の詳細 / An application with its full timeline (the read is logged)")
	@GetMapping("/{id}")
	ApplicationJson get(@PathVariable UUID id) {
		ApplicationView view = review.open(id, StaffMember.current());
		return ApplicationJson.of(view.application(), applications.attachmentsOf(id), view.timeline(), true,
				signatures.accepted(id).orElse(null));
	}

	/** A decision or action; {@code rowVersion} is the one read, so concurrent changes are refused. */
	record DecisionJson(String action, Integer rowVersion, String text, String assignee) {
	}

	@Operation(summary = "処理する / Act on an application",
			description = "`action`: claim, assign, comment, requestInfo, return, reject, approve, complete. "
					+ "`text` is the reason or message (required for requestInfo, return, reject, comment).")
	@PostMapping(path = "/{id}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
	ApplicationJson decide(@PathVariable UUID id, @RequestBody DecisionJson d) {
		if (d == null || d.action() == null) {
			throw new InvalidInputException(FieldError.of("action", "applications.error.required"));
		}
		if (d.rowVersion() == null && !"comment".equals(d.action())) {
			throw new InvalidInputException(FieldError.of("rowVersion", "applications.error.required"));
		}
		StaffMember staff = StaffMember.current();
		int v = d.rowVersion() == null ? 0 : d.rowVersion();
		Application a = switch (d.action()) {
			case "claim" -> review.claim(id, v, staff);
			case "assign" -> review.assign(id, v, d.assignee(), staff);
			case "comment" -> {
				review.comment(id, d.text(), staff);
				yield null;
			}
			case "requestInfo" -> review.requestInfo(id, v, d.text(), staff);
			case "return" -> review.returnForCorrection(id, v, d.text(), staff);
			case "reject" -> review.reject(id, v, d.text(), staff);
			case "approve" -> review.approve(id, v, d.text(), staff);
			case "complete" -> review.complete(id, v, d.text(), staff);
			default -> throw new InvalidInputException(FieldError.of("action", "applications.error.action"));
		};
		ApplicationView view = review.open(id, staff);
		return ApplicationJson.of(a != null ? a : view.application(), applications.attachmentsOf(id), view.timeline(), true,
				signatures.accepted(id).orElse(null));
	}
}
