package org.madoguchi.procedures;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resident's answers, by field id. Values are plain JSON values:
 * <ul>
 * <li>TEXT, TEXTAREA, KATAKANA, NUMBER, PHONE, EMAIL, SELECT, RADIO: a string</li>
 * <li>DATE: an ISO date string {@code yyyy-MM-dd}</li>
 * <li>CHECKBOX: a list of chosen values (a single yes/no box: {@code ["yes"]} or absent)</li>
 * <li>ADDRESS: {@code {postalCode, address, building}}</li>
 * <li>BANK_ACCOUNT: {@code {bankCode, bankName, branchCode, branchName, accountType, accountNumber, holderKana}}</li>
 * <li>HOUSEHOLD_MEMBER: a list of {@code {atenaNumber, name, birthDate}}</li>
 * <li>FILE: a list of attachment ids</li>
 * </ul>
 * Unanswered fields are absent. Immutable; {@link #with} returns a copy.
 */
public final class Answers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, Object> values;

	private Answers(Map<String, Object> values) {
		this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	public static Answers empty() {
		return new Answers(Map.of());
	}

	public static Answers of(Map<String, ?> values) {
		Map<String, Object> copy = new LinkedHashMap<>();
		values.forEach((k, v) -> {
			if (v != null) {
				copy.put(k, v);
			}
		});
		return new Answers(copy);
	}

	public static Answers fromJson(String json) {
		if (json == null || json.isBlank()) {
			return empty();
		}
		return of(JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
		}));
	}

	public String toJson() {
		return JSON.writeValueAsString(values);
	}

	public Map<String, Object> asMap() {
		return values;
	}

	public Object get(String fieldId) {
		return values.get(fieldId);
	}

	public boolean has(String fieldId) {
		Object v = values.get(fieldId);
		if (v == null) {
			return false;
		}
		if (v instanceof String s) {
			return !s.isBlank();
		}
		if (v instanceof List<?> l) {
			return !l.isEmpty();
		}
		if (v instanceof Map<?, ?> m) {
			return m.values().stream().anyMatch(x -> x != null && !x.toString().isBlank());
		}
		return true;
	}

	/** The answer as text: strings as they are, lists joined with commas; null when absent. */
	public String text(String fieldId) {
		Object v = values.get(fieldId);
		if (v == null) {
			return null;
		}
		if (v instanceof List<?> l) {
			return String.join(",", l.stream().map(String::valueOf).toList());
		}
		return v.toString();
	}

	/** The answer as a list of strings (CHECKBOX, FILE); a single string becomes a one-element list. */
	public List<String> list(String fieldId) {
		Object v = values.get(fieldId);
		if (v == null) {
			return List.of();
		}
		if (v instanceof List<?> l) {
			return l.stream().map(x -> x instanceof Map<?, ?> m ? String.valueOf(m.get("atenaNumber")) : String.valueOf(x)).toList();
		}
		return List.of(v.toString());
	}

	/** One answer as JSON text (for CSV cells of compound answers). */
	public String toJsonOf(String fieldId) {
		Object v = values.get(fieldId);
		return v == null ? "" : JSON.writeValueAsString(v);
	}

	public Answers with(String fieldId, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(values);
		if (value == null) {
			copy.remove(fieldId);
		}
		else {
			copy.put(fieldId, value);
		}
		return new Answers(copy);
	}

	public Answers withAll(Answers other) {
		Map<String, Object> copy = new LinkedHashMap<>(values);
		copy.putAll(other.values);
		return new Answers(copy);
	}

	public Answers without(java.util.Collection<String> fieldIds) {
		Map<String, Object> copy = new LinkedHashMap<>(values);
		fieldIds.forEach(copy::remove);
		return new Answers(copy);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Answers a && a.values.equals(values);
	}

	@Override
	public int hashCode() {
		return values.hashCode();
	}

	@Override
	public String toString() {
		return "Answers" + values.keySet();
	}
}
