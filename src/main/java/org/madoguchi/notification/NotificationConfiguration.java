package org.madoguchi.notification;

import java.nio.file.Path;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling for the outbox sender, and the mail transport chosen by {@code madoguchi.mail.transport}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

	@Bean
	MailTransport mailTransport(NotificationProperties properties, ObjectProvider<JavaMailSender> sender,
			@Value("${madoguchi.data-dir:./data}") String dataDir) {
		return switch (properties.transport()) {
			case FILE -> new FileMailTransport(Path.of(dataDir, "mail"));
			case SMTP -> new SmtpMailTransport(sender.getIfAvailable());
		};
	}
}
