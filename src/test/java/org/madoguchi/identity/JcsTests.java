package org.madoguchi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** RFC 8785 canonicalization; expected outputs written from the RFC's rules and its Appendix B number table. */
class JcsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static String canon(String json) {
		return Jcs.canonicalString(JSON.readTree(json));
	}

	@Test
	void sortsKeysAndDropsWhitespace() {
		assertThat(canon("{\"b\":2,\"a\":1}")).isEqualTo("{\"a\":1,\"b\":2}");
		assertThat(canon("{ \"z\" : [ 3 , { \"y\":true,\"x\":null } ], \"a\" : \"s\" }"))
			.isEqualTo("{\"a\":\"s\",\"z\":[3,{\"x\":null,\"y\":true}]}");
	}

	@Test
	void sortsKeysByUtf16CodeUnits() {
		// RFC 8785 §3.2.3: the emoji (surrogates D83D DE00) sorts before U+FB33 although its code point is larger.
		String json = "{\"\\u20ac\":1,\"\\r\":2,\"\\ufb33\":3,\"1\":4,\"\\ud83d\\ude00\":5,\"\\u0080\":6,\"\\u00f6\":7}";
		assertThat(canon(json)).isEqualTo(
				"{\"\\r\":2,\"1\":4,\"\u0080\":6,\"\u00f6\":7,\"\u20ac\":1,\"\ud83d\ude00\":5,\"\ufb33\":3}");
	}

	@Test
	void escapesStringsMinimally() {
		// RFC 8785 §3.2.2.2 example.
		String json = "\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\"";
		assertThat(canon(json)).isEqualTo("\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"");
		assertThat(canon("\"\\b\\f\\t\\r\\u001f\\u007f\"")).isEqualTo("\"\\b\\f\\t\\r\\u001f\u007f\"");
		assertThat(canon("\"東雲野市 \\u3000\"")).isEqualTo("\"東雲野市 \u3000\"");
	}

	@ParameterizedTest
	@CsvSource({ "1.0, 1", "-1.5, -1.5", "1e21, 1e+21", "1e20, 100000000000000000000", "0.000001, 0.000001",
			"1e-7, 1e-7", "123.456e2, 12345.6", "-0.0, 0", "0.1, 0.1", "1E400, ", "5e-324, 5e-324",
			"9007199254740992, 9007199254740992", "1.7976931348623157e308, 1.7976931348623157e+308",
			"333333333.3333332, 333333333.3333332", "0.3, 0.3", "100, 100", "-100, -100" })
	void formatsNumbersLikeEcmaScript(String input, String expected) {
		if (expected == null) {
			assertThatIllegalArgumentException().isThrownBy(() -> canon(input)); // 1E400 is Infinity as a double
		}
		else {
			assertThat(canon(input)).isEqualTo(expected);
		}
	}

	@ParameterizedTest
	@CsvSource({ "0000000000000001, 5e-324", "8000000000000001, -5e-324",
			"7fefffffffffffff, 1.7976931348623157e+308", "4340000000000000, 9007199254740992",
			"4430000000000000, 295147905179352830000", "44b52d02c7e14af5, 9.999999999999997e+22",
			"44b52d02c7e14af6, 1e+23", "444b1ae4d6e2ef50, 1e+21", "444b1ae4d6e2ef4f, 999999999999999900000",
			"3eb0c6f7a0b5ed8d, 0.000001", "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
			"41b3de4355555553, 333333333.3333332", "8000000000000000, 0" })
	void formatsRfc8785AppendixBNumbers(String ieeeHex, String expected) {
		double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));
		assertThat(Jcs.formatDouble(value)).isEqualTo(expected);
	}

	@Test
	void refusesWhatJcsCannotRepresent() {
		assertThatIllegalArgumentException().isThrownBy(() -> Jcs.formatDouble(Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> canon("9007199254740993"))
			.withMessageContaining("2^53");
		assertThatIllegalArgumentException().isThrownBy(() -> Jcs.canonicalize(Map.of("k", "\ud800x")))
			.withMessageContaining("surrogate");
		Object deep = "leaf";
		for (int i = 0; i < Jcs.MAX_DEPTH + 5; i++) {
			deep = List.of(deep);
		}
		Object tooDeep = deep;
		assertThatIllegalArgumentException().isThrownBy(() -> Jcs.canonicalize(Map.of("d", tooDeep)));
	}

	@Test
	void mapsAndTreesCanonicalizeAlike() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("procedure", "転入届");
		map.put("amount", 300);
		map.put("ratio", 0.5);
		map.put("items", new ArrayList<>(Arrays.asList("a", null, true)));
		map.put("empty", Map.of());
		byte[] fromMap = Jcs.canonicalize(map);
		assertThat(new String(fromMap, StandardCharsets.UTF_8))
			.isEqualTo("{\"amount\":300,\"empty\":{},\"items\":[\"a\",null,true],\"procedure\":\"転入届\",\"ratio\":0.5}");
		JsonNode tree = JSON.readTree("{\"ratio\":5e-1,\"items\":[\"a\",null,true],\"amount\":300.0,\"empty\":{},"
				+ "\"procedure\":\"\\u8ee2\\u5165\\u5c4a\"}");
		assertThat(Jcs.canonicalize(tree)).isEqualTo(fromMap);
	}
}
