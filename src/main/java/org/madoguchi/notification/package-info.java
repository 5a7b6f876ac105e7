/**
 * Notifications to residents (通知): mail when an application changes status (the procedure's own
 * texts or the city's defaults, in the applicant's language), the account mails (email verification,
 * password reset), and the portal inbox (お知らせ). Events are written to an outbox in the publisher's
 * transaction and sent by a scheduled sender that is safe to run on several nodes.
 * Published API: {@link org.madoguchi.notification.Inbox}, {@link org.madoguchi.notification.MailOutbox}.
 */
package org.madoguchi.notification;
