package org.madoguchi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Reading the 基本4情報 from OpenID claims and comparing them with the register's. */
class ResidentMatcherTests {

	final BasicFourInfo register = new BasicFourInfo("東雲　花子", "千葉県東雲野市中央一丁目1番1号　東雲ハイツ　101号室",
			LocalDate.of(1985, 4, 1), "女");

	@Test
	void claimsInOpenIdShapeMatchTheRegisterWhateverTheWidthsAndSpaces() {
		BasicFourInfo claimed = ResidentMatcher.basicFourInfo(Map.of("name", "東雲 花子", "address",
				Map.of("formatted", "千葉県東雲野市中央一丁目１番１号 東雲ハイツ １０１号室"), "birthdate", "1985-04-01",
				"gender", "female")).orElseThrow();
		assertThat(claimed.gender()).isEqualTo("女");
		assertThat(SignerMatching.sameFacts(register, claimed)).isTrue();
	}

	@Test
	void anyDifferingFactOrAMissingOrUnreadableClaimIsNoMatch() {
		Map<String, Object> base = Map.of("name", "東雲　花子", "address", "千葉県東雲野市中央一丁目1番1号　東雲ハイツ　101号室",
				"birthdate", "1985-04-01", "gender", "2");
		assertThat(SignerMatching.sameFacts(register, ResidentMatcher.basicFourInfo(base).orElseThrow())).isTrue();
		assertThat(SignerMatching.sameFacts(register, info(base, "name", "東雲　花"))).isFalse();
		assertThat(SignerMatching.sameFacts(register, info(base, "address", "千葉県東雲野市中央一丁目1番1号"))).isFalse();
		assertThat(SignerMatching.sameFacts(register, info(base, "birthdate", "1985-04-02"))).isFalse();
		assertThat(SignerMatching.sameFacts(register, info(base, "gender", "male"))).isFalse();
		assertThat(ResidentMatcher.basicFourInfo(with(base, "gender", "other"))).isEmpty();
		assertThat(ResidentMatcher.basicFourInfo(with(base, "birthdate", "1985/04/01"))).isEmpty();
		assertThat(ResidentMatcher.basicFourInfo(Map.of("name", "東雲　花子"))).isEmpty();
	}

	static BasicFourInfo info(Map<String, Object> base, String key, String value) {
		return ResidentMatcher.basicFourInfo(with(base, key, value)).orElseThrow();
	}

	static Map<String, Object> with(Map<String, Object> base, String key, String value) {
		Map<String, Object> copy = new java.util.HashMap<>(base);
		copy.put(key, value);
		return copy;
	}
}
