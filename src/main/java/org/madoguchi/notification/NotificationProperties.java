package org.madoguchi.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Mail settings ({@code madoguchi.mail.*}). The SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender address, e.g. {@code no-reply@shinonome.example.jp} or
 *     {@code 東雲野市 <no-reply@shinonome.example.jp>}; an unattended address (the footer says so)
 * @param transport {@code smtp} (the default) or {@code file}: each mail written as an RFC 822
 *     {@code .eml} file into {@code {madoguchi.data-dir}/mail/} (start-dev)
 * @param batchSize mails one sender claims at a time
 * @param claimTimeout how long a claim holds; a mail claimed by a sender that died is sent by another
 *     after this. Longer than a batch can take with the SMTP timeouts.
 * @param sendInterval pause between two runs of the scheduled sender
 * @param keepSent how long sent and failed mails stay in the outbox (for support questions)
 */
@ConfigurationProperties("madoguchi.mail")
record NotificationProperties(String from, Transport transport, Integer batchSize, Duration claimTimeout,
		Duration sendInterval, Duration keepSent) {

	static final String DEFAULT_FROM = "no-reply@shinonome.example.jp";

	enum Transport {
		SMTP, FILE
	}

	NotificationProperties {
		from = from == null || from.isBlank() ? DEFAULT_FROM : from.strip();
		transport = transport == null ? Transport.SMTP : transport;
		batchSize = batchSize == null ? 10 : Math.max(1, Math.min(batchSize, 100));
		claimTimeout = claimTimeout == null ? Duration.ofMinutes(10) : claimTimeout;
		sendInterval = sendInterval == null ? Duration.ofSeconds(5) : sendInterval;
		keepSent = keepSent == null ? Duration.ofDays(90) : keepSent;
	}
}
