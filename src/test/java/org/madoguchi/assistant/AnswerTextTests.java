package org.madoguchi.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.madoguchi.assistant.AnswerText.Piece;

class AnswerTextTests {

	@Test
	void addressesEndWhereJapaneseOrSentencePunctuationBegins() {
		assertThat(AnswerText.pieces("詳しくはhttps://www.city.example.jp/a/b.html?x=1をご覧ください。")).containsExactly(
				new Piece("詳しくは", null),
				new Piece("https://www.city.example.jp/a/b.html?x=1", "https://www.city.example.jp/a/b.html?x=1"),
				new Piece("をご覧ください。", null));
		assertThat(AnswerText.pieces("See https://example.jp/faq. Or (https://example.jp/a_(b)).")).containsExactly(
				new Piece("See ", null), new Piece("https://example.jp/faq", "https://example.jp/faq"),
				new Piece(". Or (", null), new Piece("https://example.jp/a_(b)", "https://example.jp/a_(b)"),
				new Piece(").", null));
	}

	@Test
	void onlyHttpAddressesBecomeLinks() {
		assertThat(AnswerText.pieces("javascript:alert(1) data:text/html,x ftp://example.jp https://"))
			.containsExactly(new Piece("javascript:alert(1) data:text/html,x ftp://example.jp https://", null));
		assertThat(AnswerText.lines("一行目\r\n二行目\n\n四行目")).hasSize(4);
		assertThat(AnswerText.lines(null)).isEmpty();
	}

	@Test
	void phoneNumbersAndLinkTargets() {
		assertThat(AnswerText.tel("043-201-1211")).isEqualTo("tel:0432011211");
		assertThat(AnswerText.tel("")).isNull();
		assertThat(AnswerText.safeHref("https://www.city.example.jp/form")).isEqualTo("https://www.city.example.jp/form");
		assertThat(AnswerText.safeHref("/portal/procedures/juminhyo-copy")).isEqualTo("/portal/procedures/juminhyo-copy");
		for (String bad : List.of("javascript:alert(1)", "//evil.example/x", "/\\evil.example", "data:text/html,x")) {
			assertThat(AnswerText.safeHref(bad)).as(bad).isNull();
		}
	}
}
