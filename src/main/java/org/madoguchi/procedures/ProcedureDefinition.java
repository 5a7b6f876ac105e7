package org.madoguchi.procedures;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A procedure as its YAML file describes it. See {@code docs/procedure-format.md}.
 *
 * @param id stable identifier, {@code [a-z0-9-]+}, e.g. {@code juminhyo-copy}
 * @param name the procedure's name
 * @param summary one sentence for the catalog
 * @param description what it is for and what happens after
 * @param legalBasis 根拠法令
 * @param eligibility who may apply
 * @param category catalog section
 * @param lifeEvents life events it belongs to
 * @param keywords extra words for search (ja or en)
 * @param channel {@code ONLINE} or {@code ONLINE_AND_COUNTER}
 * @param assurance required identity assurance
 * @param fee optional fee
 * @param pages the form's pages, in order
 * @param rules checks across fields
 * @param workflow the review route and SLA
 * @param notifications by status name ({@code SUBMITTED, ACCEPTED, REJECTED, RETURNED, INFO_REQUESTED, COMPLETED});
 *     missing ones use the city's default texts
 */
public record ProcedureDefinition(String id, Text name, Text summary, Text description, Text legalBasis,
		Text eligibility, Category category, List<LifeEvent> lifeEvents, List<String> keywords, String channel,
		Assurance assurance, Fee fee, List<PageDefinition> pages, List<Rule> rules, Workflow workflow,
		Map<String, NotificationText> notifications) {

	public ProcedureDefinition {
		lifeEvents = lifeEvents == null ? List.of() : List.copyOf(lifeEvents);
		keywords = keywords == null ? List.of() : List.copyOf(keywords);
		pages = pages == null ? List.of() : List.copyOf(pages);
		rules = rules == null ? List.of() : List.copyOf(rules);
		notifications = notifications == null ? Map.of() : Map.copyOf(notifications);
		channel = channel == null ? "ONLINE" : channel;
		assurance = assurance == null ? Assurance.ACCOUNT : assurance;
	}

	public Stream<FieldDefinition> fields() {
		return pages.stream().flatMap(p -> p.fields().stream());
	}

	public Optional<FieldDefinition> field(String fieldId) {
		return fields().filter(f -> f.id().equals(fieldId)).findFirst();
	}

	public Optional<PageDefinition> page(String pageId) {
		return pages.stream().filter(p -> p.id().equals(pageId)).findFirst();
	}

	/** The FILE fields: what can be attached. */
	public List<FieldDefinition> attachments() {
		return fields().filter(f -> f.type() == FieldType.FILE).toList();
	}
}
