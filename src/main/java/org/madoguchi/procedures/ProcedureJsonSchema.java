package org.madoguchi.procedures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON Schema (draft 2020-12) of the answers object of a procedure, for Web API clients: one property per
 * field, with its label as {@code title} and its hint as {@code description}. A field shown only under a
 * condition is required when shown ({@code if/then}) and must be left out otherwise ({@code else}). The
 * schema describes the shapes; {@link AnswerValidator#validateAll} stays the judge (household members and
 * attachments, relative dates, rules).
 * <p>
 * NUMBER answers are integers here; the stored form is the string of digits, and
 * {@link FormBinder#normalize} turns one into the other.
 */
public final class ProcedureJsonSchema {

	public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

	static final String KATAKANA_PATTERN = "^[\\u30A1-\\u30FA\\u30FC\\u30FB\\u3000 ]*$";

	private ProcedureJsonSchema() {
	}

	public static Map<String, Object> of(ProcedureDefinition definition, Locale locale) {
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("$schema", DIALECT);
		schema.put("title", definition.name().in(locale));
		schema.put("description", definition.summary().in(locale));
		schema.put("type", "object");
		Map<String, Object> properties = new LinkedHashMap<>();
		List<String> required = new ArrayList<>();
		List<Object> conditionals = new ArrayList<>();
		Map<String, FieldDefinition> byId = new LinkedHashMap<>();
		definition.fields().forEach(f -> byId.put(f.id(), f));
		for (PageDefinition page : definition.pages()) {
			for (FieldDefinition f : page.fields()) {
				properties.put(f.id(), property(f, locale));
				List<Map<String, Object>> conditions = new ArrayList<>();
				if (page.visibleWhen() != null) {
					conditions.add(condition(page.visibleWhen(), byId.get(page.visibleWhen().field())));
				}
				if (f.visibleWhen() != null) {
					conditions.add(condition(f.visibleWhen(), byId.get(f.visibleWhen().field())));
				}
				if (conditions.isEmpty()) {
					if (f.required()) {
						required.add(f.id());
					}
					continue;
				}
				Map<String, Object> rule = new LinkedHashMap<>();
				rule.put("if", conditions.size() == 1 ? conditions.get(0) : Map.of("allOf", conditions));
				if (f.required()) {
					rule.put("then", Map.of("required", List.of(f.id())));
				}
				rule.put("else", Map.of("not", Map.of("required", List.of(f.id()))));
				conditionals.add(rule);
			}
		}
		schema.put("properties", properties);
		if (!required.isEmpty()) {
			schema.put("required", required);
		}
		if (!conditionals.isEmpty()) {
			schema.put("allOf", conditionals);
		}
		schema.put("additionalProperties", false);
		return schema;
	}

	/** "The field it names is answered and matches", as a schema of the whole answers object. */
	private static Map<String, Object> condition(Condition c, FieldDefinition target) {
		Map<String, Object> value;
		boolean list = target != null && (target.type() == FieldType.CHECKBOX || target.type() == FieldType.FILE
				|| target.type() == FieldType.HOUSEHOLD_MEMBER);
		if (Boolean.TRUE.equals(c.notEmpty())) {
			value = list ? Map.of("minItems", 1)
					: target != null && (target.type() == FieldType.ADDRESS || target.type() == FieldType.BANK_ACCOUNT)
							? Map.of("minProperties", 1) : Map.of("pattern", "\\S");
		}
		else {
			Map<String, Object> match = c.equals() != null ? Map.of("const", c.equals()) : Map.of("enum", c.in());
			value = list ? Map.of("contains", match) : match;
		}
		return Map.of("properties", Map.of(c.field(), value), "required", List.of(c.field()));
	}

	private static Map<String, Object> property(FieldDefinition f, Locale locale) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("title", f.label().in(locale));
		if (f.hint() != null) {
			p.put("description", f.hint().in(locale));
		}
		switch (f.type()) {
			case TEXT, TEXTAREA, KATAKANA -> {
				p.put("type", "string");
				if (f.required()) {
					p.put("minLength", 1);
				}
				p.put("maxLength", f.maxLength() != null ? f.maxLength()
						: f.type() == FieldType.TEXTAREA ? AnswerValidator.DEFAULT_TEXTAREA_MAX_LENGTH
								: AnswerValidator.DEFAULT_MAX_LENGTH);
				if (f.type() == FieldType.KATAKANA) {
					p.put("pattern", KATAKANA_PATTERN);
				}
				else if (f.pattern() != null) {
					p.put("pattern", "^(?:" + f.pattern() + ")$");
				}
			}
			case NUMBER -> {
				p.put("type", "integer");
				p.put("minimum", f.min() != null ? f.min() : 0);
				if (f.max() != null) {
					p.put("maximum", f.max());
				}
			}
			case DATE -> {
				p.put("type", "string");
				p.put("format", "date");
			}
			case SELECT, RADIO -> {
				p.put("type", "string");
				p.put("enum", f.options().stream().map(Choice::value).toList());
			}
			case CHECKBOX -> {
				p.put("type", "array");
				p.put("items", Map.of("type", "string", "enum",
						f.options().isEmpty() ? List.of("yes") : f.options().stream().map(Choice::value).toList()));
				p.put("uniqueItems", true);
				if (f.required()) {
					p.put("minItems", 1);
				}
				if (f.options().isEmpty()) {
					p.put("maxItems", 1);
				}
			}
			case ADDRESS -> {
				p.put("type", "object");
				Map<String, Object> parts = new LinkedHashMap<>();
				parts.put("postalCode", part("postalCode", locale, Map.of("type", "string", "pattern", "^[0-9]{3}-[0-9]{4}$")));
				parts.put("address", part("address", locale, Map.of("type", "string", "maxLength", AnswerValidator.ADDRESS_MAX)));
				parts.put("building", part("building", locale, Map.of("type", "string", "maxLength", AnswerValidator.BUILDING_MAX)));
				p.put("properties", parts);
				p.put("required", List.of("postalCode", "address"));
				p.put("additionalProperties", false);
			}
			case PHONE -> {
				p.put("type", "string");
				p.put("pattern", "^(?:[0-9]{10,11}|[0-9]{2,5}-[0-9]{1,4}-[0-9]{3,4})$");
			}
			case EMAIL -> {
				p.put("type", "string");
				p.put("format", "email");
				p.put("maxLength", AnswerValidator.EMAIL_MAX);
			}
			case HOUSEHOLD_MEMBER -> {
				p.put("type", "array");
				Map<String, Object> member = new LinkedHashMap<>();
				member.put("type", "object");
				member.put("properties", Map.of("atenaNumber", Map.of("type", "string"), "name", Map.of("type", "string"),
						"birthDate", Map.of("type", "string")));
				member.put("required", List.of("atenaNumber"));
				member.put("additionalProperties", false);
				p.put("items", member);
				if (f.required()) {
					p.put("minItems", 1);
				}
				p.put("maxItems", f.maxItems() != null ? f.maxItems() : AnswerValidator.DEFAULT_MAX_MEMBERS);
			}
			case BANK_ACCOUNT -> {
				p.put("type", "object");
				Map<String, Object> parts = new LinkedHashMap<>();
				parts.put("bankCode", part("bankCode", locale, Map.of("type", "string", "pattern", "^[0-9]{4}$")));
				parts.put("bankName", part("bankName", locale, Map.of("type", "string", "maxLength", AnswerValidator.BANK_NAME_MAX)));
				parts.put("branchCode", part("branchCode", locale, Map.of("type", "string", "pattern", "^[0-9]{3}$")));
				parts.put("branchName", part("branchName", locale, Map.of("type", "string", "maxLength", AnswerValidator.BANK_NAME_MAX)));
				parts.put("accountType", part("accountType", locale, Map.of("type", "string", "enum", List.of("ORDINARY", "CURRENT", "SAVINGS"))));
				parts.put("accountNumber", part("accountNumber", locale, Map.of("type", "string", "pattern", "^[0-9]{7}$")));
				parts.put("holderKana", part("holderKana", locale, Map.of("type", "string", "maxLength", AnswerValidator.HOLDER_MAX,
						"pattern", KATAKANA_PATTERN)));
				p.put("properties", parts);
				p.put("required", FormBinder.BANK_PARTS);
				p.put("additionalProperties", false);
			}
			case FILE -> {
				p.put("type", "array");
				p.put("items", Map.of("type", "string"));
				p.put("uniqueItems", true);
				if (f.required()) {
					p.put("minItems", 1);
				}
				p.put("maxItems", f.maxItems() != null ? f.maxItems() : AnswerValidator.DEFAULT_MAX_FILES);
			}
		}
		return p;
	}

	private static Map<String, Object> part(String name, Locale locale, Map<String, Object> schema) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("title", AnswerValidator.partName(name).in(locale));
		p.putAll(schema);
		return p;
	}
}
