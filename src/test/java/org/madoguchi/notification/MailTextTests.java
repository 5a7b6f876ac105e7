package org.madoguchi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.madoguchi.notification.NotificationTexts.Rendered;
import org.madoguchi.notification.NotificationTexts.Template;

class MailTextTests {

	@Test
	void placeholdersAreFilledLiterallyAndValuesAreNotExpandedAgain() {
		String filled = MailText.fill("{applicantName} 様 {unknown} '{fee}' {reason", Map.of("applicantName",
				"{reason} O'Brien", "fee", "600円", "reason", "x"));
		assertThat(filled).isEqualTo("{reason} O'Brien 様 {unknown} '600円' {reason");
	}

	@Test
	void aSubjectIsOneLineWithoutControlCharactersAndAtMost200Characters() {
		assertThat(MailText.subject("件名\r\nBcc: victim@example.jp\t終わり")).isEqualTo("件名 Bcc: victim@example.jp 終わり");
		String longSubject = MailText.subject("あ".repeat(300));
		assertThat(longSubject).hasSize(200).endsWith("…");
	}

	@Test
	void truncationNeverSplitsASurrogatePair() {
		String s = "a" + "𠮷".repeat(10);
		String cut = MailText.truncate(s, 5);
		assertThat(cut).isEqualTo("a𠮷…");
		assertThat(MailText.cut("𠮷𠮷", 3)).isEqualTo("𠮷");
	}

	@Test
	void cleanKeepsLinesAndRemovesControlAndBidiCharacters() {
		assertThat(MailText.clean("一行目\r\n二行目\u0007\u202Eevil")).isEqualTo("一行目\n二行目evil");
	}

	@Test
	void aLongReasonIsShortenedInEveryPlaceItIsUsedAndTheRestStaysWhole() {
		Template t = new Template("件名", "理由：{reason}\n再掲：{reason}\n{portalUrl}");
		String reason = "x".repeat(30_000);
		Rendered r = NotificationTexts.render(t, Map.of("reason", reason, "portalUrl", "https://p/a/1"), "フッター");
		assertThat(r.body().length()).isLessThanOrEqualTo(MailText.MAX_BODY);
		assertThat(r.body()).contains("https://p/a/1").endsWith("フッター\n").contains("x…\n再掲：x");
	}

	@Test
	void aBodyThatIsTooLongWithoutAReasonIsCutAtTheEnd() {
		Rendered r = NotificationTexts.render(new Template("s", "y".repeat(25_000)), Map.of(), null);
		assertThat(r.body()).hasSize(MailText.MAX_BODY).endsWith("…");
	}
}
