package org.madoguchi.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The JSON Schema of a procedure's answers, as API clients read it. */
@SuppressWarnings("unchecked")
class ProcedureJsonSchemaTest {

	final ProcedureDefinition all = TestProcedures.allTypes();
	final Map<String, Object> schema = ProcedureJsonSchema.of(all, Locale.JAPANESE);
	final Map<String, Object> properties = (Map<String, Object>) schema.get("properties");

	Map<String, Object> property(String id) {
		return (Map<String, Object>) properties.get(id);
	}

	@Test
	void topLevelObjectWithEveryFieldAndNothingElse() {
		assertThat(schema.get("$schema")).isEqualTo("https://json-schema.org/draft/2020-12/schema");
		assertThat(schema.get("type")).isEqualTo("object");
		assertThat(schema.get("title")).isEqualTo("全種類の項目");
		assertThat(schema.get("additionalProperties")).isEqualTo(false);
		assertThat(properties.keySet()).containsExactlyElementsOf(all.fields().map(FieldDefinition::id).toList());
		// required: required fields without a condition, on pages without one
		assertThat((List<String>) schema.get("required")).containsExactly("fullName", "kana", "kind", "agree", "address", "proof");
		// the schema is plain JSON
		assertThat(JsonMapper.builder().build().writeValueAsString(schema)).contains("\"if\"");
	}

	@Test
	void typesLimitsAndTitlesPerField() {
		assertThat(property("fullName")).containsEntry("type", "string").containsEntry("title", "氏名")
			.containsEntry("maxLength", 10).containsEntry("minLength", 1);
		assertThat(property("code")).containsEntry("pattern", "^(?:[A-Z]{2}[0-9]{3})$").containsEntry("maxLength", 100);
		assertThat(property("note")).containsEntry("maxLength", 2000);
		assertThat(property("kana")).containsKey("pattern");
		assertThat(property("copies")).containsEntry("type", "integer").containsEntry("minimum", 1L).containsEntry("maximum", 10L);
		assertThat(property("birth")).containsEntry("type", "string").containsEntry("format", "date");
		assertThat(property("email")).containsEntry("format", "email").containsEntry("maxLength", 254);
		assertThat(property("kind")).containsEntry("enum", List.of("a", "b"));
		assertThat(property("items")).containsEntry("type", "array").containsEntry("uniqueItems", true)
			.containsEntry("items", Map.of("type", "string", "enum", List.of("p", "q", "r")));
		assertThat(property("agree")).containsEntry("items", Map.of("type", "string", "enum", List.of("yes")))
			.containsEntry("maxItems", 1).containsEntry("minItems", 1);
		assertThat(property("members")).containsEntry("type", "array").containsEntry("maxItems", 2);
		assertThat(property("proof")).containsEntry("type", "array").containsEntry("maxItems", 2).containsEntry("minItems", 1);
		assertThat(property("address")).containsEntry("type", "object").containsEntry("required", List.of("postalCode", "address"))
			.containsEntry("additionalProperties", false);
		assertThat((Map<String, Object>) property("account").get("properties")).containsOnlyKeys(FormBinder.BANK_PARTS);
		assertThat(ProcedureJsonSchema.of(TestProcedures.certificate(), Locale.ENGLISH).get("properties").toString())
			.contains("title=Number of copies").contains("The front of a driving licence");
	}

	@Test
	void conditionalFieldsAreRequiredWhenShownAndAbsentOtherwise() {
		List<Map<String, Object>> rules = (List<Map<String, Object>>) schema.get("allOf");
		Map<String, Object> sub = rules.get(0);
		assertThat(sub.get("if")).isEqualTo(Map.of("properties", Map.of("kind", Map.of("const", "b")), "required", List.of("kind")));
		assertThat(sub.get("then")).isEqualTo(Map.of("required", List.of("sub")));
		assertThat(sub.get("else")).isEqualTo(Map.of("not", Map.of("required", List.of("sub"))));
		// a checkbox condition: any chosen value
		Map<String, Object> detail = rules.get(1);
		assertThat(detail.get("if")).isEqualTo(Map.of("properties",
				Map.of("items", Map.of("contains", Map.of("enum", List.of("q", "r")))), "required", List.of("items")));
		// a field on a conditional page with its own condition: both must hold
		Map<String, Object> reasonNote = rules.get(3);
		assertThat(reasonNote).doesNotContainKey("then");
		assertThat((Map<String, Object>) reasonNote.get("if")).containsOnlyKeys("allOf");
		assertThat(((Map<String, Object>) reasonNote.get("else"))).isEqualTo(Map.of("not", Map.of("required", List.of("reasonNote"))));
		assertThat(rules).hasSize(4);
	}
}
