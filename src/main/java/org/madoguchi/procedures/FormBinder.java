package org.madoguchi.procedures;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.madoguchi.platform.FieldError;

/**
 * Reads the HTML parameters of one form page into {@link Answers}, converting what residents type into the
 * stored form: full-width digits to half-width, hiragana and half-width katakana to full-width katakana
 * (KATAKANA fields and the 口座名義), 和暦 to ISO dates, 郵便番号 to {@code 123-4567}, dashes in phone numbers
 * to hyphens, and spaces trimmed.
 * <p>
 * Parameter names (see the helper brief and {@code docs/procedure-format.md}): {@code f.x} for single values
 * and repeated {@code f.x} for CHECKBOX and HOUSEHOLD_MEMBER; {@code f.x.era}, {@code .year}, {@code .month},
 * {@code .day} for DATE; {@code f.x.<part>} for ADDRESS and BANK_ACCOUNT parts. FILE answers are set by the
 * server, never bound.
 * <p>
 * Only what cannot be turned into an answer of the right form is an error here (a date that does not exist,
 * a number with letters, a household member not in the household); everything else (lengths, formats,
 * required) is the {@link AnswerValidator}'s job, so call {@link AnswerValidator#validateBound} next.
 */
public final class FormBinder {

	/** Parameter name prefix of every field. */
	public static final String PREFIX = "f.";

	public static final List<String> ADDRESS_PARTS = List.of("postalCode", "address", "building");

	public static final List<String> BANK_PARTS = List.of("bankCode", "bankName", "branchCode", "branchName",
			"accountType", "accountNumber", "holderKana");

	public static final List<String> DATE_PARTS = List.of("era", "year", "month", "day");

	/** More repeated values than this for one field are not read (there are at most 20 options or members). */
	static final int MAX_VALUES = 100;

	private FormBinder() {
	}

	/**
	 * What binding one page gave.
	 *
	 * @param answers all answers: the previous ones of other pages kept, this page's fields replaced by what was
	 *     sent (a field left empty is removed), and answers of fields that are hidden now dropped
	 * @param errors conversion errors, one per field, in field order
	 * @param rawInput for fields whose input could not be converted: the parameters as sent (name → values, e.g.
	 *     {@code f.birthDate.year → ["平成32"]}), so the page can show them again
	 */
	public record BindResult(Answers answers, List<FieldError> errors, Map<String, List<String>> rawInput) {

		public BindResult {
			errors = List.copyOf(errors);
			rawInput = Map.copyOf(rawInput);
		}

		public boolean hasErrors() {
			return !errors.isEmpty();
		}

		/** The first value sent for a parameter of a field that failed conversion, or null. */
		public String raw(String parameterName) {
			List<String> values = rawInput.get(parameterName);
			return values == null || values.isEmpty() ? null : values.get(0);
		}

		public List<String> rawValues(String parameterName) {
			return rawInput.getOrDefault(parameterName, List.of());
		}

		/** Whether the field's input could not be converted (show {@link #raw} rather than the answer). */
		public boolean failed(String fieldId) {
			return errors.stream().anyMatch(e -> e.field().equals(fieldId));
		}
	}

	/**
	 * Binds the parameters of page {@code pageId}.
	 * @param household the applicant's household, to look up the members chosen in HOUSEHOLD_MEMBER fields
	 * @throws IllegalArgumentException when the procedure has no such page
	 */
	public static BindResult bind(ProcedureDefinition definition, String pageId, Map<String, String[]> parameters,
			Answers previous, List<HouseholdMember> household) {
		PageDefinition page = FormFlow.page(definition, pageId);
		Map<String, String[]> params = parameters == null ? Map.of() : parameters;
		Answers answers = previous == null ? Answers.empty() : previous;
		List<FieldError> errors = new ArrayList<>();
		Set<String> failed = new HashSet<>();
		for (FieldDefinition field : page.fields()) {
			if (field.type() == FieldType.FILE) {
				continue;
			}
			Bound b = bindField(field, params, household == null ? List.of() : household);
			answers = answers.with(field.id(), b.value());
			if (b.error() != null) {
				errors.add(b.error());
				if (b.keepRaw()) {
					failed.add(field.id());
				}
			}
		}
		Answers pruned = FormFlow.pruneHidden(definition, answers);
		FormFlow.Visibility shown = FormFlow.visibility(definition, pruned);
		// input to a field the resident's own answers have just hidden is not an error: it is dropped
		errors.removeIf(e -> !shown.field(e.field()));
		Map<String, List<String>> raw = new LinkedHashMap<>();
		for (String id : failed) {
			if (!shown.field(id)) {
				continue;
			}
			params.forEach((name, values) -> {
				if (values != null && (name.equals(PREFIX + id) || name.startsWith(PREFIX + id + "."))) {
					raw.put(name, List.of(values).subList(0, Math.min(values.length, MAX_VALUES)));
				}
			});
		}
		return new BindResult(pruned, errors, raw);
	}

	/**
	 * Applies the binder's conversions to answers that came as JSON (the Web API): strings trimmed and converted
	 * as on the form, NUMBER given as a JSON integer turned into its digits, HOUSEHOLD_MEMBER entries given as a
	 * 宛名番号 (or an object with {@code atenaNumber}) completed from the household, empty answers dropped. Values
	 * of the wrong shape and unknown fields are left as they are, for {@link AnswerValidator#validateAll} to refuse.
	 */
	public static Answers normalize(ProcedureDefinition definition, Answers answers, List<HouseholdMember> household) {
		Map<String, Object> out = new LinkedHashMap<>(answers.asMap());
		for (Map.Entry<String, Object> e : answers.asMap().entrySet()) {
			Optional<FieldDefinition> field = definition.field(e.getKey());
			if (field.isEmpty()) {
				continue;
			}
			Object v = normalizeValue(field.get(), e.getValue(), household == null ? List.of() : household);
			if (v == null || v instanceof String s && s.isEmpty() || v instanceof Collection<?> c && c.isEmpty()
					|| v instanceof Map<?, ?> m && m.isEmpty()) {
				out.remove(e.getKey());
			}
			else {
				out.put(e.getKey(), v);
			}
		}
		return Answers.of(out);
	}

	private record Bound(Object value, FieldError error, boolean keepRaw) {

		static Bound of(Object value) {
			return new Bound(value, null, false);
		}
	}

	private static Bound bindField(FieldDefinition f, Map<String, String[]> params, List<HouseholdMember> household) {
		String name = PREFIX + f.id();
		TextArgument label = TextArgument.of(f.label());
		return switch (f.type()) {
			case TEXT, TEXTAREA, KATAKANA, PHONE, EMAIL, SELECT, RADIO -> Bound.of(convertString(f.type(), one(params, name)));
			case NUMBER -> {
				String n = Conversions.number(one(params, name));
				yield n == null || Conversions.DIGITS.matcher(n).matches() ? Bound.of(n)
						: new Bound(null, FieldError.of(f.id(), "procedures.error.number", label), true);
			}
			case CHECKBOX -> Bound.of(checkbox(f, all(params, name)));
			case DATE -> date(f, params, name, label);
			case ADDRESS -> Bound.of(parts(f.type(), ADDRESS_PARTS, p -> one(params, name + "." + p)));
			case BANK_ACCOUNT -> Bound.of(parts(f.type(), BANK_PARTS, p -> one(params, name + "." + p)));
			case HOUSEHOLD_MEMBER -> {
				List<Map<String, Object>> chosen = new ArrayList<>();
				boolean unknown = false;
				for (String number : new LinkedHashSet<>(all(params, name))) {
					Optional<HouseholdMember> m = member(household, number);
					if (m.isPresent()) {
						chosen.add(memberAnswer(m.get()));
					}
					else {
						unknown = true;
					}
				}
				// a number that is not in the household was not offered on the page: refused, and not shown again
				yield new Bound(chosen.isEmpty() ? null : chosen,
						unknown ? FieldError.of(f.id(), "procedures.error.householdMember", label) : null, false);
			}
			case FILE -> Bound.of(null);
		};
	}

	private static String convertString(FieldType type, String raw) {
		return switch (type) {
			case TEXTAREA -> Conversions.multiline(raw);
			case KATAKANA -> Conversions.katakana(raw);
			case NUMBER -> Conversions.number(raw);
			case PHONE -> Conversions.phone(raw);
			case EMAIL -> Conversions.trim(Conversions.nfkc(raw));
			default -> Conversions.trim(raw);
		};
	}

	private static List<String> checkbox(FieldDefinition f, List<String> values) {
		List<String> order = f.options().isEmpty() ? List.of("yes") : f.options().stream().map(Choice::value).toList();
		List<String> chosen = values.stream()
			.map(Conversions::trim)
			.filter(v -> v != null)
			.distinct()
			.sorted(Comparator.comparingInt(v -> order.contains(v) ? order.indexOf(v) : order.size()))
			.toList();
		return chosen.isEmpty() ? null : chosen;
	}

	private static Map<String, Object> parts(FieldType type, List<String> names, java.util.function.Function<String, String> value) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (String part : names) {
			String v = convertPart(type, part, value.apply(part));
			if (v != null) {
				m.put(part, v);
			}
		}
		return m.isEmpty() ? null : m;
	}

	private static String convertPart(FieldType type, String part, String raw) {
		if (type == FieldType.ADDRESS) {
			return part.equals("postalCode") ? Conversions.postalCode(raw) : Conversions.trim(raw);
		}
		return switch (part) {
			case "bankCode", "branchCode" -> Conversions.code(raw);
			case "accountNumber" -> {
				String n = Conversions.code(raw);
				// 7桁未満の口座番号は先頭に0を補う (what banks ask for on paper forms)
				yield n != null && n.length() < 7 && Conversions.DIGITS.matcher(n).matches() ? "0".repeat(7 - n.length()) + n : n;
			}
			case "accountType" -> {
				String t = Conversions.trim(raw);
				yield t == null ? null : t.toUpperCase(Locale.ROOT);
			}
			case "holderKana" -> Conversions.katakana(raw);
			default -> Conversions.trim(raw);
		};
	}

	private static Bound date(FieldDefinition f, Map<String, String[]> params, String name, TextArgument label) {
		String era = Conversions.trim(Conversions.nfkc(one(params, name + ".era")));
		String year = Conversions.digits(one(params, name + ".year"));
		String month = Conversions.digits(one(params, name + ".month"));
		String day = Conversions.digits(one(params, name + ".day"));
		if (year == null && month == null && day == null) {
			return Bound.of(null);
		}
		DateResult r = toDate(era, year, month, day);
		return r.date() != null ? Bound.of(r.date().toString())
				: new Bound(null, FieldError.of(f.id(), r.code(), r.withLabel(label)), true);
	}

	/** The outcome of reading a date's parts: a date, or a message code with its arguments after the label. */
	record DateResult(LocalDate date, String code, Object... args) {

		Object[] withLabel(Object label) {
			Object[] all = new Object[args.length + 1];
			all[0] = label;
			System.arraycopy(args, 0, all, 1, args.length);
			return all;
		}
	}

	/**
	 * A date from the form's parts. {@code era} is an era code or name, or {@code W} (or blank) for a western
	 * year; the year may be 「元」 for an era's first year.
	 */
	static DateResult toDate(String era, String year, String month, String day) {
		if (year == null || month == null || day == null) {
			return new DateResult(null, "procedures.error.dateIncomplete");
		}
		boolean western = era == null || era.equalsIgnoreCase(Wareki.WESTERN) || era.equals("西暦");
		Optional<Wareki.Era> e = western ? Optional.empty() : Wareki.Era.of(era);
		if (!western && e.isEmpty()) {
			return new DateResult(null, "procedures.error.date");
		}
		String y = year.replaceAll("年$", "");
		int eraYear;
		if (!western && y.equals("元")) {
			eraYear = 1;
		}
		else if (y.matches("[0-9]{1,4}")) {
			eraYear = Integer.parseInt(y);
		}
		else {
			return new DateResult(null, "procedures.error.date");
		}
		String m = month.replaceAll("月$", "");
		String d = day.replaceAll("日$", "");
		if (!m.matches("[0-9]{1,2}") || !d.matches("[0-9]{1,2}")) {
			return new DateResult(null, "procedures.error.date");
		}
		if (western && (eraYear < 1000)) {
			return new DateResult(null, "procedures.error.date");
		}
		if (!western) {
			Wareki.Era x = e.get();
			if (eraYear < 1 || x.lastYear().isEmpty() && eraYear > 200) {
				return new DateResult(null, "procedures.error.date");
			}
			if (x.lastYear().map(last -> eraYear > last).orElse(false)) {
				return new DateResult(null, "procedures.error.eraYear", TextArgument.of(x.label()), x.lastYear().get());
			}
		}
		LocalDate date;
		try {
			date = LocalDate.of(western ? eraYear : e.get().westernYear(eraYear), Integer.parseInt(m), Integer.parseInt(d));
		}
		catch (DateTimeException ex) {
			return new DateResult(null, "procedures.error.date");
		}
		if (!western) {
			Wareki.Era x = e.get();
			if (date.isBefore(x.firstDay()) || x.lastDay().map(date::isAfter).orElse(false)) {
				return x.lastDay().isPresent()
						? new DateResult(null, "procedures.error.eraDate", TextArgument.of(x.label()),
								TextArgument.of(Wareki.text(x.firstDay())), TextArgument.of(Wareki.text(x.lastDay().get())))
						: new DateResult(null, "procedures.error.eraStart", TextArgument.of(x.label()),
								TextArgument.of(Wareki.text(x.firstDay())));
			}
		}
		return new DateResult(date, null);
	}

	private static Optional<HouseholdMember> member(List<HouseholdMember> household, String number) {
		String n = Conversions.code(number);
		return household.stream().filter(h -> h.atenaNumber().equals(n)).findFirst();
	}

	private static Map<String, Object> memberAnswer(HouseholdMember m) {
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("atenaNumber", m.atenaNumber());
		a.put("name", m.name());
		a.put("birthDate", m.birthDate());
		return a;
	}

	private static Object normalizeValue(FieldDefinition f, Object v, List<HouseholdMember> household) {
		switch (f.type()) {
			case NUMBER:
				if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
					return v.toString();
				}
				return v instanceof String s ? Conversions.number(s) : v;
			case DATE:
				return v instanceof String s ? Conversions.trim(Conversions.nfkc(s)) : v;
			case CHECKBOX:
				if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof String)) {
					return checkbox(f, l.stream().map(String.class::cast).toList());
				}
				return v;
			case ADDRESS, BANK_ACCOUNT:
				if (v instanceof Map<?, ?> m && m.values().stream().allMatch(x -> x == null || x instanceof String)) {
					Map<String, Object> out = new LinkedHashMap<>();
					m.forEach((k, x) -> {
						String part = String.valueOf(k);
						String c = convertPart(f.type(), part, (String) x);
						if (c != null) {
							out.put(part, c);
						}
					});
					return out;
				}
				return v;
			case HOUSEHOLD_MEMBER:
				if (v instanceof List<?> l) {
					List<Object> out = new ArrayList<>();
					for (Object x : l) {
						Object number = x instanceof Map<?, ?> m ? m.get("atenaNumber") : x;
						Optional<HouseholdMember> member = number instanceof String s ? member(household, s) : Optional.empty();
						// a member given with a name or birth date other than the register's is left as given: refused later
						if (member.isPresent() && (x instanceof String || agrees((Map<?, ?>) x, member.get()))) {
							out.add(memberAnswer(member.get()));
						}
						else {
							out.add(x);
						}
					}
					return out;
				}
				return v;
			case FILE:
				return v;
			default:
				return v instanceof String s ? convertString(f.type(), s) : v;
		}
	}

	private static boolean agrees(Map<?, ?> given, HouseholdMember m) {
		return (given.get("name") == null || m.name().equals(given.get("name")))
				&& (given.get("birthDate") == null || String.valueOf(m.birthDate()).equals(given.get("birthDate")));
	}

	private static String one(Map<String, String[]> params, String name) {
		String[] v = params.get(name);
		if (v == null) {
			return null;
		}
		for (String s : v) {
			if (s != null && !s.isBlank()) {
				return s;
			}
		}
		return null;
	}

	private static List<String> all(Map<String, String[]> params, String name) {
		String[] v = params.get(name);
		if (v == null) {
			return List.of();
		}
		List<String> out = new ArrayList<>();
		for (int i = 0; i < v.length && i < MAX_VALUES; i++) {
			if (v[i] != null) {
				out.add(v[i]);
			}
		}
		return out;
	}
}
