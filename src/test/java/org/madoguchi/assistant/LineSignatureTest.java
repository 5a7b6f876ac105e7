package org.madoguchi.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The webhook signature, the postback data and LINE's text limits, without Spring. */
class LineSignatureTest {

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void signsTheReferenceVector() {
		assertThat(LineSignature.sign("SECRET", bytes("{}"))).isEqualTo("3q8QXTAGaey18yL8FWTqdVlbMr6hcuNvM4tefa0o9nA=");
		assertThat(LineSignature.verify("SECRET", bytes("{}"), "3q8QXTAGaey18yL8FWTqdVlbMr6hcuNvM4tefa0o9nA=")).isTrue();
	}

	@Test
	void refusesAnotherBodySecretOrSignatureAndGarbage() {
		String good = "3q8QXTAGaey18yL8FWTqdVlbMr6hcuNvM4tefa0o9nA=";
		// the same JSON with a space is another body: the raw bytes are signed, not the parsed object
		assertThat(LineSignature.verify("SECRET", bytes("{ }"), good)).isFalse();
		assertThat(LineSignature.verify("SECRET2", bytes("{}"), good)).isFalse();
		assertThat(LineSignature.verify("SECRET", bytes("{}"), "4q8QXTAGaey18yL8FWTqdVlbMr6hcuNvM4tefa0o9nA=")).isFalse();
		assertThat(LineSignature.verify("SECRET", bytes("{}"), good.substring(0, 20))).isFalse();
		assertThat(LineSignature.verify("SECRET", bytes("{}"), null)).isFalse();
		assertThat(LineSignature.verify("SECRET", bytes("{}"), "")).isFalse();
		assertThat(LineSignature.verify("SECRET", bytes("{}"), "not base64 at all!")).isFalse();
	}

	@Test
	void postbackDataRoundTripsAndStrangeDataIsNotUnderstood() {
		String turn = "0f8e2c1a-6b7d-4c3e-9a10-2b3c4d5e6f70";
		for (LinePostback p : List.of(new LinePostback.Vote(turn, true), new LinePostback.Vote(turn, false),
				new LinePostback.Pick("certificates-001", turn), new LinePostback.Pick("certificates-001", null),
				new LinePostback.Category("CHILDCARE"))) {
			assertThat(p.data()).hasSizeLessThanOrEqualTo(LinePostback.MAX_DATA);
			assertThat(LinePostback.parse(p.data())).contains(p);
		}
		assertThat(new LinePostback.Vote(turn, true).data()).isEqualTo("fb=1&t=" + turn);
		for (String strange : new String[] { null, "", "fb=2&t=" + turn, "fb=1", "p=Certificates", "c=childcare",
				"p=a&p=b", "x=1", "t=" + turn, "p=a&c=B", "richmenu-switch", "fb=1&t=" + turn + "&x=1", "p=%zz",
				"p=" + "a".repeat(301) }) {
			assertThat(LinePostback.parse(strange)).as(String.valueOf(strange)).isEmpty();
		}
	}

	@Test
	void textsAreCutWithAnEllipsisAndNeverInsideACharacter() {
		assertThat(LineMessages.fit("住民票の写しを取りたい", 20)).isEqualTo("住民票の写しを取りたい");
		assertThat(LineMessages.fit("あ".repeat(25), 20)).isEqualTo("あ".repeat(19) + "…").hasSize(20);
		// 18 letters and an emoji (two UTF-16 units) at the cut: the emoji goes whole
		String s = "a".repeat(18) + "😀" + "bbb";
		assertThat(LineMessages.fit(s, 20)).isEqualTo("a".repeat(18) + "…");
	}
}
