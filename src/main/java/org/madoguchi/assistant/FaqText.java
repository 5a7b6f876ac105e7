package org.madoguchi.assistant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.BaseFormAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Text analysis shared by indexing and searching: NFKC normalisation (全角英数・半角カナ), kuromoji morphological
 * terms, katakana readings (読み) and character bigrams.
 *
 * <p>One kuromoji pass ({@link #analyze}) gives everything a text needs: the index terms (base forms without
 * particles and other words that name no topic), the tokens with their offsets (to look words up in the synonym
 * dictionary) and the reading. The terms are then indexed through a whitespace analyzer ({@link #TERMS}), so a
 * text is never segmented twice: segmentation is the expensive part of indexing.
 */
final class FaqText {

	/** Kuromoji in search mode: compounds are split into their parts ({@code 住民票} → 住民 + 票). */
	private static final Analyzer KUROMOJI = new Analyzer() {
		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer t = new JapaneseTokenizer(null, true, true, JapaneseTokenizer.Mode.SEARCH);
			return new TokenStreamComponents(t);
		}
	};

	/** Index terms already produced by {@link #analyze}, separated by spaces. */
	static final Analyzer TERMS = new Analyzer() {
		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			return new TokenStreamComponents(new WhitespaceTokenizer());
		}
	};

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

	private static final CharArraySet STOP_WORDS = stopWords();

	private static final Set<String> STOP_TAGS = stopTags();

	/** One kuromoji token: surface form, base form (活用の基本形) and its offsets in the analysed text. */
	record Token(String surface, String base, int start, int end, boolean indexed) {
	}

	/**
	 * The result of one kuromoji pass: the index terms in text order (repeated as often as they occur, for term
	 * frequencies), every token, and the katakana reading of the whole text.
	 */
	record Analysis(List<String> terms, List<Token> tokens, String reading) {

		/** The terms separated by spaces, for {@link #TERMS}. */
		String joined() {
			return String.join(" ", terms);
		}

		/** The distinct terms, in order of first appearance. */
		List<String> distinct() {
			return new ArrayList<>(new LinkedHashSet<>(terms));
		}
	}

	/**
	 * Kuromoji's default stop words, plus verbs and adjectives that frame a question without naming its topic
	 * ({@code 教えてください}, {@code 知りたい}, {@code どうすればいいですか}): general Japanese, not taken from any
	 * query set.
	 */
	private static CharArraySet stopWords() {
		CharArraySet s = new CharArraySet(JapaneseAnalyzer.getDefaultStopSet(), false);
		s.addAll(List.of("教える", "知る", "思う", "くださる", "下さる", "いい", "よい", "良い", "欲しい", "ほしい", "分かる",
				"わかる", "聞く", "伺う", "尋ねる", "願う"));
		return s;
	}

	/**
	 * Kuromoji's default stop tags (particles, auxiliaries, symbols) plus parts of speech that name no topic in
	 * any question: dependent (非自立) nouns, verbs and adjectives ({@code こと}, {@code いる} in {@code ～している}),
	 * pronouns, prefixes ({@code お}, {@code ご}), adverbs, adnominals ({@code この}) and interjections.
	 */
	private static Set<String> stopTags() {
		Set<String> tags = new HashSet<>(JapaneseAnalyzer.getDefaultStopTags());
		tags.addAll(List.of("名詞-非自立", "名詞-非自立-一般", "名詞-非自立-副詞可能", "名詞-非自立-助動詞語幹",
				"名詞-非自立-形容動詞語幹", "動詞-非自立", "形容詞-非自立", "名詞-代名詞", "名詞-代名詞-一般", "接頭詞",
				"接頭詞-名詞接続", "副詞", "副詞-一般", "副詞-助詞類接続", "連体詞", "感動詞"));
		return tags;
	}

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

	/**
	 * Segments {@code normalized} once. Index terms: base forms, minus kuromoji's stop tags and stop words, with
	 * a long katakana word's final prolonged sound mark dropped ({@code コンピューター} = {@code コンピュータ}), as
	 * Lucene's {@code JapaneseAnalyzer} does. Reading: each token's reading, or the token itself in katakana when
	 * the dictionary has none, so a query typed in hiragana ({@code じゅうみんひょう}) meets a question written in
	 * kanji ({@code 住民票}) however either side was segmented.
	 */
	static Analysis analyze(String normalized) {
		List<String> terms = new ArrayList<>();
		List<Token> tokens = new ArrayList<>();
		StringBuilder reading = new StringBuilder(normalized.length() * 2);
		try (TokenStream ts = KUROMOJI.tokenStream("", normalized)) {
			CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
			BaseFormAttribute baseForm = ts.addAttribute(BaseFormAttribute.class);
			PartOfSpeechAttribute pos = ts.addAttribute(PartOfSpeechAttribute.class);
			ReadingAttribute readingAttr = ts.addAttribute(ReadingAttribute.class);
			ts.reset();
			while (ts.incrementToken()) {
				String surface = term.toString();
				String base = baseForm.getBaseForm();
				String r = readingAttr.getReading();
				reading.append(r != null ? r : toKatakana(surface));
				String t = base != null ? base : surface;
				String tag = pos.getPartOfSpeech();
				boolean indexed = (tag == null || !STOP_TAGS.contains(tag)) && !STOP_WORDS.contains(t);
				if (indexed) {
					terms.add(stemKatakana(t).toLowerCase(Locale.ROOT));
				}
				tokens.add(new Token(surface, base != null ? base : surface, offset.startOffset(),
						offset.endOffset(), indexed));
			}
			ts.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new Analysis(terms, tokens, reading.toString());
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

	/** The katakana reading (読み) of the whole text (see {@link #analyze}). */
	static String reading(String normalized) {
		return analyze(normalized).reading();
	}

	static String toKatakana(String s) {
		StringBuilder sb = null;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= 'ぁ' && c <= 'ゖ') {
				if (sb == null) {
					sb = new StringBuilder(s);
				}
				sb.setCharAt(i, (char) (c + 0x60));
			}
		}
		return sb == null ? s : sb.toString();
	}

	/** Lucene's katakana stemming: a katakana word of four letters or more loses a final {@code ー}. */
	private static String stemKatakana(String t) {
		int n = t.length();
		if (n < 4 || t.charAt(n - 1) != 'ー') {
			return t;
		}
		for (int i = 0; i < n; i++) {
			char c = t.charAt(i);
			if (c < 'ァ' || c > 'ヿ') {
				return t;
			}
		}
		return t.substring(0, n - 1);
	}
}
