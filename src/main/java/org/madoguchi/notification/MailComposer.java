package org.madoguchi.notification;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.stereotype.Component;

import org.madoguchi.notification.JdbcOutbox.OutboxMail;

/**
 * Builds the MIME message of an outbox row: plain text in UTF-8, the subject encoded (RFC 2047), From the
 * configured unattended address, and a Message-ID derived from the row so that a receiving system can
 * recognise a repeat.
 */
@Component
class MailComposer {

	private static final String UTF_8 = StandardCharsets.UTF_8.name();

	/** Only for building messages; the SMTP transport sends with its own session. */
	private final Session session = Session.getInstance(new Properties());

	private final InternetAddress from;

	MailComposer(NotificationProperties properties) {
		this.from = parseFrom(properties.from());
	}

	MimeMessage compose(OutboxMail mail, Instant now) throws MessagingException {
		MimeMessage message = new MimeMessage(session);
		message.setFrom(from);
		message.setRecipient(Message.RecipientType.TO, address(mail.recipient()));
		message.setSubject(mail.subject(), UTF_8);
		message.setText(mail.body(), UTF_8);
		message.setSentDate(Date.from(now));
		// RFC 3834: tells auto-responders (vacation replies) not to answer
		message.setHeader("Auto-Submitted", "auto-generated");
		message.setHeader("Content-Language", mail.language());
		message.saveChanges();
		// after saveChanges, which would replace it; JavaMailSenderImpl keeps a Message-ID that is set
		message.setHeader("Message-ID", "<notification-" + mail.id() + "." + mail.createdAt().toEpochMilli() + "@"
				+ domain(from.getAddress()) + ">");
		return message;
	}

	/** A recipient address, strictly checked; an address that cannot be used will never work on retry. */
	static InternetAddress address(String address) throws AddressException {
		if (address == null || address.isBlank() || address.length() > 320) {
			throw new AddressException("no usable address");
		}
		InternetAddress parsed = new InternetAddress(address.strip(), true);
		parsed.validate();
		return parsed;
	}

	static boolean isUsable(String address) {
		try {
			address(address);
			return true;
		}
		catch (AddressException e) {
			return false;
		}
	}

	private static InternetAddress parseFrom(String from) {
		try {
			InternetAddress parsed = new InternetAddress(from, true);
			parsed.validate();
			if (parsed.getPersonal() != null) {
				// a Japanese display name must be encoded in the header
				parsed.setPersonal(parsed.getPersonal(), UTF_8);
			}
			return parsed;
		}
		catch (AddressException | UnsupportedEncodingException e) {
			throw new IllegalStateException("madoguchi.mail.from is not a valid address: " + from, e);
		}
	}

	private static String domain(String address) {
		int at = address.lastIndexOf('@');
		return at < 0 ? "madoguchi.invalid" : address.substring(at + 1);
	}
}
