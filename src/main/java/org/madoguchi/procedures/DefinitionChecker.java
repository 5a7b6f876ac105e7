package org.madoguchi.procedures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Structural checks on a definition: everything a form renderer, validator and workflow rely on.
 * Returns the problems found, each naming the place ({@code pages[1].fields[3] (copies)}).
 */
final class DefinitionChecker {

	static final Set<String> FILE_TYPES = Set.of("PDF", "JPEG", "PNG");
	static final Set<String> STAFF_ROLES = Set.of("COUNTER", "EXAMINER", "APPROVER", "ADMIN");
	static final Set<String> STATUSES = Set.of("SUBMITTED", "ACCEPTED", "REJECTED", "RETURNED", "INFO_REQUESTED",
			"COMPLETED");
	static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
	static final int MAX_PAGES = 30;
	static final int MAX_FIELDS = 200;

	private static final Pattern PROCEDURE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
	private static final Pattern FIELD_ID = Pattern.compile("[a-z][a-zA-Z0-9]{0,39}");
	private static final Pattern RELATIVE_DAY = Pattern.compile("[+-]?\\d{1,3}[dmy]");

	private DefinitionChecker() {
	}

	static List<String> check(ProcedureDefinition d) {
		List<String> p = new ArrayList<>();
		if (d.id() == null || !PROCEDURE_ID.matcher(d.id()).matches()) {
			p.add("id: must be lower-case letters, digits and hyphens (2–63), got " + d.id());
		}
		text(p, "name", d.name(), true);
		text(p, "summary", d.summary(), true);
		text(p, "description", d.description(), false);
		text(p, "legalBasis", d.legalBasis(), false);
		text(p, "eligibility", d.eligibility(), false);
		if (d.category() == null) {
			p.add("category: missing");
		}
		if (!Set.of("ONLINE", "ONLINE_AND_COUNTER").contains(d.channel())) {
			p.add("channel: ONLINE or ONLINE_AND_COUNTER, got " + d.channel());
		}
		if (d.pages().isEmpty()) {
			p.add("pages: at least one page is needed");
		}
		if (d.pages().size() > MAX_PAGES) {
			p.add("pages: at most " + MAX_PAGES);
		}
		Map<String, FieldDefinition> seen = new HashMap<>();
		Set<String> pageIds = new HashSet<>();
		int fieldCount = 0;
		for (int i = 0; i < d.pages().size(); i++) {
			PageDefinition page = d.pages().get(i);
			String where = "pages[" + i + "]" + (page.id() != null ? " (" + page.id() + ")" : "");
			if (page.id() == null || !FIELD_ID.matcher(page.id()).matches()) {
				p.add(where + ".id: must match " + FIELD_ID.pattern());
			}
			else if (!pageIds.add(page.id())) {
				p.add(where + ".id: used twice");
			}
			text(p, where + ".title", page.title(), true);
			if (page.fields().isEmpty()) {
				p.add(where + ".fields: a page needs at least one field");
			}
			condition(p, where + ".visibleWhen", page.visibleWhen(), seen);
			for (int j = 0; j < page.fields().size(); j++) {
				FieldDefinition f = page.fields().get(j);
				String fw = where + ".fields[" + j + "]" + (f.id() != null ? " (" + f.id() + ")" : "");
				field(p, fw, f, seen);
				if (f.id() != null) {
					if (seen.containsKey(f.id())) {
						p.add(fw + ".id: used twice in the procedure");
					}
					seen.put(f.id(), f);
				}
				fieldCount++;
			}
		}
		if (fieldCount > MAX_FIELDS) {
			p.add("pages: at most " + MAX_FIELDS + " fields in all");
		}
		for (int i = 0; i < d.rules().size(); i++) {
			Rule r = d.rules().get(i);
			String where = "rules[" + i + "]";
			if (r.kind() == null) {
				p.add(where + ".kind: BEFORE, AT_LEAST_ONE or SAME");
				continue;
			}
			if (r.fields().size() < 2 && r.kind() != Rule.Kind.AT_LEAST_ONE || r.fields().isEmpty()) {
				p.add(where + ".fields: list the fields it compares");
			}
			for (String f : r.fields()) {
				if (!seen.containsKey(f)) {
					p.add(where + ".fields: no field " + f);
				}
				else if (r.kind() == Rule.Kind.BEFORE && seen.get(f).type() != FieldType.DATE) {
					p.add(where + ".fields: " + f + " is not a DATE");
				}
			}
			text(p, where + ".message", r.message(), true);
		}
		if (d.fee() != null) {
			if (d.fee().amount() < 0 || d.fee().amount() > 1_000_000) {
				p.add("fee.amount: 0 to 1,000,000 yen");
			}
			if (d.fee().perField() != null && (!seen.containsKey(d.fee().perField())
					|| seen.get(d.fee().perField()).type() != FieldType.NUMBER)) {
				p.add("fee.perField: must name a NUMBER field, got " + d.fee().perField());
			}
		}
		if (d.workflow() == null || d.workflow().steps().isEmpty()) {
			p.add("workflow.steps: at least one step");
		}
		else {
			if (d.workflow().slaDays() < 1 || d.workflow().slaDays() > 365) {
				p.add("workflow.slaDays: 1 to 365");
			}
			Set<String> stepIds = new HashSet<>();
			for (int i = 0; i < d.workflow().steps().size(); i++) {
				WorkflowStep s = d.workflow().steps().get(i);
				String where = "workflow.steps[" + i + "]";
				if (s.id() == null || !FIELD_ID.matcher(s.id()).matches() || !stepIds.add(s.id())) {
					p.add(where + ".id: missing, malformed or used twice");
				}
				text(p, where + ".name", s.name(), true);
				if (!STAFF_ROLES.contains(s.role())) {
					p.add(where + ".role: one of " + STAFF_ROLES + ", got " + s.role());
				}
			}
		}
		d.notifications().forEach((status, n) -> {
			if (!STATUSES.contains(status)) {
				p.add("notifications." + status + ": not a status; use one of " + STATUSES);
			}
			if (n == null) {
				p.add("notifications." + status + ": empty");
			}
			else {
				text(p, "notifications." + status + ".subject", n.subject(), true);
				text(p, "notifications." + status + ".body", n.body(), true);
			}
		});
		return p;
	}

	private static void field(List<String> p, String where, FieldDefinition f, Map<String, FieldDefinition> earlier) {
		if (f.id() == null || !FIELD_ID.matcher(f.id()).matches()) {
			p.add(where + ".id: must match " + FIELD_ID.pattern());
		}
		if (f.type() == null) {
			p.add(where + ".type: missing");
			return;
		}
		text(p, where + ".label", f.label(), true);
		text(p, where + ".hint", f.hint(), false);
		boolean choices = f.type() == FieldType.SELECT || f.type() == FieldType.RADIO;
		if (choices && f.options().size() < 2) {
			p.add(where + ".options: a " + f.type() + " needs at least two options");
		}
		if (f.type() == FieldType.CHECKBOX && f.options().size() == 1) {
			p.add(where + ".options: a CHECKBOX has no options (one yes/no box) or at least two");
		}
		if (!f.options().isEmpty() && !(choices || f.type() == FieldType.CHECKBOX)) {
			p.add(where + ".options: only for SELECT, RADIO and CHECKBOX");
		}
		Set<String> values = new HashSet<>();
		for (Choice c : f.options()) {
			if (c.value() == null || c.value().isBlank() || c.value().length() > 40 || !values.add(c.value())) {
				p.add(where + ".options: value missing, longer than 40 or used twice: " + c.value());
			}
			text(p, where + ".options[" + c.value() + "].label", c.label(), true);
		}
		if (f.maxLength() != null && (f.maxLength() < 1 || f.maxLength() > 4000)) {
			p.add(where + ".maxLength: 1 to 4,000");
		}
		if (f.min() != null && f.max() != null && f.min() > f.max()) {
			p.add(where + ".min: greater than max");
		}
		if ((f.min() != null || f.max() != null) && f.type() != FieldType.NUMBER) {
			p.add(where + ".min/max: only for NUMBER");
		}
		if (f.pattern() != null) {
			if (f.type() != FieldType.TEXT) {
				p.add(where + ".pattern: only for TEXT");
			}
			try {
				Pattern.compile(f.pattern());
			}
			catch (PatternSyntaxException e) {
				p.add(where + ".pattern: not a regular expression: " + e.getDescription());
			}
			text(p, where + ".patternMessage", f.patternMessage(), true);
		}
		for (String rel : new String[] { f.notBefore(), f.notAfter() }) {
			if (rel != null) {
				if (f.type() != FieldType.DATE) {
					p.add(where + ".notBefore/notAfter: only for DATE");
				}
				else if (!RELATIVE_DAY.matcher(rel).matches()) {
					p.add(where + ".notBefore/notAfter: like -30d, 0d, +14d, -1m or -100y, got " + rel);
				}
			}
		}
		if (f.type() == FieldType.FILE) {
			if (f.types().isEmpty() || !FILE_TYPES.containsAll(f.types())) {
				p.add(where + ".types: some of " + FILE_TYPES + ", got " + f.types());
			}
			if (f.maxBytes() != null && (f.maxBytes() < 1024 || f.maxBytes() > MAX_FILE_BYTES)) {
				p.add(where + ".maxBytes: 1 KB to 20 MB");
			}
		}
		else if (!f.types().isEmpty() || f.maxBytes() != null || f.bringOriginal()) {
			p.add(where + ".types/maxBytes/bringOriginal: only for FILE");
		}
		if (f.maxItems() != null && (f.maxItems() < 1 || f.maxItems() > 20
				|| (f.type() != FieldType.FILE && f.type() != FieldType.HOUSEHOLD_MEMBER))) {
			p.add(where + ".maxItems: 1 to 20, only for FILE and HOUSEHOLD_MEMBER");
		}
		condition(p, where + ".visibleWhen", f.visibleWhen(), earlier);
	}

	/** A condition may only look at fields that come before it, so the form can be filled in order. */
	private static void condition(List<String> p, String where, Condition c, Map<String, FieldDefinition> earlier) {
		if (c == null) {
			return;
		}
		if (c.field() == null || !earlier.containsKey(c.field())) {
			p.add(where + ".field: must name a field that comes earlier, got " + c.field());
			return;
		}
		int set = (c.equals() != null ? 1 : 0) + (c.in() != null ? 1 : 0) + (Boolean.TRUE.equals(c.notEmpty()) ? 1 : 0);
		if (set != 1) {
			p.add(where + ": exactly one of equals, in, notEmpty: true");
		}
		FieldDefinition target = earlier.get(c.field());
		List<String> wanted = c.equals() != null ? List.of(c.equals()) : c.in() != null ? c.in() : List.of();
		if (!target.options().isEmpty()) {
			Set<String> values = new HashSet<>();
			target.options().forEach(o -> values.add(o.value()));
			for (String w : wanted) {
				if (!values.contains(w)) {
					p.add(where + ": " + c.field() + " has no option " + w);
				}
			}
		}
		else if (target.type() == FieldType.CHECKBOX && !wanted.isEmpty() && !wanted.equals(List.of("yes"))) {
			p.add(where + ": a yes/no box can only be compared with yes");
		}
	}

	private static void text(List<String> p, String where, Text t, boolean required) {
		if (t == null) {
			if (required) {
				p.add(where + ": missing");
			}
			return;
		}
		if (t.ja() == null || t.ja().isBlank()) {
			p.add(where + ".ja: missing");
		}
		if (required && (t.en() == null || t.en().isBlank())) {
			p.add(where + ".en: missing");
		}
		if ((t.ja() != null && t.ja().length() > 4000) || (t.en() != null && t.en().length() > 4000)) {
			p.add(where + ": longer than 4,000 characters");
		}
	}
}
