package org.madoguchi.notification;

import jakarta.mail.internet.MimeMessage;

/** Where composed mail goes: an SMTP server, or files for development. */
interface MailTransport {

	/** False when mail cannot be sent at all (no SMTP server configured): rows wait instead of failing. */
	boolean ready();

	/** Sends one message; an exception means it was not sent. */
	void send(MimeMessage message, long outboxId) throws Exception;

	/** For the log. */
	String describe();
}
