package org.madoguchi.assistant;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Synonym groups (同義語辞書) used to widen a query: the SudachiDict synonym file (26,000 groups of general
 * Japanese, vendored under {@code assistant/synonyms/}) and the project's own {@link MunicipalSynonyms}.
 *
 * <p>A group holds vocabularies (語彙), a vocabulary holds forms: spelling variants and abbreviations of one word
 * ({@code 引っ越し, 引越し, 引越}) are forms of one vocabulary, near synonyms ({@code 転居}, {@code 転宅}) are other
 * vocabularies of the group. The engine weighs the two kinds differently: a variant says the same thing, a near
 * synonym only something close.
 *
 * <p>Immutable and thread-safe; load it once ({@link #standard()}) and share it between engines: it is the
 * largest part of an engine's memory.
 */
public final class SynonymDictionary {

	static final String SUDACHI = "/assistant/synonyms/sudachi-synonyms.txt";

	/** Words longer than this are not looked up (the longest span of tokens tried is shorter anyway). */
	static final int MAX_WORD_CHARS = 24;

	/** A span of at most this many kuromoji tokens is looked up as one word ({@code 粗大 + ごみ}). */
	private static final int MAX_SPAN_TOKENS = 4;

	/** A word found in more groups than this is too ambiguous to expand ({@code かける}). */
	private static final int MAX_GROUPS_PER_WORD = 2;

	/** Vocabularies of the groups: {@code vocabularies[v]} = forms, the first char '^' = never a trigger. */
	private final String[][] vocabularies;

	/** The vocabularies of each group, as indexes into {@link #vocabularies}. */
	private final int[][] groups;

	/** Word → encoded (group << 8 | vocabulary index within the group) of each group it is a trigger in. */
	private final Map<String, int[]> index;

	private SynonymDictionary(List<List<List<String>>> all) {
		List<String[]> vocabs = new ArrayList<>();
		this.groups = new int[all.size()][];
		Map<String, int[]> idx = new HashMap<>(all.size() * 4);
		for (int g = 0; g < all.size(); g++) {
			List<List<String>> group = all.get(g);
			int[] members = new int[Math.min(group.size(), 255)];
			for (int v = 0; v < members.length; v++) {
				String[] forms = group.get(v).toArray(String[]::new);
				members[v] = vocabs.size();
				vocabs.add(forms);
				for (String f : forms) {
					if (f.startsWith("^") || f.length() > MAX_WORD_CHARS) {
						continue;
					}
					int code = g << 8 | v;
					int[] old = idx.get(f);
					if (old == null) {
						idx.put(f, new int[] { code });
					}
					else if (Arrays.stream(old).noneMatch(c -> c == code)) {
						int[] n = Arrays.copyOf(old, old.length + 1);
						n[old.length] = code;
						idx.put(f, n);
					}
				}
			}
			groups[g] = members;
		}
		this.vocabularies = vocabs.toArray(String[][]::new);
		this.index = idx;
	}

	/** The dictionary shipped with the application, loaded on first use and shared by every engine. */
	public static SynonymDictionary standard() {
		return Holder.STANDARD;
	}

	/** Only the project's municipal groups (no SudachiDict): small, for tests and for tenants that want less. */
	public static SynonymDictionary municipalOnly() {
		return new SynonymDictionary(MunicipalSynonyms.groups());
	}

	/** No synonyms at all. */
	public static SynonymDictionary none() {
		return new SynonymDictionary(List.of());
	}

	private static final class Holder {

		static final SynonymDictionary STANDARD = load();

		private static SynonymDictionary load() {
			List<List<List<String>>> all = new ArrayList<>(MunicipalSynonyms.groups());
			try (InputStream in = SynonymDictionary.class.getResourceAsStream(SUDACHI)) {
				if (in == null) {
					throw new IllegalStateException("missing resource " + SUDACHI);
				}
				all.addAll(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new SynonymDictionary(all);
		}
	}

	/**
	 * Reads the vendored format: one group per line, vocabularies separated by TAB, forms by ','; '#' starts a
	 * comment line.
	 */
	static List<List<List<String>>> parse(BufferedReader reader) throws IOException {
		List<List<List<String>>> out = new ArrayList<>();
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			List<List<String>> group = new ArrayList<>();
			for (String vocab : line.split("\t")) {
				List<String> forms = new ArrayList<>();
				for (String f : vocab.split(",")) {
					if (!f.isBlank()) {
						forms.add(f.strip().intern());
					}
				}
				if (!forms.isEmpty()) {
					group.add(List.copyOf(forms));
				}
			}
			out.add(group);
		}
		return out;
	}

	int groupCount() {
		return groups.length;
	}

	/** A word to add to the query: {@code variant} when it is another form of a word of the text. */
	record Expansion(String word, boolean variant) {
	}

	/**
	 * The synonyms of the words of {@code text} that the text does not contain already. Words are looked up as
	 * spans of one to four consecutive kuromoji tokens (so a compound split by kuromoji is still found, and a
	 * word is never matched inside another one), the last token also in its base form ({@code 引っ越した} →
	 * {@code 引っ越す}). Single characters are ambiguous ({@code 市}, {@code 家}) and never looked up.
	 */
	List<Expansion> expand(String text, List<FaqText.Token> tokens, int maxWords) {
		Map<String, Boolean> out = new LinkedHashMap<>();
		int n = tokens.size();
		for (int i = 0; i < n && out.size() < maxWords; i++) {
			int start = tokens.get(i).start();
			for (int j = Math.min(n - 1, i + MAX_SPAN_TOKENS - 1); j >= i; j--) {
				FaqText.Token last = tokens.get(j);
				if (j > i && tokens.get(j - 1).end() != last.start()) {
					continue; // not contiguous (a space or punctuation between)
				}
				if (i == j && !last.indexed()) {
					continue; // a particle or auxiliary on its own
				}
				String surface = text.substring(start, last.end());
				String base = text.substring(start, last.start()) + last.base();
				int[] codes = lookup(surface);
				if (codes == null && !base.equals(surface)) {
					codes = lookup(base);
				}
				if (codes == null) {
					continue;
				}
				for (int code : codes) {
					int[] members = groups[code >>> 8];
					int own = code & 0xff;
					for (int v = 0; v < members.length; v++) {
						for (String f : vocabularies[members[v]]) {
							String w = f.startsWith("^") ? f.substring(1) : f;
							if (!text.contains(w) && out.size() < maxWords) {
								out.merge(w, v == own, Boolean::logicalOr);
							}
						}
					}
				}
				break; // the longest word starting here wins
			}
		}
		List<Expansion> list = new ArrayList<>(out.size());
		out.forEach((w, variant) -> list.add(new Expansion(w, variant)));
		return list;
	}

	private int[] lookup(String word) {
		if (word.length() < 2 || word.length() > MAX_WORD_CHARS) {
			return null;
		}
		int[] codes = index.get(word);
		return codes == null || codes.length > MAX_GROUPS_PER_WORD ? null : codes;
	}
}
