package org.madoguchi.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which pages and fields are shown, the way through the pages, and dropping hidden answers. */
class FormFlowTest {

	final ProcedureDefinition all = TestProcedures.allTypes();
	final ProcedureDefinition juminhyo = TestProcedures.juminhyo();

	static List<String> ids(List<? extends Object> defs) {
		return defs.stream().map(d -> d instanceof PageDefinition p ? p.id() : ((FieldDefinition) d).id()).toList();
	}

	@Test
	void equalsShowsAFieldOnlyForThatAnswer() {
		assertThat(FormFlow.fieldVisible(juminhyo, "members", Answers.empty())).isFalse();
		assertThat(FormFlow.fieldVisible(juminhyo, "members", Answers.of(Map.of("scope", "whole")))).isFalse();
		assertThat(FormFlow.fieldVisible(juminhyo, "members", Answers.of(Map.of("scope", "some")))).isTrue();
		assertThat(ids(FormFlow.visibleFields(juminhyo, "certificate", Answers.of(Map.of("purpose", "other")))))
			.containsExactly("scope", "items", "copies", "purpose", "purposeOther");
	}

	@Test
	void checkboxConditionsMatchAnyChosenValue() {
		assertThat(FormFlow.fieldVisible(all, "detail", Answers.of(Map.of("items", List.of("p"))))).isFalse();
		assertThat(FormFlow.fieldVisible(all, "detail", Answers.of(Map.of("items", List.of("p", "r"))))).isTrue();
		assertThat(FormFlow.fieldVisible(all, "detail", Answers.of(Map.of("items", List.of("q"))))).isTrue();
	}

	@Test
	void notEmptyNeedsAnAnswerAndAFieldOnAHiddenPageIsHidden() {
		Answers b = Answers.of(Map.of("kind", "b", "reason", "引越しのため"));
		assertThat(FormFlow.fieldVisible(all, "reasonNote", b)).isTrue();
		assertThat(FormFlow.fieldVisible(all, "reasonNote", b.with("reason", "  "))).isFalse();
		// the page is hidden for kind a, so are its fields although reason still holds an answer
		Answers a = b.with("kind", "a");
		assertThat(FormFlow.pageVisible(all, "extra", a)).isFalse();
		assertThat(FormFlow.fieldVisible(all, "reason", a)).isFalse();
		assertThat(FormFlow.fieldVisible(all, "reasonNote", a)).isFalse();
		assertThat(FormFlow.visibleFields(all, "extra", a)).isEmpty();
	}

	@Test
	void nextAndPreviousSkipHiddenPages() {
		Answers a = Answers.of(Map.of("kind", "a"));
		Answers b = Answers.of(Map.of("kind", "b"));
		assertThat(FormFlow.firstPage(all, a).orElseThrow().id()).isEqualTo("basics");
		assertThat(FormFlow.nextPage(all, "basics", a).orElseThrow().id()).isEqualTo("dates");
		assertThat(FormFlow.nextPage(all, "choices", a).orElseThrow().id()).isEqualTo("money");
		assertThat(FormFlow.nextPage(all, "choices", b).orElseThrow().id()).isEqualTo("extra");
		assertThat(FormFlow.previousPage(all, "money", a).orElseThrow().id()).isEqualTo("choices");
		assertThat(FormFlow.previousPage(all, "money", b).orElseThrow().id()).isEqualTo("extra");
		assertThat(FormFlow.nextPage(all, "money", b)).isEmpty();
		assertThat(FormFlow.previousPage(all, "basics", b)).isEmpty();
		// from a page that the answers have just hidden, the way goes on from where it stood
		assertThat(FormFlow.nextPage(all, "extra", a).orElseThrow().id()).isEqualTo("money");
		assertThat(ids(FormFlow.visiblePages(all, a))).containsExactly("basics", "dates", "choices", "money");
		assertThatThrownBy(() -> FormFlow.nextPage(all, "nope", a)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void pruneHiddenDropsAnswersHiddenByAChangedEarlierAnswerInCascade() {
		Answers answers = Answers.of(Map.of("kind", "b", "sub", "x", "reason", "理由", "reasonNote", "補足",
				"fullName", "山田", "unknownThing", "kept"));
		Answers pruned = FormFlow.pruneHidden(all, answers.with("kind", "a"));
		assertThat(pruned.asMap()).containsOnlyKeys("kind", "fullName", "unknownThing");
		assertThat(FormFlow.pruneHidden(all, answers)).isEqualTo(answers);
	}

	@Test
	void aConditionOnAHiddenFieldDoesNotHold() {
		// reasonNote depends on reason, which is on the page shown only for kind b
		Answers stale = Answers.of(Map.of("kind", "a", "reason", "理由"));
		assertThat(FormFlow.matches(all.field("reasonNote").orElseThrow().visibleWhen(), stale)).isTrue();
		assertThat(FormFlow.fieldVisible(all, "reasonNote", stale)).isFalse();
	}
}
