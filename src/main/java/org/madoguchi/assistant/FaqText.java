package org.madoguchi.assistant;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Text analysis shared by indexing and searching: NFKC normalisation (全角英数・半角カナ), kuromoji morphological
 * terms, katakana readings (読み) and character bigrams.
 */
final class FaqText {

	/** Kuromoji in search mode (compounds also split into parts), base forms, part-of-speech stop tags. */
	static final Analyzer MORPH = new JapaneseAnalyzer(null, JapaneseTokenizer.Mode.SEARCH,
			JapaneseAnalyzer.getDefaultStopSet(), stopTags());

	/**
	 * Kuromoji's default stop tags (particles, auxiliaries, symbols) plus parts of speech that name no topic in
	 * any question: dependent (非自立) nouns, verbs and adjectives ({@code こと}, {@code いる} in {@code ～している}),
	 * pronouns, prefixes ({@code お}, {@code ご}), adverbs, adnominals ({@code この}) and interjections.
	 */
	private static java.util.Set<String> stopTags() {
		java.util.Set<String> tags = new java.util.HashSet<>(JapaneseAnalyzer.getDefaultStopTags());
		tags.addAll(List.of("名詞-非自立", "名詞-非自立-一般", "名詞-非自立-副詞可能", "名詞-非自立-助動詞語幹",
				"名詞-非自立-形容動詞語幹", "動詞-非自立", "形容詞-非自立", "名詞-代名詞", "名詞-代名詞-一般", "接頭詞",
				"接頭詞-名詞接続", "副詞", "副詞-一般", "副詞-助詞類接続", "連体詞", "感動詞"));
		return tags;
	}

	/** Overlapping character bigrams: finds words kuromoji splits differently or does not know. */
	static final Analyzer BIGRAM = new Analyzer() {
		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new StandardTokenizer();
			TokenStream ts = new CJKWidthFilter(source);
			ts = new LowerCaseFilter(ts);
			ts = new CJKBigramFilter(ts);
			return new TokenStreamComponents(source, ts);
		}
	};

	private FaqText() {
	}

	/** NFKC (width folding), lower case, and the FAQ export's line-break marker turned into a space. */
	static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String t = text.replace("＜改＞", " ");
		return Normalizer.normalize(t, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	/** Distinct terms of {@code text} under {@code analyzer}, in order of appearance. */
	static List<String> terms(Analyzer analyzer, String field, String text) {
		Set<String> out = new LinkedHashSet<>();
		try (TokenStream ts = analyzer.tokenStream(field, text)) {
			CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
			ts.reset();
			while (ts.incrementToken()) {
				out.add(term.toString());
			}
			ts.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new ArrayList<>(out);
	}

	/**
	 * The katakana reading (読み) of the whole text: each kuromoji token replaced by its reading, hiragana folded
	 * to katakana. Indexed as bigrams, so a query typed in hiragana ({@code じゅうみんひょう}) meets a question
	 * written in kanji ({@code 住民票}) however either side was segmented.
	 */
	static String reading(String normalized) {
		StringBuilder sb = new StringBuilder(normalized.length() * 2);
		try (JapaneseTokenizer tok = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL)) {
			tok.setReader(new StringReader(normalized));
			CharTermAttribute term = tok.addAttribute(CharTermAttribute.class);
			ReadingAttribute reading = tok.addAttribute(ReadingAttribute.class);
			tok.reset();
			while (tok.incrementToken()) {
				String r = reading.getReading();
				sb.append(r != null ? r : toKatakana(term.toString()));
			}
			tok.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return sb.toString();
	}

	static String toKatakana(String s) {
		StringBuilder sb = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			sb.append(c >= 'ぁ' && c <= 'ゖ' ? (char) (c + 0x60) : c);
		}
		return sb.toString();
	}
}
