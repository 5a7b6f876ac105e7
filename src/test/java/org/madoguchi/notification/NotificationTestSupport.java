package org.madoguchi.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.madoguchi.accounts.ResidentAccounts;
import org.madoguchi.applications.ApplicationStatus;
import org.madoguchi.applications.ApplicationStatusChanged;
import org.madoguchi.procedures.ProcedureCatalog;
import org.madoguchi.procedures.ProcedureDefinition;
import org.madoguchi.procedures.ProcedureVersion;
import org.madoguchi.procedures.ProcedureYaml;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

/**
 * One application context for the notification tests: a real SMTP server (GreenMail on a free port, one
 * for the whole run, so that the cached context always points at a live server), the procedure catalog and
 * the resident accounts mocked (their implementations live in other modules). The scheduled sender is
 * slowed down to once an hour: the tests send with {@link MailOutbox#sendDueNow()}, so what they see does
 * not depend on when the scheduler happens to run.
 */
@SpringBootTest(properties = { "madoguchi.mail.send-interval=PT1H",
		"madoguchi.public-url=https://portal.shinonome.example.jp/" })
@AutoConfigureMockMvc
abstract class NotificationTestSupport {

	static final int SMTP_PORT = freePort();

	static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static {
		SMTP.start();
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	// a spy of the real store (which is also the ProcedurePublisher the loader needs), with one answer fixed
	@org.springframework.test.context.bean.override.mockito.MockitoSpyBean
	ProcedureCatalog catalog;

	@MockitoBean
	ResidentAccounts accounts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	MailOutbox mailOutbox;

	@Autowired
	Inbox inbox;

	@Autowired
	JdbcTemplate jdbc;

	TransactionTemplate tx;

	@Autowired
	void transactions(PlatformTransactionManager transactions) {
		this.tx = new TransactionTemplate(transactions);
	}

	static final ProcedureVersion JUMINHYO = juminhyo();

	@BeforeEach
	void catalogHasTheJuminhyoExample() {
		org.mockito.Mockito.doReturn(Optional.of(JUMINHYO)).when(catalog).version(eq("juminhyo-copy"), anyInt());
	}

	static ProcedureVersion juminhyo() {
		try {
			String source = new ClassPathResource("procedures/juminhyo-copy.yml").getContentAsString(StandardCharsets.UTF_8);
			ProcedureDefinition definition = ProcedureYaml.parse(source);
			return new ProcedureVersion(definition.id(), 1, definition, source, ProcedureYaml.sha256(source),
					Instant.now(), "system");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String randomEmail() {
		return "t" + UUID.randomUUID().toString().substring(0, 12) + "@example.jp";
	}

	static String randomReceipt() {
		return "R8-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	static ApplicationStatusChanged changed(String procedureId, UUID account, String email, String language,
			ApplicationStatus to, String reason, Integer fee) {
		return new ApplicationStatusChanged(UUID.randomUUID(), randomReceipt(), procedureId, 1, account, email,
				"東雲 花子", language, ApplicationStatus.IN_REVIEW, to, reason, fee, Instant.now());
	}

	/** Publishes in a transaction that commits. */
	void publishCommitted(Object... events) {
		tx.executeWithoutResult(s -> Arrays.stream(events).forEach(this.events::publishEvent));
	}

	/** The mails GreenMail received for one address. */
	static List<MimeMessage> mailsTo(String email) {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage m : SMTP.getReceivedMessages()) {
			try {
				Address[] to = m.getAllRecipients();
				if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(email))) {
					found.add(m);
				}
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}
		return found;
	}

	/** Waits a little for mail that may still be on its way (GreenMail delivers asynchronously). */
	static List<MimeMessage> awaitMailsTo(String email, int expected) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		List<MimeMessage> found = mailsTo(email);
		while (found.size() < expected && System.nanoTime() < deadline) {
			Thread.sleep(50);
			found = mailsTo(email);
		}
		return found;
	}

	String outboxStatus(String email) {
		return jdbc.queryForObject("SELECT status FROM notification_outbox WHERE recipient = ?", String.class, email);
	}

	int outboxRows(String email) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE recipient = ?", Integer.class, email);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
