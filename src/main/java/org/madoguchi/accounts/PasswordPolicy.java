package org.madoguchi.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.madoguchi.platform.FieldError;
import org.springframework.stereotype.Component;

/**
 * The rules for a new password (パスワード), after NIST SP 800-63B rev. 4 (§3.1.1.2): a length
 * counted in Unicode code points of the NFKC form, no composition rules (no "one digit, one capital"),
 * and a check against values that are easy to guess. Applied at registration, change and reset; never
 * at sign-in, so that a password chosen under an older rule keeps working.
 *
 * <p><b>15 characters, not 12.</b> Rev. 4 asks for at least 15 characters where the password is the
 * only factor and allows 8 where it is one of two. Here the second factor (TOTP) is optional and can be
 * switched off again without choosing a new password, so every password may end up the only factor:
 * one minimum of {@value #MIN} for everybody is both safe and simple to explain. The maximum is
 * {@value #MAX} (rev. 4: at least 64), which bounds the work of hashing.
 *
 * <p><b>Easy to guess</b> means the password, read without case, spaces and punctuation (and once more
 * with look-alike digits and signs read as letters, p4ssw0rd, p@$$word), is made up entirely of at most two words of the
 * project's list ({@code accounts/common-passwords.txt}: common passwords, romaji and kana words, the
 * city's and the service's names) or the resident's own data (email address, name, フリガナ and its romaji),
 * plus keyboard and alphabet runs, repeated characters and at most two groups of up to four digits (a
 * year, a birthday). A whole password repeated ("sakurasakura…") counts as once; one of up to four
 * characters repeated ("aaaa…", "xy7xy7…") is refused whatever it is. Three list words in a
 * row are accepted: the list is short, and a passphrase of three words is far from the common choices.
 */
@Component
class PasswordPolicy {

	static final int MIN = 15;
	static final int MAX = 128;
	/** What sign-in reads at most; a longer input is refused without hashing it. */
	static final int MAX_INPUT = MAX * 2;

	/** Why a password is refused as easy to guess; the message names {@link Finding#part()}. */
	enum Weakness {
		PERSONAL, COMMON, SEQUENCE, REPEATED
	}

	record Finding(Weakness weakness, String part) {
	}

	/** Keyboard rows and columns (JIS/US layout), the alphabet, digits and the kana orders, read both ways. */
	private static final List<String> SEQUENCES = List.of("abcdefghijklmnopqrstuvwxyz", "01234567890",
			"qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "qazwsxedcrfvtgbyhnujmikolp",
			"1q2w3e4r5t6y7u8i9o0p", "qawsedrftgyhujikolp",
			"あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん",
			"いろはにほへとちりぬるをわかよたれそつねならむうゐのおくやまけふこえてあさきゆめみしゑひもせす");

	private static final Map<Integer, Integer> LOOK_ALIKES = Map.of((int) '0', (int) 'o', (int) '1', (int) 'i',
			(int) '3', (int) 'e', (int) '4', (int) 'a', (int) '5', (int) 's', (int) '7', (int) 't', (int) '@', (int) 'a',
			(int) '$', (int) 's');

	private static final int MAX_WORDS = 2;
	private static final int MAX_DIGIT_GROUPS = 2;
	private static final int DIGIT_GROUP = 4;
	/** A password that is one piece this short, repeated, is refused whatever the piece. */
	private static final int SHORT_UNIT = 4;

	private final Set<String> words;

	PasswordPolicy() {
		this(load("accounts/common-passwords.txt"));
	}

	PasswordPolicy(Set<String> words) {
		this.words = Set.copyOf(words);
	}

	/** The form a password is hashed and compared in (rev. 4: NFKC), so that 全角 and 半角 are one password. */
	static String normalize(String password) {
		return password == null ? "" : Normalizer.normalize(password, Normalizer.Form.NFKC);
	}

	/**
	 * Checks a new password typed twice; adds errors for {@code field} and {@code confirmField}.
	 * Passwords are taken exactly as typed (no trimming) and compared in their NFKC form.
	 *
	 * @param personal the resident's data the password must not be made of
	 */
	void check(String field, String password, String confirmField, String confirm, Personal personal,
			List<FieldError> errors) {
		String normalized = normalize(password);
		int length = normalized.codePointCount(0, normalized.length());
		if (length == 0) {
			errors.add(FieldError.of(field, "accounts.error.required"));
		}
		else if (length < MIN) {
			errors.add(FieldError.of(field, "accounts.error.passwordShort", MIN));
		}
		else if (length > MAX) {
			errors.add(FieldError.of(field, "accounts.error.passwordLong", MAX));
		}
		else if (personal.email() != null && normalized.strip().equalsIgnoreCase(personal.email())) {
			errors.add(FieldError.of(field, "accounts.error.passwordEmail"));
		}
		else {
			weakness(normalized, personal).ifPresent(f -> errors.add(FieldError.of(field,
					"accounts.error.password" + switch (f.weakness()) {
						case PERSONAL -> "Personal";
						case COMMON -> "Common";
						case SEQUENCE -> "Sequence";
						case REPEATED -> "Repeated";
					}, f.part())));
		}
		if (confirm == null || confirm.isEmpty()) {
			errors.add(FieldError.of(confirmField, "accounts.error.required"));
		}
		else if (length > 0 && !normalize(confirm).equals(normalized)) {
			errors.add(FieldError.of(confirmField, "accounts.error.passwordMismatch"));
		}
	}

	/** Why the (normalised) password is easy to guess, or empty. */
	Optional<Finding> weakness(String password, Personal personal) {
		Set<String> own = personal.words();
		Optional<Finding> plain = weakness(skeleton(password, false), own);
		return plain.isPresent() ? plain : weakness(skeleton(password, true), own);
	}

	private Optional<Finding> weakness(String skeleton, Set<String> own) {
		int[] s = skeleton.codePoints().toArray();
		if (s.length == 0) {
			return Optional.empty();
		}
		int unit = period(s);
		boolean repeated = unit < s.length;
		String whole = new String(s, 0, s.length);
		List<Segment> cover = cover(Arrays.copyOf(s, unit), own);
		if (cover == null) {
			return repeated && unit <= SHORT_UNIT ? Optional.of(new Finding(Weakness.REPEATED, abbreviate(whole)))
					: Optional.empty();
		}
		for (Weakness w : List.of(Weakness.PERSONAL, Weakness.COMMON)) {
			for (Segment seg : cover) {
				if (seg.kind() == w) {
					return Optional.of(new Finding(w, seg.text()));
				}
			}
		}
		boolean sequence = cover.stream().anyMatch(seg -> seg.kind() == Weakness.SEQUENCE);
		return Optional.of(new Finding(repeated || !sequence ? Weakness.REPEATED : Weakness.SEQUENCE,
				abbreviate(whole)));
	}

	/** A piece of the password and what kind of guessable piece it is ({@code null}: a group of digits). */
	private record Segment(Weakness kind, String text) {
	}

	/**
	 * The cheapest split of {@code s} into guessable pieces, using at most {@value #MAX_WORDS} words and
	 * {@value #MAX_DIGIT_GROUPS} digit groups, or null when there is none (dynamic programming over the
	 * position and the digit groups used, minimising the words).
	 */
	private List<Segment> cover(int[] s, Set<String> own) {
		int n = s.length;
		int inf = Integer.MAX_VALUE;
		int[][] cost = new int[n + 1][MAX_DIGIT_GROUPS + 1];
		int[][] from = new int[n + 1][MAX_DIGIT_GROUPS + 1];
		Segment[][] via = new Segment[n + 1][MAX_DIGIT_GROUPS + 1];
		for (int[] row : cost) {
			Arrays.fill(row, inf);
		}
		cost[0][0] = 0;
		for (int i = 0; i < n; i++) {
			for (int d = 0; d <= MAX_DIGIT_GROUPS; d++) {
				if (cost[i][d] == inf) {
					continue;
				}
				int c = cost[i][d];
				for (int j = i + 2; j <= n; j++) {
					String sub = new String(s, i, j - i);
					boolean longEnough = j - i >= 3 || sub.chars().anyMatch(ch -> ch > 0x7f);
					if (longEnough && own.contains(sub)) {
						relax(cost, from, via, i, d, j, d, c + 1, new Segment(Weakness.PERSONAL, sub));
					}
					else if (longEnough && words.contains(sub)) {
						relax(cost, from, via, i, d, j, d, c + 1, new Segment(Weakness.COMMON, sub));
					}
				}
				for (int j = i + 2; j <= n && s[j - 1] == s[i]; j++) {
					relax(cost, from, via, i, d, j, d, c, new Segment(Weakness.REPEATED, new String(s, i, j - i)));
				}
				for (int j = i + 3; j <= n && inSequence(new String(s, i, j - i)); j++) {
					relax(cost, from, via, i, d, j, d, c, new Segment(Weakness.SEQUENCE, new String(s, i, j - i)));
				}
				if (d < MAX_DIGIT_GROUPS) {
					for (int j = i + 1; j <= Math.min(n, i + DIGIT_GROUP) && Character.isDigit(s[j - 1]); j++) {
						relax(cost, from, via, i, d, j, d + 1, c, new Segment(null, new String(s, i, j - i)));
					}
				}
			}
		}
		int best = -1;
		for (int d = 0; d <= MAX_DIGIT_GROUPS; d++) {
			if (cost[n][d] <= MAX_WORDS && (best < 0 || cost[n][d] < cost[n][best])) {
				best = d;
			}
		}
		if (best < 0) {
			return null;
		}
		List<Segment> path = new ArrayList<>();
		for (int pos = n, d = best; pos > 0;) {
			Segment seg = via[pos][d];
			path.add(0, seg);
			int prev = from[pos][d];
			d = seg.kind() == null ? d - 1 : d;
			pos = prev;
		}
		return path;
	}

	private static void relax(int[][] cost, int[][] from, Segment[][] via, int i, int d, int j, int dj, int c,
			Segment seg) {
		if (c < cost[j][dj]) {
			cost[j][dj] = c;
			from[j][dj] = i;
			via[j][dj] = seg;
		}
	}

	private static boolean inSequence(String sub) {
		String reversed = new StringBuilder(sub).reverse().toString();
		for (String line : SEQUENCES) {
			if (line.contains(sub) || line.contains(reversed)) {
				return true;
			}
		}
		return false;
	}

	/** The shortest unit the whole string repeats ("abcabc" → 3); the length itself when none. */
	private static int period(int[] s) {
		outer: for (int p = 1; p <= s.length / 2; p++) {
			if (s.length % p != 0) {
				continue;
			}
			for (int i = p; i < s.length; i++) {
				if (s[i] != s[i - p]) {
					continue outer;
				}
			}
			return p;
		}
		return s.length;
	}

	private static String abbreviate(String s) {
		return s.codePointCount(0, s.length()) <= 12 ? s : s.substring(0, s.offsetByCodePoints(0, 12)) + "…";
	}

	/**
	 * The password as the check reads it: lower case, letters and digits only (spaces, punctuation and
	 * symbols go), katakana as hiragana; with {@code lookAlikes}, 0 as o, 4 and @ as a, and so on.
	 */
	static String skeleton(String text, boolean lookAlikes) {
		StringBuilder b = new StringBuilder(text.length());
		normalize(text).toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
			int c = lookAlikes ? LOOK_ALIKES.getOrDefault(cp, cp) : cp;
			if (c >= 0x30A1 && c <= 0x30F6) {
				c -= 0x60; // カタカナ → ひらがな
			}
			if (Character.isLetterOrDigit(c)) {
				b.appendCodePoint(c);
			}
		});
		return b.toString();
	}

	private static Set<String> load(String resource) {
		Set<String> words = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line; (line = reader.readLine()) != null;) {
				String entry = line.strip();
				if (!entry.isEmpty() && !entry.startsWith("#")) {
					words.add(skeleton(entry, false));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return words;
	}

	/**
	 * What the resident told about themselves, from which a password must not be made: the email address
	 * (whole, its local part and the pieces of both), the name (氏名) and the フリガナ, in hiragana and romaji.
	 */
	record Personal(String email, String name, String kana) {

		static final Personal NONE = new Personal(null, null, null);

		static Personal of(String email, ResidentProfile profile) {
			return profile == null ? new Personal(email, null, null) : new Personal(email, profile.name(), profile.kana());
		}

		Set<String> words() {
			Set<String> out = new HashSet<>();
			if (email != null && !email.isBlank()) {
				String lower = email.toLowerCase(Locale.ROOT);
				addWithPieces(out, lower);
				int at = lower.indexOf('@');
				if (at > 0) {
					addWithPieces(out, lower.substring(0, at));
				}
			}
			for (String text : new String[] { name, kana }) {
				if (text != null && !text.isBlank()) {
					addWithPieces(out, text);
				}
			}
			if (kana != null && !kana.isBlank()) {
				StringBuilder whole = new StringBuilder();
				for (String part : normalize(kana).strip().split("[\\s\u3000・]+")) {
					for (String r : Romaji.of(skeleton(part, false))) {
						out.add(r);
					}
					whole.append(skeleton(part, false));
				}
				out.addAll(Romaji.of(whole.toString()));
			}
			out.removeIf(String::isEmpty);
			return out;
		}

		private static void addWithPieces(Set<String> out, String text) {
			out.add(skeleton(text, false));
			for (String piece : normalize(text).split("[^\\p{L}\\p{N}]+")) {
				out.add(skeleton(piece, false));
				// letters without the digits around them (taro1985 → taro)
				out.add(skeleton(piece.replaceAll("\\p{N}+", ""), false));
			}
		}
	}
}
