package org.madoguchi.procedures;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.madoguchi.platform.FieldError;

/**
 * Checks answers against a procedure definition. Every error is a {@link FieldError} with {@code field} = the
 * field id, a {@code procedures.error.*} code and, as first argument, the field's label as a
 * {@link TextArgument} (it resolves itself in the reader's language; see {@link ProcedureMessages}). At most
 * one error per field.
 * <p>
 * Hidden fields (by {@link FormFlow}) are not checked and not required. {@link #validateAll} is the check
 * before submission and for the Web API: it also refuses answers to unknown fields and to hidden fields,
 * values of the wrong JSON shape, and applies the procedure's {@link Rule}s.
 */
public final class AnswerValidator {

	static final int DEFAULT_MAX_LENGTH = 100;
	static final int DEFAULT_TEXTAREA_MAX_LENGTH = 2000;
	static final int DEFAULT_MAX_MEMBERS = 10;
	static final int DEFAULT_MAX_FILES = 1;
	static final int EMAIL_MAX = 254;
	static final int ADDRESS_MAX = 200;
	static final int BUILDING_MAX = 100;
	static final int BANK_NAME_MAX = 50;
	/** 口座名義 as banks hold it: 30 half-width characters; full-width katakana take the same count here. */
	static final int HOLDER_MAX = 30;
	static final Set<String> ACCOUNT_TYPES = Set.of("ORDINARY", "CURRENT", "SAVINGS");

	private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
	private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");
	private static final Pattern PHONE_DIGITS = Pattern.compile("[0-9]{10,11}");
	private static final Pattern PHONE_HYPHENS = Pattern.compile("[0-9]{2,5}-[0-9]{1,4}-[0-9]{3,4}");
	private static final Pattern POSTAL = Pattern.compile("[0-9]{3}-[0-9]{4}");
	private static final Pattern EMAIL = Pattern.compile(
			"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
	private static final Pattern RELATIVE = Pattern.compile("([+-]?)([0-9]{1,3})([dmy])");

	/** Administrators' patterns, compiled once each (there are few, and definitions are immutable). */
	private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

	private static final Map<String, Text> PART_NAMES = Map.of(
			"postalCode", Text.of("郵便番号", "postal code"),
			"address", Text.of("住所", "address"),
			"building", Text.of("方書（建物名・部屋番号）", "building and room"),
			"bankCode", Text.of("金融機関コード", "bank code"),
			"bankName", Text.of("金融機関名", "bank name"),
			"branchCode", Text.of("支店コード", "branch code"),
			"branchName", Text.of("支店名", "branch name"),
			"accountType", Text.of("預金種目", "account type"),
			"accountNumber", Text.of("口座番号", "account number"),
			"holderKana", Text.of("口座名義（カナ）", "account holder name in katakana"));

	private AnswerValidator() {
	}

	/** The name of a part of an ADDRESS or BANK_ACCOUNT answer, for labels and messages. */
	public static Text partName(String part) {
		return PART_NAMES.getOrDefault(part, Text.of(part, part));
	}

	/**
	 * Checks the fields of one page that are shown, and the rules whose fields are all on that page.
	 * A hidden page has nothing to check.
	 * @throws IllegalArgumentException when the procedure has no such page
	 */
	public static List<FieldError> validatePage(ProcedureDefinition definition, String pageId, Answers answers,
			ValidationContext context) {
		PageDefinition page = FormFlow.page(definition, pageId);
		FormFlow.Visibility shown = FormFlow.visibility(definition, answers);
		List<FieldError> errors = new ArrayList<>();
		if (!shown.page(pageId)) {
			return errors;
		}
		for (FieldDefinition f : page.fields()) {
			if (shown.field(f.id())) {
				validateField(f, answers, context).ifPresent(errors::add);
			}
		}
		Set<String> onPage = new HashSet<>();
		page.fields().forEach(f -> onPage.add(f.id()));
		definition.rules().stream().filter(r -> onPage.containsAll(r.fields()))
			.forEach(r -> rule(definition, r, answers, shown, errors));
		return sorted(definition, errors);
	}

	/**
	 * {@link #validatePage} for a page just bound: the binder's conversion errors first, then the validator's
	 * for the other fields, one per field, in form order.
	 */
	public static List<FieldError> validateBound(ProcedureDefinition definition, String pageId,
			FormBinder.BindResult bound, ValidationContext context) {
		List<FieldError> errors = new ArrayList<>(bound.errors());
		Set<String> failed = new HashSet<>();
		bound.errors().forEach(e -> failed.add(e.field()));
		validatePage(definition, pageId, bound.answers(), context).stream().filter(e -> !failed.contains(e.field()))
			.forEach(errors::add);
		return sorted(definition, errors);
	}

	/**
	 * The whole application: every field shown, answers to unknown fields ({@code procedures.error.unknownField},
	 * argument the id) and to hidden fields ({@code procedures.error.hiddenAnswered}) refused, then the rules.
	 * Errors in form order, unknown fields last.
	 */
	public static List<FieldError> validateAll(ProcedureDefinition definition, Answers answers, ValidationContext context) {
		FormFlow.Visibility shown = FormFlow.visibility(definition, answers);
		List<FieldError> errors = new ArrayList<>();
		Set<String> known = new HashSet<>();
		definition.fields().forEach(f -> {
			known.add(f.id());
			if (shown.field(f.id())) {
				validateField(f, answers, context).ifPresent(errors::add);
			}
			else if (answers.has(f.id())) {
				errors.add(FieldError.of(f.id(), "procedures.error.hiddenAnswered", TextArgument.of(f.label())));
			}
		});
		for (String id : answers.asMap().keySet()) {
			if (!known.contains(id)) {
				errors.add(FieldError.of(id, "procedures.error.unknownField", id));
			}
		}
		definition.rules().forEach(r -> rule(definition, r, answers, shown, errors));
		return sorted(definition, errors);
	}

	/** One field's answer, as if it were shown. */
	public static Optional<FieldError> validateField(FieldDefinition f, Answers answers, ValidationContext context) {
		TextArgument label = TextArgument.of(f.label());
		if (!answers.has(f.id())) {
			// absent, a blank string, an empty list or an object of blank parts: unanswered
			return f.required() ? error(f, requiredCode(f), label) : Optional.empty();
		}
		Object v = answers.get(f.id());
		return switch (f.type()) {
			case TEXT, TEXTAREA, KATAKANA -> text(f, v, label);
			case NUMBER -> number(f, v, label);
			case DATE -> date(f, v, label, context.today());
			case SELECT, RADIO -> v instanceof String s
					? (f.options().stream().anyMatch(o -> o.value().equals(s)) ? Optional.empty()
							: error(f, "procedures.error.choice", label))
					: error(f, "procedures.error.shape", label);
			case CHECKBOX -> checkbox(f, v, label);
			case ADDRESS -> address(f, v, label);
			case PHONE -> phone(f, v, label);
			case EMAIL -> email(f, v, label);
			case HOUSEHOLD_MEMBER -> members(f, v, label, context.household());
			case BANK_ACCOUNT -> bank(f, v, label);
			case FILE -> files(f, v, label, context.attachmentsByField().getOrDefault(f.id(), Set.of()));
		};
	}

	private static String requiredCode(FieldDefinition f) {
		if (f.type() == FieldType.CHECKBOX && f.options().isEmpty()) {
			return "procedures.error.requiredCheck";
		}
		return switch (f.type()) {
			case SELECT, RADIO, CHECKBOX, HOUSEHOLD_MEMBER -> "procedures.error.requiredChoice";
			case FILE -> "procedures.error.requiredFile";
			default -> "procedures.error.required";
		};
	}

	private static Optional<FieldError> text(FieldDefinition f, Object v, TextArgument label) {
		if (!(v instanceof String s)) {
			return error(f, "procedures.error.shape", label);
		}
		if (Conversions.hasControl(s, f.type() == FieldType.TEXTAREA)) {
			return error(f, "procedures.error.characters", label);
		}
		int max = f.maxLength() != null ? f.maxLength()
				: f.type() == FieldType.TEXTAREA ? DEFAULT_TEXTAREA_MAX_LENGTH : DEFAULT_MAX_LENGTH;
		if (Conversions.length(s) > max) {
			return error(f, "procedures.error.maxLength", label, max);
		}
		if (f.type() == FieldType.KATAKANA && !Conversions.isKatakana(s)) {
			return error(f, "procedures.error.katakana", label);
		}
		if (f.pattern() != null && !PATTERNS.computeIfAbsent(f.pattern(), Pattern::compile).matcher(s).matches()) {
			return error(f, "procedures.error.pattern", label, TextArgument.of(f.patternMessage()));
		}
		return Optional.empty();
	}

	private static Optional<FieldError> number(FieldDefinition f, Object v, TextArgument label) {
		String s = v instanceof Integer || v instanceof Long ? v.toString() : v instanceof String x ? x : null;
		if (s == null) {
			return error(f, "procedures.error.shape", label);
		}
		if (!NUMBER.matcher(s).matches()) {
			return error(f, "procedures.error.number", label);
		}
		long n = Long.parseLong(s);
		if (f.min() != null && n < f.min()) {
			return error(f, "procedures.error.min", label, f.min());
		}
		if (f.max() != null && n > f.max()) {
			return error(f, "procedures.error.max", label, f.max());
		}
		return Optional.empty();
	}

	private static Optional<FieldError> date(FieldDefinition f, Object v, TextArgument label, LocalDate today) {
		if (!(v instanceof String s)) {
			return error(f, "procedures.error.shape", label);
		}
		Optional<LocalDate> d = isoDate(s);
		if (d.isEmpty()) {
			return error(f, "procedures.error.date", label);
		}
		if (today != null && f.notBefore() != null) {
			LocalDate limit = relative(today, f.notBefore());
			if (d.get().isBefore(limit)) {
				return error(f, "procedures.error.notBefore", label, TextArgument.of(Wareki.text(limit)));
			}
		}
		if (today != null && f.notAfter() != null) {
			LocalDate limit = relative(today, f.notAfter());
			if (d.get().isAfter(limit)) {
				return error(f, "procedures.error.notAfter", label, TextArgument.of(Wareki.text(limit)));
			}
		}
		return Optional.empty();
	}

	/** {@code -30d}, {@code 0d}, {@code +14d}, {@code -1m}, {@code -100y} from {@code today}. */
	static LocalDate relative(LocalDate today, String spec) {
		Matcher m = RELATIVE.matcher(spec.strip());
		if (!m.matches()) {
			throw new IllegalArgumentException("not a relative day: " + spec);
		}
		long n = Long.parseLong(m.group(2)) * ("-".equals(m.group(1)) ? -1 : 1);
		return switch (m.group(3)) {
			case "d" -> today.plusDays(n);
			case "m" -> today.plusMonths(n);
			default -> today.plusYears(n);
		};
	}

	static Optional<LocalDate> isoDate(String s) {
		if (!ISO_DATE.matcher(s).matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(s));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	private static Optional<FieldError> checkbox(FieldDefinition f, Object v, TextArgument label) {
		if (!(v instanceof List<?> l) || !l.stream().allMatch(x -> x instanceof String)) {
			return error(f, "procedures.error.shape", label);
		}
		Set<String> allowed = new HashSet<>();
		if (f.options().isEmpty()) {
			allowed.add("yes");
		}
		f.options().forEach(o -> allowed.add(o.value()));
		if (!allowed.containsAll(l) || new HashSet<>(l).size() != l.size()) {
			return error(f, "procedures.error.choice", label);
		}
		return Optional.empty();
	}

	private static Optional<FieldError> address(FieldDefinition f, Object v, TextArgument label) {
		Optional<Map<String, String>> parts = parts(v, FormBinder.ADDRESS_PARTS);
		if (parts.isEmpty()) {
			return error(f, "procedures.error.shape", label);
		}
		Map<String, String> p = parts.get();
		for (String part : List.of("postalCode", "address")) {
			if (blank(p.get(part))) {
				return error(f, "procedures.error.partRequired", label, TextArgument.of(partName(part)));
			}
		}
		if (!POSTAL.matcher(p.get("postalCode")).matches()) {
			return error(f, "procedures.error.postalCode", label);
		}
		return partText(f, label, p, "address", ADDRESS_MAX).or(() -> partText(f, label, p, "building", BUILDING_MAX));
	}

	private static Optional<FieldError> bank(FieldDefinition f, Object v, TextArgument label) {
		Optional<Map<String, String>> parts = parts(v, FormBinder.BANK_PARTS);
		if (parts.isEmpty()) {
			return error(f, "procedures.error.shape", label);
		}
		Map<String, String> p = parts.get();
		for (String part : FormBinder.BANK_PARTS) {
			if (blank(p.get(part))) {
				return error(f, "procedures.error.partRequired", label, TextArgument.of(partName(part)));
			}
		}
		if (!p.get("bankCode").matches("[0-9]{4}")) {
			return error(f, "procedures.error.bankCode", label);
		}
		if (!p.get("branchCode").matches("[0-9]{3}")) {
			return error(f, "procedures.error.branchCode", label);
		}
		if (!ACCOUNT_TYPES.contains(p.get("accountType"))) {
			return error(f, "procedures.error.accountType", label);
		}
		if (!p.get("accountNumber").matches("[0-9]{7}")) {
			return error(f, "procedures.error.accountNumber", label);
		}
		String holder = p.get("holderKana");
		if (!Conversions.isKatakana(holder)) {
			return error(f, "procedures.error.holderKana", label);
		}
		if (Conversions.length(holder) > HOLDER_MAX) {
			return error(f, "procedures.error.partMaxLength", label, TextArgument.of(partName("holderKana")), HOLDER_MAX);
		}
		return partText(f, label, p, "bankName", BANK_NAME_MAX).or(() -> partText(f, label, p, "branchName", BANK_NAME_MAX));
	}

	private static Optional<FieldError> partText(FieldDefinition f, TextArgument label, Map<String, String> p, String part,
			int max) {
		String s = p.get(part);
		if (s == null) {
			return Optional.empty();
		}
		if (Conversions.hasControl(s, false)) {
			return error(f, "procedures.error.characters", label);
		}
		if (Conversions.length(s) > max) {
			return error(f, "procedures.error.partMaxLength", label, TextArgument.of(partName(part)), max);
		}
		return Optional.empty();
	}

	/** An object of string parts with only the known keys, or empty when it has another shape. */
	private static Optional<Map<String, String>> parts(Object v, List<String> names) {
		if (!(v instanceof Map<?, ?> m)) {
			return Optional.empty();
		}
		Map<String, String> out = new HashMap<>();
		for (Map.Entry<?, ?> e : m.entrySet()) {
			if (!names.contains(String.valueOf(e.getKey())) || e.getValue() != null && !(e.getValue() instanceof String)) {
				return Optional.empty();
			}
			if (e.getValue() != null) {
				out.put(String.valueOf(e.getKey()), (String) e.getValue());
			}
		}
		return Optional.of(out);
	}

	private static Optional<FieldError> phone(FieldDefinition f, Object v, TextArgument label) {
		if (!(v instanceof String s)) {
			return error(f, "procedures.error.shape", label);
		}
		int digits = s.replace("-", "").length();
		boolean ok = PHONE_DIGITS.matcher(s).matches()
				|| PHONE_HYPHENS.matcher(s).matches() && digits >= 10 && digits <= 11;
		return ok ? Optional.empty() : error(f, "procedures.error.phone", label);
	}

	private static Optional<FieldError> email(FieldDefinition f, Object v, TextArgument label) {
		if (!(v instanceof String s)) {
			return error(f, "procedures.error.shape", label);
		}
		if (s.length() > EMAIL_MAX) {
			return error(f, "procedures.error.maxLength", label, EMAIL_MAX);
		}
		// consecutive dots are allowed: older Japanese mobile addresses have them
		return EMAIL.matcher(s).matches() ? Optional.empty() : error(f, "procedures.error.email", label);
	}

	private static Optional<FieldError> members(FieldDefinition f, Object v, TextArgument label,
			List<HouseholdMember> household) {
		if (!(v instanceof List<?> l)) {
			return error(f, "procedures.error.shape", label);
		}
		Set<String> seen = new LinkedHashSet<>();
		for (Object x : l) {
			Object number = x instanceof Map<?, ?> m ? m.get("atenaNumber") : x;
			if (!(number instanceof String n)) {
				return error(f, "procedures.error.shape", label);
			}
			Optional<HouseholdMember> member = household.stream().filter(h -> h.atenaNumber().equals(n)).findFirst();
			// a number not offered, or a name or birth date other than the register's, was not chosen on the page
			if (member.isEmpty() || x instanceof Map<?, ?> m && !agrees(m, member.get()) || !seen.add(n)) {
				return error(f, "procedures.error.householdMember", label);
			}
		}
		int max = f.maxItems() != null ? f.maxItems() : DEFAULT_MAX_MEMBERS;
		return seen.size() > max ? error(f, "procedures.error.maxItems", label, max) : Optional.empty();
	}

	private static boolean agrees(Map<?, ?> given, HouseholdMember m) {
		for (Object key : given.keySet()) {
			if (!Set.of("atenaNumber", "name", "birthDate").contains(String.valueOf(key))) {
				return false;
			}
		}
		return (given.get("name") == null || Objects.equals(m.name(), given.get("name")))
				&& (given.get("birthDate") == null || Objects.equals(m.birthDate(), given.get("birthDate")));
	}

	private static Optional<FieldError> files(FieldDefinition f, Object v, TextArgument label, Set<String> stored) {
		if (!(v instanceof List<?> l) || !l.stream().allMatch(x -> x instanceof String)) {
			return error(f, "procedures.error.shape", label);
		}
		if (!stored.containsAll(l) || new HashSet<>(l).size() != l.size()) {
			return error(f, "procedures.error.attachment", label);
		}
		int max = f.maxItems() != null ? f.maxItems() : DEFAULT_MAX_FILES;
		return l.size() > max ? error(f, "procedures.error.maxItems", label, max) : Optional.empty();
	}

	private static void rule(ProcedureDefinition definition, Rule r, Answers answers, FormFlow.Visibility shown,
			List<FieldError> errors) {
		List<String> visible = r.fields().stream().filter(shown::field).toList();
		if (visible.isEmpty()) {
			return;
		}
		String target = visible.get(visible.size() - 1);
		if (errors.stream().anyMatch(e -> e.field().equals(target))) {
			return;
		}
		boolean broken = switch (r.kind()) {
			case BEFORE -> {
				List<LocalDate> dates = visible.stream()
					.map(id -> answers.get(id) instanceof String s ? isoDate(s).orElse(null) : null)
					.filter(Objects::nonNull)
					.toList();
				boolean out = false;
				for (int i = 1; i < dates.size(); i++) {
					out |= dates.get(i - 1).isAfter(dates.get(i));
				}
				yield out;
			}
			case AT_LEAST_ONE -> visible.stream().noneMatch(answers::has);
			case SAME -> visible.stream().filter(answers::has).map(answers::get).distinct().count() > 1;
		};
		if (broken) {
			FieldDefinition f = definition.field(target).orElseThrow();
			errors.add(FieldError.of(target, "procedures.error.rule", TextArgument.of(f.label()), TextArgument.of(r.message())));
		}
	}

	private static List<FieldError> sorted(ProcedureDefinition definition, List<FieldError> errors) {
		Map<String, Integer> order = new HashMap<>();
		definition.fields().forEach(f -> order.put(f.id(), order.size()));
		List<FieldError> out = new ArrayList<>(errors);
		out.sort(Comparator.comparingInt(e -> order.getOrDefault(e.field(), Integer.MAX_VALUE)));
		return out;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static Optional<FieldError> error(FieldDefinition f, String code, Object... args) {
		return Optional.of(FieldError.of(f.id(), code, args));
	}
}
