package org.madoguchi.procedures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which pages and fields of a form are shown for the answers given so far, and the way through them.
 * <p>
 * A page or field with {@code visibleWhen} is shown when the field it names is itself shown and its answer
 * matches: {@code equals} a value, is one of {@code in}, or ({@code notEmpty}) is answered at all. For a
 * CHECKBOX, equals/in match when any chosen value matches. A field on a hidden page is hidden. Because a
 * condition only looks at earlier fields, one pass in form order settles everything, and hiding a field
 * hides what depends on it in turn (its answer no longer counts even if it is still stored).
 */
public final class FormFlow {

	private FormFlow() {
	}

	/** The pages and fields shown, by id. */
	public record Visibility(Set<String> pages, Set<String> fields) {

		public boolean page(String pageId) {
			return pages.contains(pageId);
		}

		public boolean field(String fieldId) {
			return fields.contains(fieldId);
		}
	}

	public static Visibility visibility(ProcedureDefinition definition, Answers answers) {
		Set<String> pages = new HashSet<>();
		Set<String> fields = new HashSet<>();
		for (PageDefinition page : definition.pages()) {
			boolean pageShown = holds(page.visibleWhen(), answers, fields);
			if (pageShown) {
				pages.add(page.id());
			}
			for (FieldDefinition field : page.fields()) {
				if (pageShown && holds(field.visibleWhen(), answers, fields)) {
					fields.add(field.id());
				}
			}
		}
		return new Visibility(Set.copyOf(pages), Set.copyOf(fields));
	}

	public static boolean pageVisible(ProcedureDefinition definition, String pageId, Answers answers) {
		return visibility(definition, answers).page(pageId);
	}

	public static boolean fieldVisible(ProcedureDefinition definition, String fieldId, Answers answers) {
		return visibility(definition, answers).field(fieldId);
	}

	/** The pages shown, in form order. */
	public static List<PageDefinition> visiblePages(ProcedureDefinition definition, Answers answers) {
		Visibility v = visibility(definition, answers);
		return definition.pages().stream().filter(p -> v.page(p.id())).toList();
	}

	/** Every field shown, in form order. */
	public static List<FieldDefinition> visibleFields(ProcedureDefinition definition, Answers answers) {
		Visibility v = visibility(definition, answers);
		return definition.fields().filter(f -> v.field(f.id())).toList();
	}

	/** The fields of one page that are shown (none when the page itself is hidden). */
	public static List<FieldDefinition> visibleFields(ProcedureDefinition definition, String pageId, Answers answers) {
		Visibility v = visibility(definition, answers);
		return page(definition, pageId).fields().stream().filter(f -> v.field(f.id())).toList();
	}

	/** The first page shown (the first page has no condition in practice, but one is allowed). */
	public static Optional<PageDefinition> firstPage(ProcedureDefinition definition, Answers answers) {
		return visiblePages(definition, answers).stream().findFirst();
	}

	/**
	 * The next page shown after {@code pageId}; empty after the last one (time for the check-your-answers page).
	 * {@code pageId} itself may be hidden by now.
	 * @throws IllegalArgumentException when the procedure has no such page
	 */
	public static Optional<PageDefinition> nextPage(ProcedureDefinition definition, String pageId, Answers answers) {
		int at = index(definition, pageId);
		Visibility v = visibility(definition, answers);
		return definition.pages().subList(at + 1, definition.pages().size()).stream().filter(p -> v.page(p.id())).findFirst();
	}

	/**
	 * The page shown before {@code pageId}; empty on the first one.
	 * @throws IllegalArgumentException when the procedure has no such page
	 */
	public static Optional<PageDefinition> previousPage(ProcedureDefinition definition, String pageId, Answers answers) {
		int at = index(definition, pageId);
		Visibility v = visibility(definition, answers);
		List<PageDefinition> before = new ArrayList<>(definition.pages().subList(0, at));
		java.util.Collections.reverse(before);
		return before.stream().filter(p -> v.page(p.id())).findFirst();
	}

	/**
	 * The answers without those to fields that are hidden now (for example after the resident changed an
	 * earlier answer), so that a hidden answer is never stored or submitted. Unknown field ids are kept:
	 * {@link AnswerValidator#validateAll} refuses them.
	 */
	public static Answers pruneHidden(ProcedureDefinition definition, Answers answers) {
		Visibility v = visibility(definition, answers);
		List<String> hidden = definition.fields().map(FieldDefinition::id).filter(id -> !v.field(id)).toList();
		return answers.without(hidden);
	}

	/** Whether a condition holds for the answers, on its own (without asking whether its field is shown). */
	public static boolean matches(Condition condition, Answers answers) {
		if (condition == null) {
			return true;
		}
		if (Boolean.TRUE.equals(condition.notEmpty())) {
			return answers.has(condition.field());
		}
		List<String> chosen = answers.list(condition.field());
		if (condition.equals() != null) {
			return chosen.contains(condition.equals());
		}
		if (condition.in() != null) {
			return chosen.stream().anyMatch(condition.in()::contains);
		}
		return false;
	}

	private static boolean holds(Condition condition, Answers answers, Set<String> shownSoFar) {
		return condition == null || shownSoFar.contains(condition.field()) && matches(condition, answers);
	}

	static PageDefinition page(ProcedureDefinition definition, String pageId) {
		return definition.page(pageId).orElseThrow(() -> new IllegalArgumentException("no page " + pageId));
	}

	private static int index(ProcedureDefinition definition, String pageId) {
		for (int i = 0; i < definition.pages().size(); i++) {
			if (definition.pages().get(i).id().equals(pageId)) {
				return i;
			}
		}
		throw new IllegalArgumentException("no page " + pageId);
	}
}
