/**
 * Notifications to residents (通知): mail when an application changes status (the procedure's own
 * texts or the city's defaults, in the applicant's language), the account mails (email verification,
 * password reset), and the portal inbox (お知らせ). Events are written to an outbox in the publisher's
 * transaction and sent by a scheduled sender that is safe to run on several nodes.
 * Published API: {@link org.madoguchi.notification.Inbox}, {@link org.madoguchi.notification.MailOutbox}.
 * <p>
 * Settings: {@code madoguchi.mail.from}, {@code madoguchi.mail.transport} ({@code smtp} with Spring Boot's
 * {@code spring.mail.*}, or {@code file} into {@code {madoguchi.data-dir}/mail/}), {@code madoguchi.mail.batch-size},
 * {@code madoguchi.mail.claim-timeout}, {@code madoguchi.mail.send-interval}, {@code madoguchi.mail.keep-sent};
 * links in mail start with {@code madoguchi.public-url}. Pages: {@code /portal/inbox}, {@code /portal/inbox/{id}},
 * and in the {@code dev} profile {@code /portal/dev/mailbox}.
 */
package org.madoguchi.notification;
