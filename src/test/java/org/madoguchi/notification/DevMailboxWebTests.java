package org.madoguchi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.madoguchi.accounts.ResidentAccountRegistered;

/**
 * start-dev's flow for a newcomer: the verification mail is written as a file (the dev profile's
 * transport) and the development mailbox shows it with the link clickable. The demo city is not
 * generated, and the scheduled sender is slowed down so that this context does not send other tests' mail.
 */
@SpringBootTest(properties = { "madoguchi.citygen.seed-on-first-start=0", "madoguchi.mail.send-interval=PT24H" })
@ActiveProfiles({ "test", "dev" })
@AutoConfigureMockMvc
class DevMailboxWebTests {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", () -> dataDir.toString());
		// the dev profile keeps the log's keys in the data directory; this context shares the test database, whose
		// log must stay verifiable with the test keys
		registry.add("madoguchi.ledger.dev-key-file", () -> "target/test-data/ledger-dev/signing.key");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	MailOutbox mailOutbox;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theVerificationMailIsWrittenAsAFileAndItsLinkIsClickableInTheDevMailbox() throws Exception {
		String email = "dev" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
		String link = "http://localhost:8080/portal/verify?token=" + UUID.randomUUID();
		new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(
				new ResidentAccountRegistered(UUID.randomUUID(), email, "<新人> 太郎", "ja", link)));
		mailOutbox.sendDueNow();

		try (var files = Files.list(dataDir.resolve("mail"))) {
			assertThat(files.filter(f -> f.toString().endsWith(".eml")).count()).isPositive();
		}
		String page = mvc.perform(get("/portal/dev/mailbox").with(user("newcomer").roles("RESIDENT")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<h1>開発用メールボックス</h1>")
			.contains(email)
			.contains("【東雲野市】メールアドレスの確認のお願い")
			.contains("<a class=\"dads-link\" href=\"" + link + "\">" + link + "</a>")
			.contains("&lt;新人&gt; 太郎 様")
			.doesNotContain("<新人>");
		assertThat(page.indexOf(email)).isLessThan(page.indexOf("</article>"));
	}
}
