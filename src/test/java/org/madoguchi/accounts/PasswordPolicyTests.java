package org.madoguchi.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.PasswordPolicy.Finding;
import org.madoguchi.accounts.PasswordPolicy.Personal;
import org.madoguchi.accounts.PasswordPolicy.Weakness;
import org.madoguchi.platform.FieldError;

/** The password rules on their own: lengths in code points of the NFKC form, and what counts as easy to guess. */
class PasswordPolicyTests {

	static final PasswordPolicy POLICY = new PasswordPolicy();
	static final Personal SHUNSUKE = new Personal("shunsuke.m85@example.jp", "宮崎 駿介", "ミヤザキ　シュンスケ");

	@Test
	void lengthIsFifteenToOneHundredTwentyEightCodePointsOfTheNfkcForm() {
		assertThat(codes("x7Vq2mKp9wLr4Zt".substring(0, 14))).containsExactly("accounts.error.passwordShort");
		assertThat(codes("x7Vq2mKp9wLr4Zt")).isEmpty();
		assertThat(codes("x7Vq2mKp9wLr4Zt".repeat(8) + "abcdefgh9")).containsExactly("accounts.error.passwordLong");
		// 15 kanji are 15 characters (code points), not 30 UTF-16 units or 45 bytes
		assertThat(codes("鳥獣戯画を見に行く前に図書館で本")).isEmpty();
		assertThat(codes("鳥獣戯画を見に行く前に図書館")).containsExactly("accounts.error.passwordShort");
		// 𠮷 (outside the BMP) counts once
		assertThat(codes("𠮷".repeat(14) + "野")).isEmpty();
		// ㍿ is four characters once normalised (株式会社), so 12 of them are long enough
		assertThat(codes("㍿".repeat(3) + "ウミネコのうた")).isEmpty();
		// typed twice: full-width and half-width are the same password
		List<FieldError> errors = new ArrayList<>();
		POLICY.check("password", "ｔｒａｍ ｌｉｎｅ ４２ ｇｏｅｓ ｗｅｓｔ", "passwordConfirm", "tram line 42 goes west", Personal.NONE,
				errors);
		assertThat(errors).isEmpty();
	}

	@Test
	void noCompositionRules() {
		assertThat(codes("the quiet tram goes west")).isEmpty();
		assertThat(codes("correct horse battery staple")).isEmpty();
		assertThat(codes("839201746503918")).as("random digits are fine").isEmpty();
		assertThat(codes("うみねこがないているよる")).as("12 kana is too short").containsExactly("accounts.error.passwordShort");
		assertThat(codes("うみねこがないているよるのみなと")).isEmpty();
	}

	@Test
	void commonWordsWithDigitsAndPunctuationAreRefusedNamingTheWord() {
		assertThat(weakness("password12345678")).isEqualTo(new Finding(Weakness.COMMON, "password"));
		assertThat(weakness("P@ssw0rd-P@ssw0rd!")).isEqualTo(new Finding(Weakness.COMMON, "password"));
		assertThat(weakness("sakura sakura sakura")).isEqualTo(new Finding(Weakness.COMMON, "sakura"));
		assertThat(weakness("Daisuki-Sakura-2024")).extracting(Finding::weakness).isEqualTo(Weakness.COMMON);
		assertThat(weakness("shinonome madoguchi")).extracting(Finding::weakness).isEqualTo(Weakness.COMMON);
		assertThat(weakness("ILoveYou19850401!")).isEqualTo(new Finding(Weakness.COMMON, "iloveyou"));
		assertThat(weakness("パスワードパスワード")).isEqualTo(new Finding(Weakness.COMMON, "ぱすわーど"));
		assertThat(weakness("madoguchi-qwerty-123")).extracting(Finding::weakness).isEqualTo(Weakness.COMMON);
		// three list words are a passphrase, not a common password
		assertThat(weakness("sakura daisuki ramen")).isNull();
	}

	@Test
	void keyboardAndAlphabetRunsAndRepeatsAreRefused() {
		assertThat(weakness("qwertyuiopasdfgh")).extracting(Finding::weakness).isEqualTo(Weakness.SEQUENCE);
		assertThat(weakness("1q2w3e4r5t6y7u8i")).extracting(Finding::weakness).isEqualTo(Weakness.SEQUENCE);
		assertThat(weakness("abcdefghijklmnop")).extracting(Finding::weakness).isEqualTo(Weakness.SEQUENCE);
		assertThat(weakness("1234567890123456")).extracting(Finding::weakness).isEqualTo(Weakness.SEQUENCE);
		assertThat(weakness("9876543210zyxwvu")).extracting(Finding::weakness).isEqualTo(Weakness.SEQUENCE);
		assertThat(weakness("あいうえおかきくけこさしすせそ")).extracting(Finding::weakness).isEqualTo(Weakness.SEQUENCE);
		assertThat(weakness("aaaaaaaaaaaaaaaa")).isEqualTo(new Finding(Weakness.REPEATED, "aaaaaaaaaaaa…"));
		assertThat(weakness("xy7xy7xy7xy7xy7")).extracting(Finding::weakness).isEqualTo(Weakness.REPEATED);
	}

	@Test
	void theResidentsOwnEmailAndNameInKanaAndRomajiAreRefused() {
		assertThat(POLICY.weakness("shunsuke.m85@example.jp!", SHUNSUKE)).get().extracting(Finding::weakness)
			.isEqualTo(Weakness.PERSONAL);
		assertThat(POLICY.weakness("shunsukemiyazaki1985", SHUNSUKE)).contains(new Finding(Weakness.PERSONAL, "shunsuke"));
		assertThat(POLICY.weakness("Miyazaki Shunsuke 0401", SHUNSUKE)).get().extracting(Finding::weakness)
			.isEqualTo(Weakness.PERSONAL);
		assertThat(POLICY.weakness("みやざきしゅんすけみやざき", SHUNSUKE)).get().extracting(Finding::weakness)
			.isEqualTo(Weakness.PERSONAL);
		assertThat(POLICY.weakness("宮崎駿介宮崎駿介宮崎駿介宮崎駿介", SHUNSUKE)).get().extracting(Finding::weakness)
			.isEqualTo(Weakness.PERSONAL);
		// someone else's name is fine
		assertThat(POLICY.weakness("shunsukemiyazaki1985", Personal.NONE)).isEmpty();
		// the message names the reason
		List<FieldError> errors = new ArrayList<>();
		POLICY.check("password", "shunsukemiyazaki1985", "passwordConfirm", "shunsukemiyazaki1985", SHUNSUKE, errors);
		assertThat(errors).extracting(FieldError::code).containsExactly("accounts.error.passwordPersonal");
	}

	@Test
	void romajiOfNames() {
		assertThat(Romaji.of("しののめ")).containsExactly("shinonome");
		assertThat(Romaji.of("たろう")).containsExactly("tarou", "taro");
		assertThat(Romaji.of("きょうこ")).containsExactly("kyouko", "kyoko");
		assertThat(Romaji.of("しゅんすけ")).contains("shunsuke");
		assertThat(Romaji.of("まっちゃ")).contains("matcha");
		assertThat(Romaji.of("はっとり")).contains("hattori");
		assertThat(Romaji.of("じゅん")).contains("jun");
	}

	private static Finding weakness(String password) {
		return POLICY.weakness(PasswordPolicy.normalize(password), Personal.NONE).orElse(null);
	}

	private static List<String> codes(String password) {
		List<FieldError> errors = new ArrayList<>();
		POLICY.check("password", password, "passwordConfirm", password, Personal.NONE, errors);
		return errors.stream().map(FieldError::code).toList();
	}
}
