package org.madoguchi.identity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * JSON Canonicalization Scheme (RFC 8785, JCS): the one byte sequence of a submission that is hashed and signed,
 * so that the signature survives re-serialisation (key order, whitespace, number spelling).
 *
 * <p>Rules: object members sorted by their names compared as UTF-16 code units ({@link String#compareTo} does
 * exactly that); numbers as IEEE-754 doubles written the way ECMAScript's {@code Number.prototype.toString} writes
 * them; strings with the minimal escaping of ECMAScript's {@code JSON.stringify}; no whitespace; UTF-8.
 *
 * <p>Inputs RFC 8785 cannot represent are refused with {@link IllegalArgumentException}: NaN and infinities,
 * integers outside ±2^53 (they would silently change; send them as strings), lone surrogates.
 */
public final class Jcs {

	/** Largest integer every double represents exactly (2^53). */
	private static final BigInteger MAX_EXACT = BigInteger.ONE.shiftLeft(53);

	/** Deeper nesting than this is refused rather than risking a stack overflow on hostile input. */
	static final int MAX_DEPTH = 200;

	private Jcs() {
	}

	/** Canonical UTF-8 bytes of a Jackson tree. */
	public static byte[] canonicalize(JsonNode node) {
		StringBuilder out = new StringBuilder();
		writeNode(node, out, 0);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Canonical UTF-8 bytes of plain Java values: {@code Map<String, ?>}, {@code Collection}, {@code String},
	 * {@code Number}, {@code Boolean} and {@code null}.
	 */
	public static byte[] canonicalize(Map<String, ?> object) {
		StringBuilder out = new StringBuilder();
		writeValue(object, out, 0);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void writeNode(JsonNode node, StringBuilder out, int depth) {
		checkDepth(depth);
		if (node == null || node.isNull() || node.isMissingNode()) {
			out.append("null");
		}
		else if (node.isObject()) {
			List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
			members.sort(Map.Entry.comparingByKey());
			out.append('{');
			for (int i = 0; i < members.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				writeString(members.get(i).getKey(), out);
				out.append(':');
				writeNode(members.get(i).getValue(), out, depth + 1);
			}
			out.append('}');
		}
		else if (node.isArray()) {
			out.append('[');
			int i = 0;
			for (JsonNode element : node.values()) {
				if (i++ > 0) {
					out.append(',');
				}
				writeNode(element, out, depth + 1);
			}
			out.append(']');
		}
		else if (node.isString()) {
			writeString(node.stringValue(), out);
		}
		else if (node.isBoolean()) {
			out.append(node.booleanValue());
		}
		else if (node.isIntegralNumber()) {
			out.append(formatInteger(node.bigIntegerValue()));
		}
		else if (node.isNumber()) {
			out.append(formatDouble(node.doubleValue()));
		}
		else {
			throw new IllegalArgumentException("JCS cannot represent a JSON node of type " + node.getNodeType());
		}
	}

	private static void writeValue(Object value, StringBuilder out, int depth) {
		checkDepth(depth);
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Map<?, ?> map) {
			List<Map.Entry<String, Object>> members = new ArrayList<>();
			for (Map.Entry<?, ?> e : map.entrySet()) {
				if (!(e.getKey() instanceof String key)) {
					throw new IllegalArgumentException("JCS object member names must be strings: " + e.getKey());
				}
				members.add(Map.entry(key, e.getValue() == null ? NULL : e.getValue()));
			}
			members.sort(Map.Entry.comparingByKey());
			out.append('{');
			for (int i = 0; i < members.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				writeString(members.get(i).getKey(), out);
				out.append(':');
				Object v = members.get(i).getValue();
				writeValue(v == NULL ? null : v, out, depth + 1);
			}
			out.append('}');
		}
		else if (value instanceof Collection<?> list) {
			out.append('[');
			int i = 0;
			for (Object element : list) {
				if (i++ > 0) {
					out.append(',');
				}
				writeValue(element, out, depth + 1);
			}
			out.append(']');
		}
		else if (value instanceof CharSequence s) {
			writeString(s.toString(), out);
		}
		else if (value instanceof Boolean b) {
			out.append(b.booleanValue());
		}
		else if (value instanceof BigInteger || value instanceof Long || value instanceof Integer
				|| value instanceof Short || value instanceof Byte) {
			out.append(formatInteger(new BigInteger(value.toString())));
		}
		else if (value instanceof Number n) {
			out.append(formatDouble(n.doubleValue()));
		}
		else {
			throw new IllegalArgumentException("JCS cannot represent a value of " + value.getClass().getName());
		}
	}

	/** Stand-in for null map values (Map.entry refuses null). */
	private static final Object NULL = new Object();

	private static void checkDepth(int depth) {
		if (depth > MAX_DEPTH) {
			throw new IllegalArgumentException("JSON nested deeper than " + MAX_DEPTH + " levels");
		}
	}

	private static String formatInteger(BigInteger value) {
		if (value.abs().compareTo(MAX_EXACT) > 0) {
			throw new IllegalArgumentException(
					"integer " + value + " is outside ±2^53 and would change in JCS; send it as a string");
		}
		return formatDouble(value.doubleValue());
	}

	/** ECMAScript Number::toString (ECMA-262 §6.1.6.1.20) for a finite double. */
	static String formatDouble(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			throw new IllegalArgumentException("JCS cannot represent " + value);
		}
		if (value == 0) {
			return "0"; // also -0
		}
		StringBuilder out = new StringBuilder();
		if (value < 0) {
			out.append('-');
			value = -value;
		}
		BigDecimal shortest = shortestRoundTrip(value);
		String digits = shortest.unscaledValue().toString();
		int k = digits.length();
		int n = k - shortest.scale(); // value = digits × 10^(n − k)
		if (k <= n && n <= 21) {
			out.append(digits).append("0".repeat(n - k));
		}
		else if (0 < n && n <= 21) {
			out.append(digits, 0, n).append('.').append(digits, n, k);
		}
		else if (-6 < n && n <= 0) {
			out.append("0.").append("0".repeat(-n)).append(digits);
		}
		else {
			out.append(digits.charAt(0));
			if (k > 1) {
				out.append('.').append(digits, 1, k);
			}
			int e = n - 1;
			out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
		}
		return out.toString();
	}

	/**
	 * The decimal with the fewest significant digits that reads back as exactly {@code value}, the closest such one
	 * when several qualify. Java 17's Double.toString does not promise the shortest form (fixed only in JDK 19), so
	 * this works from the exact binary value instead.
	 */
	private static BigDecimal shortestRoundTrip(double value) {
		BigDecimal exact = new BigDecimal(value);
		for (int precision = 1; precision <= 17; precision++) {
			BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
			BigDecimal best = null;
			// The interval that reads back as value can be lopsided at powers of two, so the neighbours of the
			// nearest candidate get a chance too.
			BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-rounded.scale());
			for (BigDecimal candidate : List.of(rounded, rounded.subtract(unit), rounded.add(unit))) {
				if (candidate.signum() > 0 && candidate.doubleValue() == value && (best == null
						|| candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
					best = candidate;
				}
			}
			if (best != null) {
				return best.stripTrailingZeros();
			}
		}
		throw new IllegalStateException("no 17-digit decimal reads back as " + value);
	}

	private static void writeString(String s, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else if (Character.isHighSurrogate(c) && i + 1 < s.length()
							&& Character.isLowSurrogate(s.charAt(i + 1))) {
						out.append(c).append(s.charAt(++i));
					}
					else if (Character.isSurrogate(c)) {
						throw new IllegalArgumentException("lone surrogate U+" + Integer.toHexString(c)
								+ " at index " + i + " cannot be encoded in UTF-8");
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	/** For tests and diagnostics: the canonical form as text. */
	static String canonicalString(JsonNode node) {
		return new String(canonicalize(node), StandardCharsets.UTF_8);
	}
}
