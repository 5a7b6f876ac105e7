package org.madoguchi.notification;

import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through Spring Boot's {@link JavaMailSender} ({@code spring.mail.host}, {@code port},
 * {@code username}, {@code password}, {@code properties.mail.smtp.starttls.enable} …). Without
 * {@code spring.mail.host} there is no sender and mail waits in the outbox.
 */
class SmtpMailTransport implements MailTransport {

	private final JavaMailSender sender;

	SmtpMailTransport(JavaMailSender sender) {
		this.sender = sender;
		if (sender instanceof JavaMailSenderImpl impl) {
			// JavaMail waits forever by default; a hung server would hold the claim past its lease and the
			// mail would be sent twice. Settings given in spring.mail.properties win.
			impl.getJavaMailProperties().putIfAbsent("mail.smtp.connectiontimeout", "10000");
			impl.getJavaMailProperties().putIfAbsent("mail.smtp.timeout", "30000");
			impl.getJavaMailProperties().putIfAbsent("mail.smtp.writetimeout", "30000");
		}
	}

	@Override
	public boolean ready() {
		return sender != null;
	}

	@Override
	public void send(MimeMessage message, long outboxId) {
		if (sender == null) {
			throw new IllegalStateException("no SMTP server configured (spring.mail.host)");
		}
		sender.send(message);
	}

	@Override
	public String describe() {
		if (sender instanceof JavaMailSenderImpl impl) {
			return "SMTP " + impl.getHost() + ":" + (impl.getPort() < 0 ? 25 : impl.getPort());
		}
		return sender == null ? "SMTP (not configured: spring.mail.host)" : "SMTP";
	}
}
