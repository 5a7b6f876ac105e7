package org.madoguchi.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.internet.AddressException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import org.madoguchi.notification.JdbcOutbox.OutboxMail;

/**
 * Sends the outbox. Runs every few seconds on every node; rows are claimed, so each mail goes out once.
 * A failed send is retried after 1 min, 5 min, 30 min, 2 h, 6 h, 12 h and 24 h; after the
 * {@value #MAX_ATTEMPTS}th failure the row is marked failed and logged as an error.
 */
@Service
class OutboxSender implements MailOutbox {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	static final int MAX_ATTEMPTS = 8;

	/** Wait after the n-th failed attempt (index n - 1). */
	static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
			Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(12), Duration.ofHours(24));

	/** One call sends at most this many batches, so that it ends even while mail keeps coming. */
	private static final int MAX_BATCHES_PER_CALL = 100;

	private final JdbcOutbox outbox;

	private final MailComposer composer;

	private final MailTransport transport;

	private final NotificationProperties properties;

	private final Clock clock = Clock.systemUTC();

	private final AtomicBoolean warnedNotReady = new AtomicBoolean();

	private volatile Instant lastPurge = Instant.EPOCH;

	OutboxSender(JdbcOutbox outbox, MailComposer composer, MailTransport transport, NotificationProperties properties) {
		this.outbox = outbox;
		this.composer = composer;
		this.transport = transport;
		this.properties = properties;
		log.info("Notification mail goes to {}", transport.describe());
	}

	@Scheduled(initialDelayString = "${madoguchi.mail.send-interval:PT5S}",
			fixedDelayString = "${madoguchi.mail.send-interval:PT5S}")
	void sendScheduled() {
		try {
			sendDueNow();
			purgeOld();
		}
		catch (RuntimeException e) {
			// the database may be away for a moment; the next run tries again
			log.warn("Sending the notification outbox failed: {}", e.toString());
		}
	}

	@Override
	public int sendDueNow() {
		if (!transport.ready()) {
			if (warnedNotReady.compareAndSet(false, true)) {
				log.warn("Mail is not sent: {}. Mails wait in the outbox.", transport.describe());
			}
			return 0;
		}
		int sent = 0;
		for (int batch = 0; batch < MAX_BATCHES_PER_CALL; batch++) {
			List<OutboxMail> claimed = outbox.claim(properties.batchSize(), properties.claimTimeout(), clock.instant());
			if (claimed.isEmpty()) {
				break;
			}
			for (OutboxMail mail : claimed) {
				if (send(mail)) {
					sent++;
				}
			}
		}
		return sent;
	}

	private boolean send(OutboxMail mail) {
		try {
			transport.send(composer.compose(mail, clock.instant()), mail.id());
		}
		catch (AddressException e) {
			// the address will not become valid by waiting
			outbox.markFailed(mail, "invalid address: " + e.getMessage());
			log.error("Notification mail {} ({} {}) failed: invalid recipient address", mail.id(), mail.kind(),
					mail.reference());
			return false;
		}
		catch (Exception e) {
			int attempt = mail.attempts() + 1;
			String error = describe(e);
			if (attempt >= MAX_ATTEMPTS) {
				outbox.markFailed(mail, error);
				log.error("Notification mail {} ({} {}) failed {} times and is given up: {}", mail.id(), mail.kind(),
						mail.reference(), attempt, error);
			}
			else {
				Instant next = clock.instant().plus(BACKOFF.get(attempt - 1));
				outbox.markRetry(mail, next, error);
				log.warn("Notification mail {} ({} {}) not sent (attempt {}), next try at {}: {}", mail.id(),
						mail.kind(), mail.reference(), attempt, next, error);
			}
			return false;
		}
		if (!outbox.markSent(mail, clock.instant())) {
			log.warn("Notification mail {} was sent after its claim ran out; it may be sent twice "
					+ "(raise madoguchi.mail.claim-timeout)", mail.id());
		}
		return true;
	}

	private void purgeOld() {
		Instant now = clock.instant();
		if (Duration.between(lastPurge, now).compareTo(Duration.ofHours(1)) < 0) {
			return;
		}
		lastPurge = now;
		int deleted = outbox.purge(now.minus(properties.keepSent()));
		if (deleted > 0) {
			log.info("Deleted {} sent or failed notification mails older than {}", deleted, properties.keepSent());
		}
	}

	/** The exception and its innermost cause, on one line: enough to tell a refused connection from a 5xx reply. */
	private static String describe(Exception e) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
		String text = root == e ? e.toString() : e.getClass().getSimpleName() + " (" + root + ")";
		return text.replaceAll("\\s+", " ");
	}
}
