package org.madoguchi.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Loading the vendored SudachiDict synonyms and looking words up in a text. */
class SynonymDictionaryTests {

	static List<SynonymDictionary.Expansion> expand(SynonymDictionary d, String text) {
		String n = FaqText.normalize(text);
		return d.expand(n, FaqText.analyze(n).tokens(), 50);
	}

	static List<String> words(List<SynonymDictionary.Expansion> x) {
		return x.stream().map(SynonymDictionary.Expansion::word).toList();
	}

	@Test
	void standardHoldsSudachiAndMunicipalGroups() {
		SynonymDictionary d = SynonymDictionary.standard();
		assertThat(d.groupCount()).isGreaterThan(26_000);
		assertThat(SynonymDictionary.standard()).isSameAs(d);
		assertThat(words(expand(d, "宛先"))).contains("送付先", "届け先");
	}

	@Test
	void variantsAreMarkedAndNearSynonymsAreNot() {
		List<SynonymDictionary.Expansion> x = expand(SynonymDictionary.municipalOnly(), "粗大ゴミの出し方");
		assertThat(x).contains(new SynonymDictionary.Expansion("粗大ごみ", true),
				new SynonymDictionary.Expansion("大型ごみ", false));
	}

	@Test
	void compoundsSplitByKuromojiAndInflectedVerbsAreFound() {
		SynonymDictionary d = SynonymDictionary.municipalOnly();
		// kuromoji splits 粗大ごみ into 粗大 + ごみ; the span of both tokens is the dictionary word
		assertThat(words(expand(d, "粗大ごみを出す"))).contains("大型ごみ");
		assertThat(words(expand(d, "来月引っ越す予定です"))).contains("転居", "転出");
		assertThat(words(expand(d, "先週引っ越した"))).contains("転居");
	}

	@Test
	void singleCharactersAndWordsInsideOtherWordsAreNotExpanded() throws Exception {
		SynonymDictionary d = SynonymDictionary.standard();
		// 市 alone is never looked up; 子 inside 電子 is not a word of the text
		assertThat(expand(d, "市")).isEmpty();
		assertThat(words(expand(d, "電子申請"))).doesNotContain("こども", "子供");
		assertThat(expand(SynonymDictionary.none(), "住民票")).isEmpty();
	}

	@Test
	void parsesTheVendoredFormat() throws Exception {
		var groups = SynonymDictionary.parse(new BufferedReader(new StringReader("# comment\n曖昧,あいまい\t不明確\n\n")));
		assertThat(groups).containsExactly(List.of(List.of("曖昧", "あいまい"), List.of("不明確")));
	}
}
