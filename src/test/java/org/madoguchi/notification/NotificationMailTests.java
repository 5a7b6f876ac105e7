package org.madoguchi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import org.madoguchi.accounts.PasswordResetRequested;
import org.madoguchi.accounts.ResidentAccountRegistered;
import org.madoguchi.applications.ApplicationStatus;
import org.madoguchi.applications.ApplicationStatusChanged;

/** Status changes and account events become mail over real SMTP, exactly once, only when committed. */
class NotificationMailTests extends NotificationTestSupport {

	@Test
	void committedStatusChangeSendsTheProceduresJapaneseTextWithPlaceholdersFilled() throws Exception {
		String email = randomEmail();
		ApplicationStatusChanged e = changed("juminhyo-copy", null, email, "ja", ApplicationStatus.ACCEPTED, null, 600);
		publishCommitted(e);
		mailOutbox.sendDueNow();

		List<MimeMessage> mails = awaitMailsTo(email, 1);
		assertThat(mails).hasSize(1);
		MimeMessage mail = mails.get(0);
		assertThat(mail.getSubject()).isEqualTo("【東雲野市】住民票の写しの請求を受け付けました（" + e.receiptNumber() + "）");
		// the raw header is encoded (RFC 2047), not 8-bit
		assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?").doesNotContain("東雲野市");
		assertThat(mail.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
		assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("no-reply@shinonome.example.jp");
		assertThat(mail.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
		String body = (String) mail.getContent();
		assertThat(body).contains("東雲 花子 様")
			.contains("受付番号 " + e.receiptNumber())
			.contains("手数料 600円 は")
			.contains("https://portal.shinonome.example.jp/portal/applications/" + e.applicationId())
			.contains("送信専用")
			.doesNotContain("{");
		assertThat(outboxStatus(email)).isEqualTo("SENT");
	}

	@Test
	void anEnglishApplicantGetsTheEnglishText() throws Exception {
		String email = randomEmail();
		ApplicationStatusChanged e = changed("juminhyo-copy", null, email, "en", ApplicationStatus.ACCEPTED, null, 1200);
		publishCommitted(e);
		mailOutbox.sendDueNow();

		MimeMessage mail = awaitMailsTo(email, 1).get(0);
		assertThat(mail.getSubject())
			.isEqualTo("[Shinonome City] Your request for a residence record copy was accepted (" + e.receiptNumber() + ")");
		assertThat((String) mail.getContent()).contains("Dear 東雲 花子,")
			.contains("the fee of 1,200 yen")
			.contains("not monitored")
			.doesNotContain("送信専用");
	}

	@Test
	void aStatusWithoutProcedureTextUsesTheDefaultTextAndAnUnknownLanguageFallsBackToJapanese() throws Exception {
		String email = randomEmail();
		ApplicationStatusChanged e = changed("juminhyo-copy", null, email, "fr", ApplicationStatus.RETURNED,
				"添付の画像が読み取れません。撮り直してください。", null);
		publishCommitted(e);
		mailOutbox.sendDueNow();

		MimeMessage mail = awaitMailsTo(email, 1).get(0);
		assertThat(mail.getSubject()).isEqualTo("【東雲野市】申請内容の修正をお願いします（受付番号 " + e.receiptNumber() + "）");
		assertThat((String) mail.getContent()).contains("「住民票の写しの交付請求」の申請")
			.contains("添付の画像が読み取れません。撮り直してください。");
	}

	@Test
	void inReviewSendsNoMail() throws Exception {
		String email = randomEmail();
		publishCommitted(changed("juminhyo-copy", null, email, "ja", ApplicationStatus.IN_REVIEW, null, null));
		mailOutbox.sendDueNow();
		assertThat(outboxRows(email)).isZero();
	}

	@Test
	void aLongReasonIsShortenedSoTheBodyStaysWithinTheLimitAndKeepsItsLink() throws Exception {
		String email = randomEmail();
		String reason = "理由".repeat(15_000) + "末尾";
		ApplicationStatusChanged e = changed("juminhyo-copy", null, email, "ja", ApplicationStatus.REJECTED, reason, null);
		publishCommitted(e);
		mailOutbox.sendDueNow();

		String body = ((String) awaitMailsTo(email, 1).get(0).getContent()).replace("\r\n", "\n");
		assertThat(body.length()).isLessThanOrEqualTo(MailText.MAX_BODY + 1);
		assertThat(body).contains("理由理由").contains("…\n").doesNotContain("末尾")
			.contains("/portal/applications/" + e.applicationId())
			.contains("送信専用");
	}

	@Test
	void aRolledBackTransactionSendsNothing() throws Exception {
		String email = randomEmail();
		UUID account = UUID.randomUUID();
		tx.executeWithoutResult(s -> {
			events.publishEvent(changed("juminhyo-copy", account, email, "ja", ApplicationStatus.ACCEPTED, null, 300));
			s.setRollbackOnly();
		});
		mailOutbox.sendDueNow();

		assertThat(outboxRows(email)).isZero();
		assertThat(inbox.unreadCount(account)).isZero();
		Thread.sleep(200);
		assertThat(mailsTo(email)).isEmpty();
	}

	@Test
	void accountMailsCarryTheirLinkInTheApplicantsLanguageAndForgetItOnceSent() throws Exception {
		String ja = randomEmail();
		String en = randomEmail();
		String verify = "https://portal.shinonome.example.jp/portal/verify?token=" + UUID.randomUUID();
		String reset = "https://portal.shinonome.example.jp/portal/reset?token=" + UUID.randomUUID();
		publishCommitted(new ResidentAccountRegistered(UUID.randomUUID(), ja, "東雲 一郎", "ja", verify),
				new PasswordResetRequested(UUID.randomUUID(), en, "Ichiro Shinonome", "en", reset));
		mailOutbox.sendDueNow();

		MimeMessage verification = awaitMailsTo(ja, 1).get(0);
		assertThat(verification.getSubject()).isEqualTo("【東雲野市】メールアドレスの確認のお願い");
		assertThat((String) verification.getContent()).contains("東雲 一郎 様").contains(verify);
		MimeMessage resetMail = awaitMailsTo(en, 1).get(0);
		assertThat(resetMail.getSubject()).isEqualTo("[Shinonome City] Reset your password");
		assertThat((String) resetMail.getContent()).contains("Dear Ichiro Shinonome,").contains(reset);
		// the one-time links do not stay in the database
		assertThat(jdbc.queryForObject("SELECT body FROM notification_outbox WHERE recipient = ?", String.class, ja))
			.isEmpty();
	}

	@Test
	void aFailingSmtpServerIsRetriedLaterAndTheMailGoesOutWhenItIsBack() throws Exception {
		String email = randomEmail();
		SMTP.stop();
		try {
			publishCommitted(changed("juminhyo-copy", null, email, "ja", ApplicationStatus.ACCEPTED, null, 300));
			Instant before = Instant.now();
			mailOutbox.sendDueNow();

			var row = jdbc.queryForMap("SELECT status, attempts, next_attempt_at, last_error FROM notification_outbox "
					+ "WHERE recipient = ?", email);
			assertThat(row.get("status")).isEqualTo("PENDING");
			assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
			assertThat(row.get("last_error")).isNotNull();
			Instant next = timestamp(row.get("next_attempt_at"));
			assertThat(next).isBetween(before.plus(Duration.ofSeconds(55)), Instant.now().plus(Duration.ofSeconds(65)));
		}
		finally {
			SMTP.start();
		}
		// back, but the retry is not due yet
		mailOutbox.sendDueNow();
		assertThat(mailsTo(email)).isEmpty();

		// a minute later
		jdbc.update("UPDATE notification_outbox SET next_attempt_at = ? WHERE recipient = ?",
				Timestamp.from(Instant.now().minusSeconds(1)), email);
		mailOutbox.sendDueNow();
		assertThat(awaitMailsTo(email, 1)).hasSize(1);
		assertThat(outboxStatus(email)).isEqualTo("SENT");
		assertThat(jdbc.queryForObject("SELECT attempts FROM notification_outbox WHERE recipient = ?", Integer.class,
				email)).isEqualTo(2);
	}

	@Test
	void theEighthFailureGivesUp() {
		String email = randomEmail();
		SMTP.stop();
		try {
			publishCommitted(changed("juminhyo-copy", null, email, "ja", ApplicationStatus.ACCEPTED, null, 300));
			// seven attempts failed already
			jdbc.update("UPDATE notification_outbox SET attempts = 7 WHERE recipient = ?", email);
			mailOutbox.sendDueNow();
		}
		finally {
			SMTP.start();
		}
		assertThat(outboxStatus(email)).isEqualTo("FAILED");
		assertThat(jdbc.queryForObject("SELECT attempts FROM notification_outbox WHERE recipient = ?", Integer.class,
				email)).isEqualTo(OutboxSender.MAX_ATTEMPTS);
		mailOutbox.sendDueNow();
		assertThat(mailsTo(email)).isEmpty();
	}

	@Test
	void twoConcurrentSendersNeverSendOneMailTwice() throws Exception {
		List<String> emails = new ArrayList<>();
		List<Object> changes = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String email = randomEmail();
			emails.add(email);
			changes.add(changed("juminhyo-copy", null, email, "ja", ApplicationStatus.ACCEPTED, null, 300));
		}
		publishCommitted(changes.toArray());

		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int t = 0; t < 2; t++) {
				runs.add(pool.submit(() -> {
					start.await();
					return mailOutbox.sendDueNow();
				}));
			}
			int sent = runs.get(0).get() + runs.get(1).get();
			assertThat(sent).isGreaterThanOrEqualTo(40);
		}
		finally {
			pool.shutdownNow();
		}
		for (String email : emails) {
			assertThat(awaitMailsTo(email, 1)).as(email).hasSize(1);
			assertThat(outboxStatus(email)).isEqualTo("SENT");
		}
		Thread.sleep(200);
		for (String email : emails) {
			assertThat(mailsTo(email)).as(email).hasSize(1);
		}
	}

	static Instant timestamp(Object value) {
		if (value instanceof Timestamp t) {
			return t.toInstant();
		}
		if (value instanceof java.time.OffsetDateTime o) {
			return o.toInstant();
		}
		throw new IllegalArgumentException(String.valueOf(value));
	}
}
