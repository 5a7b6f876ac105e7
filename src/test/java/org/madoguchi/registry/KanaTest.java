package org.madoguchi.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KanaTest {

	@Test
	void hiraganaBecomesKatakana() {
		assertThat(Kana.normalize("やまだ　たろう")).isEqualTo("ヤマダ　タロウ");
		assertThat(Kana.normalize("ゔぃーな")).isEqualTo("ヴィーナ");
		assertThat(Kana.normalize("きょうこ")).isEqualTo("キョウコ");
	}

	@Test
	void halfWidthBecomesFullWidth() {
		assertThat(Kana.normalize("ﾔﾏﾀﾞ ﾀﾛｳ")).isEqualTo("ヤマダ　タロウ");
		assertThat(Kana.normalize("ｷｮｳｺ")).isEqualTo("キョウコ");
		assertThat(Kana.normalize("ﾊﾟｰﾙ")).isEqualTo("パール");
	}

	@Test
	void spacesAreFoldedToOneIdeographicSpace() {
		assertThat(Kana.normalize("  ヤマダ   タロウ  ")).isEqualTo("ヤマダ　タロウ");
		assertThat(Kana.normalize("ヤマダ　 　タロウ")).isEqualTo("ヤマダ　タロウ");
		assertThat(Kana.normalize(null)).isNull();
	}

	@Test
	void katakanaIsAccepted() {
		assertThat(Kana.isKatakana("ヤマダ　タロウ")).isTrue();
		assertThat(Kana.isKatakana("ヴィーナ")).isTrue();
		assertThat(Kana.isKatakana("ジョン・スミス")).isTrue();
		assertThat(Kana.isKatakana("")).isTrue();
		assertThat(Kana.isKatakana(null)).isTrue();
		assertThat(Kana.isKatakana(Kana.normalize("やまだ"))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "やまだ", "ヤマだ", "Yamada", "ﾔﾏﾀﾞ", "山田", "ヤマダ1", "ヤマダ-タロウ" })
	void otherScriptsAreRejected(String text) {
		assertThat(Kana.isKatakana(text)).isFalse();
	}

	@Test
	void searchKeyDropsSpaces() {
		assertThat(Kana.searchKey("ヤマダ", "タロウ")).isEqualTo("ヤマダタロウ");
		assertThat(Kana.searchKey("やまだ たろう")).isEqualTo("ヤマダタロウ");
		assertThat(Kana.searchKey("ﾔﾏﾀﾞ", null)).isEqualTo("ヤマダ");
	}
}
