package org.madoguchi.accounts;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Hiragana in Hepburn romaji (ローマ字), as residents spell their name in a password: しののめ → shinonome,
 * たろう → tarou and taro (long vowels written out or not), きょうこ → kyouko and kyoko. Only for the password
 * check; characters that are not hiragana are dropped.
 */
final class Romaji {

	private static final Map<Character, String> KANA = Map.ofEntries(Map.entry('あ', "a"), Map.entry('い', "i"),
			Map.entry('う', "u"), Map.entry('え', "e"), Map.entry('お', "o"), Map.entry('か', "ka"), Map.entry('き', "ki"),
			Map.entry('く', "ku"), Map.entry('け', "ke"), Map.entry('こ', "ko"), Map.entry('さ', "sa"), Map.entry('し', "shi"),
			Map.entry('す', "su"), Map.entry('せ', "se"), Map.entry('そ', "so"), Map.entry('た', "ta"), Map.entry('ち', "chi"),
			Map.entry('つ', "tsu"), Map.entry('て', "te"), Map.entry('と', "to"), Map.entry('な', "na"), Map.entry('に', "ni"),
			Map.entry('ぬ', "nu"), Map.entry('ね', "ne"), Map.entry('の', "no"), Map.entry('は', "ha"), Map.entry('ひ', "hi"),
			Map.entry('ふ', "fu"), Map.entry('へ', "he"), Map.entry('ほ', "ho"), Map.entry('ま', "ma"), Map.entry('み', "mi"),
			Map.entry('む', "mu"), Map.entry('め', "me"), Map.entry('も', "mo"), Map.entry('や', "ya"), Map.entry('ゆ', "yu"),
			Map.entry('よ', "yo"), Map.entry('ら', "ra"), Map.entry('り', "ri"), Map.entry('る', "ru"), Map.entry('れ', "re"),
			Map.entry('ろ', "ro"), Map.entry('わ', "wa"), Map.entry('ゐ', "i"), Map.entry('ゑ', "e"), Map.entry('を', "o"),
			Map.entry('ん', "n"), Map.entry('が', "ga"), Map.entry('ぎ', "gi"), Map.entry('ぐ', "gu"), Map.entry('げ', "ge"),
			Map.entry('ご', "go"), Map.entry('ざ', "za"), Map.entry('じ', "ji"), Map.entry('ず', "zu"), Map.entry('ぜ', "ze"),
			Map.entry('ぞ', "zo"), Map.entry('だ', "da"), Map.entry('ぢ', "ji"), Map.entry('づ', "zu"), Map.entry('で', "de"),
			Map.entry('ど', "do"), Map.entry('ば', "ba"), Map.entry('び', "bi"), Map.entry('ぶ', "bu"), Map.entry('べ', "be"),
			Map.entry('ぼ', "bo"), Map.entry('ぱ', "pa"), Map.entry('ぴ', "pi"), Map.entry('ぷ', "pu"), Map.entry('ぺ', "pe"),
			Map.entry('ぽ', "po"), Map.entry('ゔ', "vu"));

	private Romaji() {
	}

	/** The spellings of a hiragana word: with long vowels written out, and without (ou → o, uu → u). */
	static Set<String> of(String hiragana) {
		StringBuilder out = new StringBuilder();
		boolean doubleNext = false;
		for (char c : hiragana.toCharArray()) {
			String r = KANA.get(c);
			int last = out.length() - 1;
			if (r != null) {
				if (doubleNext) {
					out.append(r.startsWith("ch") ? 't' : r.charAt(0)); // っ: がっこう → gakkou, まっちゃ → matcha
					doubleNext = false;
				}
				out.append(r);
			}
			else if (c == 'っ') {
				doubleNext = true;
			}
			else if ((c == 'ゃ' || c == 'ゅ' || c == 'ょ') && last > 0 && out.charAt(last) == 'i') {
				// きゃ → kya, しゃ → sha, ちゃ → cha, じゃ → ja
				boolean palatal = out.length() >= 2 && (out.charAt(last - 1) == 'h' || out.charAt(last - 1) == 'j');
				out.setLength(last);
				out.append(palatal ? "" : "y").append(c == 'ゃ' ? 'a' : c == 'ゅ' ? 'u' : 'o');
			}
			else if ((c == 'ぁ' || c == 'ぃ' || c == 'ぅ' || c == 'ぇ' || c == 'ぉ') && last >= 0) {
				// ふぁ → fa, てぃ → ti
				out.setLength(last);
				out.append(KANA.get((char) (c + 1)));
			}
			else if (c == 'ー' && last >= 0) {
				out.append(out.charAt(last));
			}
		}
		Set<String> spellings = new LinkedHashSet<>();
		String full = out.toString();
		spellings.add(full);
		spellings.add(full.replace("ou", "o").replace("uu", "u").replace("oo", "o").replace("aa", "a")
			.replace("ii", "i").replace("ee", "e"));
		return spellings;
	}
}
