package org.madoguchi.applications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff queues: open applications per procedure and status, oldest first, with service-level warnings.
 * Pages use keyset pagination (after the last row seen), so the 1,000th page costs what the first does.
 * The per-procedure counts are cached for a few seconds per node: derived numbers, so a second node
 * needs nothing from this one.
 */
@Service
@Transactional(readOnly = true)
public class StaffQueues {

	public static final int PAGE_SIZE = 50;
	private static final Duration COUNTS_TTL = Duration.ofSeconds(10);
	/** Applications due within this time are flagged as nearly overdue. */
	static final Duration WARNING = Duration.ofDays(1);

	private final ApplicationRepository repository;
	private final Clock clock;
	private final AtomicReference<CachedCounts> counts = new AtomicReference<>();

	StaffQueues(ApplicationRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/** One queue row with its service-level state. */
	public record Item(UUID id, String receiptNumber, String procedureId, String status, String applicantName,
			String assignedTo, int stepIndex, Instant submittedAt, Instant dueAt, Sla sla) {

		/** The keyset cursor of this row, for the next page. */
		public String cursor() {
			return submittedAt.toEpochMilli() + "_" + submittedAt.getNano() + "_" + id;
		}
	}

	public enum Sla {
		OK, DUE_SOON, OVERDUE
	}

	public record Count(String procedureId, String status, long count, long overdue) {
	}

	private record CachedCounts(Instant at, List<Count> counts) {
	}

	/**
	 * @param cursor from {@link Item#cursor()} of the last row of the previous page, or null
	 */
	public List<Item> page(String procedureId, String status, String assignedTo, String cursor) {
		Instant afterSubmitted = null;
		UUID afterId = null;
		if (cursor != null && !cursor.isBlank()) {
			String[] parts = cursor.split("_", 3);
			if (parts.length != 3) {
				throw new org.madoguchi.platform.InvalidInputException(
						org.madoguchi.platform.FieldError.of("after", "applications.error.cursor"));
			}
			try {
				afterSubmitted = Instant.ofEpochMilli(Long.parseLong(parts[0]));
				afterSubmitted = afterSubmitted.plusNanos(Integer.parseInt(parts[1]) % 1_000_000);
				afterId = UUID.fromString(parts[2]);
			}
			catch (IllegalArgumentException e) {
				throw new org.madoguchi.platform.InvalidInputException(
						org.madoguchi.platform.FieldError.of("after", "applications.error.cursor"));
			}
		}
		Instant now = clock.instant();
		return repository.queue(procedureId, status, assignedTo, afterSubmitted, afterId, PAGE_SIZE)
			.stream()
			.map(r -> new Item(r.id(), r.receiptNumber(), r.procedureId(), r.status(), r.applicantName(), r.assignedTo(),
					r.stepIndex(), r.submittedAt(), r.dueAt(), sla(r.dueAt(), now)))
			.toList();
	}

	public static Sla sla(Instant due, Instant now) {
		if (due == null) {
			return Sla.OK;
		}
		if (now.isAfter(due)) {
			return Sla.OVERDUE;
		}
		return now.plus(WARNING).isAfter(due) ? Sla.DUE_SOON : Sla.OK;
	}

	/**
	 * Open applications per procedure and status. Counting every open application costs a scan, so the numbers
	 * are at most {@code COUNTS_TTL} old: when they are stale, one request refreshes them while the others are
	 * answered with the previous numbers.
	 */
	public List<Count> counts() {
		Instant now = clock.instant();
		CachedCounts c = counts.get();
		if (c == null) {
			c = refresh(now);
		}
		else if (c.at().plus(COUNTS_TTL).isBefore(now) && refreshing.compareAndSet(false, true)) {
			try {
				c = refresh(now);
			}
			finally {
				refreshing.set(false);
			}
		}
		return c.counts();
	}

	private CachedCounts refresh(Instant now) {
		CachedCounts c = new CachedCounts(now, repository.openCounts(now)
			.stream()
			.map(x -> new Count(x.procedureId(), x.status(), x.count(), x.overdue()))
			.toList());
		counts.set(c);
		return c;
	}

	private final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();
}
