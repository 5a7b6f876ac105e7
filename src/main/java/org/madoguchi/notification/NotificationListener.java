package org.madoguchi.notification;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.madoguchi.accounts.PasswordResetRequested;
import org.madoguchi.accounts.ResidentAccountRegistered;
import org.madoguchi.applications.ApplicationStatusChanged;
import org.madoguchi.notification.JdbcOutbox.Kind;
import org.madoguchi.notification.JdbcOutbox.NewMail;
import org.madoguchi.notification.NotificationTexts.Rendered;
import org.madoguchi.notification.NotificationTexts.StatusTexts;

/**
 * Turns events into outbox rows and inbox messages. Synchronous listeners on purpose (not
 * {@code @TransactionalEventListener}, not asynchronous): they write in the publisher's transaction, so a
 * change that is rolled back leaves no mail behind and a committed change always has its mail queued.
 */
@Component
class NotificationListener {

	private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

	private final NotificationTexts texts;

	private final JdbcOutbox outbox;

	private final JdbcInbox inbox;

	NotificationListener(NotificationTexts texts, JdbcOutbox outbox, JdbcInbox inbox) {
		this.texts = texts;
		this.outbox = outbox;
		this.inbox = inbox;
	}

	@EventListener
	@Transactional
	public void on(ApplicationStatusChanged e) {
		Instant now = Instant.now();
		StatusTexts t = texts.statusTexts(e);
		String reference = e.receiptNumber() != null ? e.receiptNumber() : String.valueOf(e.applicationId());
		if (t.mail().isPresent()) {
			queue(Kind.APPLICATION_STATUS, reference, e.applicantEmail(), t.locale().getLanguage(), t.mail().get(),
					false, now);
		}
		if (e.applicantAccountId() != null) {
			inbox.add(e.applicantAccountId(), e.applicationId(), t.inbox().subject(), t.inbox().body(),
					NotificationTexts.applicationPath(e.applicationId()), now);
		}
	}

	@EventListener
	@Transactional
	public void on(ResidentAccountRegistered e) {
		queue(Kind.ACCOUNT_VERIFICATION, String.valueOf(e.accountId()), e.email(),
				NotificationTexts.locale(e.language()).getLanguage(), texts.verification(e), true, Instant.now());
	}

	@EventListener
	@Transactional
	public void on(PasswordResetRequested e) {
		queue(Kind.PASSWORD_RESET, String.valueOf(e.accountId()), e.email(),
				NotificationTexts.locale(e.language()).getLanguage(), texts.passwordReset(e), true, Instant.now());
	}

	private void queue(Kind kind, String reference, String recipient, String language, Rendered text,
			boolean sensitive, Instant now) {
		if (recipient == null || recipient.isBlank()) {
			return;
		}
		if (!MailComposer.isUsable(recipient)) {
			// not worth failing the applicant's change for: the inbox still has the message
			log.warn("No {} mail for {}: the recipient address is not usable", kind, reference);
			return;
		}
		outbox.enqueue(new NewMail(kind, reference, recipient.strip(), language, text.subject(), text.body(), sensitive),
				now);
	}
}
