package org.madoguchi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.madoguchi.notification.DevMailboxController.DevMail;
import org.madoguchi.notification.DevMailboxController.Segment;
import org.madoguchi.notification.JdbcOutbox.Kind;
import org.madoguchi.notification.JdbcOutbox.OutboxMail;

/** The file transport writes RFC 822 files that a mail program (here JavaMail) reads back. */
class FileTransportTests {

	@TempDir
	Path dir;

	final MailComposer composer = new MailComposer(
			new NotificationProperties("東雲野市 オンライン窓口 <no-reply@shinonome.example.jp>", null, null, null, null, null));

	@Test
	void writesAParseableEmlFile() throws Exception {
		FileMailTransport transport = new FileMailTransport(dir.resolve("mail"));
		OutboxMail mail = new OutboxMail(42, Kind.ACCOUNT_VERIFICATION, "acc", "taro@example.jp", "ja",
				"【東雲野市】メールアドレスの確認のお願い", "東雲 太郎 様\n\n次のリンクを開いてください。\nhttps://portal.example.jp/portal/verify?token=abc。\n",
				0, Instant.parse("2026-04-01T00:00:00Z"), "token");
		transport.send(composer.compose(mail, Instant.now()), mail.id());

		List<Path> files;
		try (Stream<Path> list = Files.list(dir.resolve("mail"))) {
			files = list.toList();
		}
		assertThat(files).hasSize(1);
		assertThat(files.get(0).getFileName().toString()).endsWith("-000000000042.eml");
		try (InputStream in = Files.newInputStream(files.get(0))) {
			MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), in);
			assertThat(read.getSubject()).isEqualTo("【東雲野市】メールアドレスの確認のお願い");
			InternetAddress from = (InternetAddress) read.getFrom()[0];
			assertThat(from.getAddress()).isEqualTo("no-reply@shinonome.example.jp");
			assertThat(from.getPersonal()).isEqualTo("東雲野市 オンライン窓口");
			assertThat(read.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("taro@example.jp");
			assertThat(read.getMessageID()).isEqualTo("<notification-42." + mail.createdAt().toEpochMilli()
					+ "@shinonome.example.jp>");
			assertThat(read.getContentType()).containsIgnoringCase("charset=UTF-8");
			assertThat(((String) read.getContent()).replace("\r\n", "\n")).isEqualTo(mail.body());
		}

		List<DevMail> shown = new DevMailboxController(transport).read(dir.resolve("mail"));
		assertThat(shown).hasSize(1);
		assertThat(shown.get(0).subject()).isEqualTo(mail.subject());
		assertThat(shown.get(0).lines()).anySatisfy(line -> assertThat(line)
			.contains(new Segment("https://portal.example.jp/portal/verify?token=abc", true), new Segment("。", false)));
	}
}
