package org.madoguchi.applications;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.madoguchi.attachments.Attachments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts are not kept for ever: a visitor's draft (no account; its cookie may be gone) after 30 days without a
 * change, a resident's after a year. Safe on several nodes: deleting what another node already deleted is a
 * no-op.
 */
@Component
class DraftCleanup {

	static final Duration VISITOR_DRAFTS = Duration.ofDays(30);
	static final Duration RESIDENT_DRAFTS = Duration.ofDays(365);
	static final int BATCH = 500;

	private final JdbcTemplate jdbc;
	private final Attachments attachments;
	private final Clock clock;

	DraftCleanup(JdbcTemplate jdbc, Attachments attachments, Clock clock) {
		this.jdbc = jdbc;
		this.attachments = attachments;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${madoguchi.applications.draft-cleanup-interval:PT1H}", initialDelayString = "PT5M")
	void scheduled() {
		deleteStaleDrafts();
	}

	/** @return how many drafts were deleted */
	@Transactional
	int deleteStaleDrafts() {
		var now = clock.instant();
		List<UUID> stale = jdbc.query("SELECT id FROM application WHERE status = 'DRAFT' AND ("
				+ "(applicant_account IS NULL AND updated_at < ?) OR updated_at < ?) ORDER BY updated_at LIMIT ?",
				(rs, n) -> rs.getObject(1, UUID.class), ApplicationRepository.ts(now.minus(VISITOR_DRAFTS)),
				ApplicationRepository.ts(now.minus(RESIDENT_DRAFTS)), BATCH);
		for (UUID id : stale) {
			attachments.deleteAllFor(id);
			jdbc.update("DELETE FROM application_event WHERE application_id = ?", id);
			jdbc.update("DELETE FROM application WHERE id = ? AND status = 'DRAFT'", id);
		}
		return stale.size();
	}
}
