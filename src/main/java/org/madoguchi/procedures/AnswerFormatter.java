package org.madoguchi.procedures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns answers into text people read: the check-your-answers page, the staff review screen, CSV
 * exports and emails all show the same {@link AnswerSection}s. Dates are 和暦 in Japanese, choices are
 * shown by their label, a bank account number can be masked to its last three digits.
 * <p>
 * The second half holds the small helpers the form fragments in {@code templates/procedures/fields.html}
 * call as {@code @answerFormatter} (input values, hints, autocomplete tokens), so that the template
 * stays free of conversion logic. Texts come from the {@code procedures.ui.*} messages.
 */
@Component
public class AnswerFormatter {

	/** Digits of an account number left visible when masked. */
	static final int UNMASKED_DIGITS = 3;

	private static final Map<String, String> ACCEPT = Map.of("PDF", ".pdf,application/pdf", "JPEG",
			".jpg,.jpeg,image/jpeg", "PNG", ".png,image/png");

	private static final List<String> BANK_PARTS = List.of("bankName", "branchName", "accountType", "accountNumber",
			"holderKana");

	private final MessageSource messages;

	public AnswerFormatter(MessageSource messages) {
		this.messages = messages;
	}

	// ---------------------------------------------------------------- answers for reading

	/** The visible pages' answers, unmasked and without attachment names (files show their ids). */
	public List<AnswerSection> sections(ProcedureDefinition definition, Answers answers, Locale locale) {
		return sections(definition, answers, Map.of(), false, locale);
	}

	/**
	 * The answers of every visible page, one line per visible field (unanswered ones say 「未回答」).
	 * Pages and fields hidden by their {@code visibleWhen} are left out, even when a stale answer exists.
	 *
	 * @param attachments attachment id → file, to show FILE answers by file name
	 * @param masked show only the last three digits of bank account numbers (emails, lists)
	 */
	public List<AnswerSection> sections(ProcedureDefinition definition, Answers answers,
			Map<String, AttachmentView> attachments, boolean masked, Locale locale) {
		Answers a = answers == null ? Answers.empty() : answers;
		Map<String, AttachmentView> files = attachments == null ? Map.of() : attachments;
		FormFlow.Visibility visible = FormFlow.visibility(definition, a);
		List<AnswerSection> sections = new ArrayList<>();
		for (PageDefinition page : definition.pages()) {
			List<AnswerLine> lines = new ArrayList<>();
			for (FieldDefinition f : page.fields()) {
				if (visible.field(f.id())) {
					lines.add(line(f, a, files, masked, locale));
				}
			}
			if (!lines.isEmpty()) {
				sections.add(new AnswerSection(page.id(), page.title().in(locale), lines));
			}
		}
		return sections;
	}

	private AnswerLine line(FieldDefinition f, Answers a, Map<String, AttachmentView> files, boolean masked,
			Locale locale) {
		String label = f.label().in(locale);
		boolean yesNo = f.type() == FieldType.CHECKBOX && f.options().isEmpty();
		if (!a.has(f.id())) {
			// an unticked yes/no box is an answer: no
			return new AnswerLine(f.id(), label, msg(yesNo ? "procedures.ui.no" : "procedures.ui.notAnswered", locale),
					false);
		}
		Object v = a.get(f.id());
		return switch (f.type()) {
			case TEXTAREA -> new AnswerLine(f.id(), label, v.toString(), true);
			case DATE -> new AnswerLine(f.id(), label, JapaneseDates.format(v.toString(), locale), false);
			case SELECT, RADIO -> new AnswerLine(f.id(), label, optionLabel(f, v.toString(), locale), false);
			case CHECKBOX -> new AnswerLine(f.id(), label, yesNo
					? msg(a.list(f.id()).contains("yes") ? "procedures.ui.yes" : "procedures.ui.no", locale)
					: join(a.list(f.id()).stream().map(x -> optionLabel(f, x, locale)).toList(), locale), false);
			case ADDRESS -> new AnswerLine(f.id(), label, address(v), false);
			case BANK_ACCOUNT -> new AnswerLine(f.id(), label, bankAccount(v, masked, locale), true);
			case HOUSEHOLD_MEMBER -> new AnswerLine(f.id(), label, join(members(v), locale), false);
			case FILE -> new AnswerLine(f.id(), label, join(a.list(f.id())
				.stream()
				.map(id -> files.containsKey(id) ? files.get(id).filename() : id)
				.toList(), locale), false);
			default -> new AnswerLine(f.id(), label, v instanceof List<?> l ? join(strings(l), locale) : v.toString(),
					false);
		};
	}

	private static String address(Object v) {
		if (!(v instanceof Map<?, ?> m)) {
			return v.toString();
		}
		List<String> parts = new ArrayList<>();
		String postal = str(m.get("postalCode"));
		if (!postal.isBlank()) {
			String digits = postal.replace("-", "");
			parts.add("〒" + (digits.length() == 7 ? digits.substring(0, 3) + "-" + digits.substring(3) : postal));
		}
		for (String key : List.of("address", "building")) {
			if (!str(m.get(key)).isBlank()) {
				parts.add(str(m.get(key)));
			}
		}
		return String.join(" ", parts);
	}

	private String bankAccount(Object v, boolean masked, Locale locale) {
		if (!(v instanceof Map<?, ?> m)) {
			return v.toString();
		}
		List<String> lines = new ArrayList<>();
		for (String part : BANK_PARTS) {
			String value = str(m.get(part));
			if (part.equals("bankName")) {
				value = withCode(value, str(m.get("bankCode")), locale);
			}
			else if (part.equals("branchName")) {
				value = withCode(value, str(m.get("branchCode")), locale);
			}
			else if (part.equals("accountType") && !value.isBlank()) {
				value = msgOr("procedures.ui.accountType." + value, value, locale);
			}
			else if (part.equals("accountNumber") && masked) {
				value = mask(value);
			}
			if (!value.isBlank()) {
				lines.add(msg("procedures.ui.labelled", locale, msg("procedures.ui.bank." + part, locale), value));
			}
		}
		return String.join("\n", lines);
	}

	private String withCode(String name, String code, Locale locale) {
		if (code.isBlank()) {
			return name;
		}
		return name.isBlank() ? code : msg("procedures.ui.withCode", locale, name, code);
	}

	/** All but the last three characters become {@code *}: 1234567 → ****567. */
	static String mask(String number) {
		if (number.length() <= UNMASKED_DIGITS) {
			return "*".repeat(number.length());
		}
		return "*".repeat(number.length() - UNMASKED_DIGITS) + number.substring(number.length() - UNMASKED_DIGITS);
	}

	private static List<String> members(Object v) {
		if (!(v instanceof List<?> list)) {
			return List.of(v.toString());
		}
		return list.stream().map(x -> {
			if (x instanceof Map<?, ?> m) {
				String name = str(m.get("name"));
				return name.isBlank() ? str(m.get("atenaNumber")) : name;
			}
			return String.valueOf(x);
		}).toList();
	}

	private static String optionLabel(FieldDefinition f, String value, Locale locale) {
		return f.options()
			.stream()
			.filter(o -> o.value().equals(value))
			.map(o -> o.label().in(locale))
			.findFirst()
			.orElse(value);
	}

	// ---------------------------------------------------------------- visibility

	// ---------------------------------------------------------------- helpers for the form fragments

	/**
	 * Whether a field is shown on its page. A field whose condition names a field on the same page is
	 * always shown, with {@link #conditionNote} saying when to answer it: the form works without
	 * JavaScript, so the page cannot react to the answer before it is sent.
	 */
	public boolean shownOnPage(PageDefinition page, FieldDefinition field, Answers answers) {
		Condition c = field.visibleWhen();
		if (c == null || onPage(page, c.field()) != null) {
			return true;
		}
		return FormFlow.matches(c, answers == null ? Answers.empty() : answers);
	}

	/** 「『記載する人』が『世帯の一部』のときに回答してください。」 for a field that depends on one on its page; else null. */
	public String conditionNote(PageDefinition page, FieldDefinition field, Locale locale) {
		Condition c = field.visibleWhen();
		if (c == null) {
			return null;
		}
		FieldDefinition target = onPage(page, c.field());
		return target == null ? null : msg("procedures.ui.condition.answerOnly", locale, describe(target, c, locale));
	}

	/** A condition in words (「住所」に回答したとき / when “Address” is answered), for the admin summary. */
	public String describeCondition(ProcedureDefinition definition, Condition c, Locale locale) {
		if (c == null) {
			return null;
		}
		FieldDefinition target = definition.field(c.field()).orElse(null);
		return target == null ? c.field() : describe(target, c, locale);
	}

	private String describe(FieldDefinition target, Condition c, Locale locale) {
		String label = target.label().in(locale);
		if (Boolean.TRUE.equals(c.notEmpty())) {
			return msg("procedures.ui.condition.notEmpty", locale, label);
		}
		List<String> values = c.equals() != null ? List.of(c.equals()) : c.in() == null ? List.of() : c.in();
		boolean yesNo = target.type() == FieldType.CHECKBOX && target.options().isEmpty();
		List<String> labels = values.stream()
			.map(v -> yesNo && v.equals("yes") ? msg("procedures.ui.yes", locale) : optionLabel(target, v, locale))
			.toList();
		return msg("procedures.ui.condition.equals", locale, label,
				String.join(msg("procedures.ui.condition.or", locale), labels));
	}

	private static FieldDefinition onPage(PageDefinition page, String fieldId) {
		return page.fields().stream().filter(f -> f.id().equals(fieldId)).findFirst().orElse(null);
	}

	/**
	 * The text to put in an input: what the resident typed when it failed conversion ({@code raw}, keyed by
	 * parameter name such as {@code f.x} or {@code f.x.year}; a plain field id key is also read for
	 * single-value fields), otherwise the stored answer. DATE parts come from the ISO answer as 和暦.
	 *
	 * @param part null for a single-value field, else the part name ({@code era}, {@code year}, {@code postalCode},
	 *     {@code bankCode} …)
	 */
	public String inputValue(FieldDefinition field, String part, Answers answers, Map<String, List<String>> raw,
			Locale locale) {
		if (hasRaw(raw, field.id())) {
			List<String> typed = raw.get("f." + field.id() + (part == null ? "" : "." + part));
			if (typed == null && part == null) {
				typed = raw.get(field.id());
			}
			return typed == null || typed.isEmpty() || typed.get(0) == null ? "" : typed.get(0);
		}
		Object v = answers == null ? null : answers.get(field.id());
		if (v == null) {
			return "";
		}
		if (field.type() == FieldType.DATE && part != null) {
			JapaneseDates.Parts p = JapaneseDates.parts(v.toString(), locale);
			return switch (part) {
				case "era" -> p.era();
				case "year" -> p.year();
				case "month" -> p.month();
				case "day" -> p.day();
				default -> "";
			};
		}
		if (part != null) {
			return v instanceof Map<?, ?> m ? str(m.get(part)) : "";
		}
		return v instanceof List<?> l ? String.join(",", strings(l)) : v.toString();
	}

	/** The chosen values of a RADIO, SELECT, CHECKBOX or HOUSEHOLD_MEMBER field (宛名番号 for members). */
	public List<String> chosenValues(FieldDefinition field, Answers answers, Map<String, List<String>> raw) {
		if (hasRaw(raw, field.id())) {
			List<String> typed = raw.get("f." + field.id());
			if (typed == null) {
				typed = raw.get(field.id());
			}
			return typed == null ? List.of() : typed.stream().filter(Objects::nonNull).toList();
		}
		return answers == null ? List.of() : answers.list(field.id());
	}

	private static boolean hasRaw(Map<String, List<String>> raw, String fieldId) {
		if (raw == null || raw.isEmpty()) {
			return false;
		}
		String name = "f." + fieldId;
		return raw.containsKey(fieldId) || raw.keySet().stream().anyMatch(k -> k.equals(name) || k.startsWith(name + "."));
	}

	/** The limits a resident should know before typing: length, range, file types and size; null when none. */
	public String limitsText(FieldDefinition f, Locale locale) {
		return switch (f.type()) {
			case TEXT -> msg("procedures.ui.limit.maxLength", locale, f.maxLength() == null ? 100 : f.maxLength());
			case TEXTAREA -> msg("procedures.ui.limit.maxLength", locale, f.maxLength() == null ? 2000 : f.maxLength());
			case KATAKANA -> msg("procedures.ui.limit.katakana", locale, f.maxLength() == null ? 100 : f.maxLength());
			case NUMBER -> f.min() != null && f.max() != null ? msg("procedures.ui.limit.range", locale, f.min(), f.max())
					: f.min() != null ? msg("procedures.ui.limit.min", locale, f.min())
							: f.max() != null ? msg("procedures.ui.limit.max", locale, f.max())
									: msg("procedures.ui.limit.number", locale);
			case DATE -> msg("procedures.ui.limit.date", locale);
			case HOUSEHOLD_MEMBER -> f.maxItems() == null ? null : msg("procedures.ui.limit.members", locale, f.maxItems());
			case FILE -> {
				String text = msg("procedures.ui.limit.file", locale,
						String.join(JapaneseDates.isEnglish(locale) ? ", " : "・", f.types()),
						fileSize(f.maxBytes() == null ? 10L * 1024 * 1024 : f.maxBytes(), locale));
				// sentences follow each other without a space in Japanese
				String space = JapaneseDates.isEnglish(locale) ? " " : "";
				int items = f.maxItems() == null ? 1 : f.maxItems();
				if (items > 1) {
					text += space + msg("procedures.ui.limit.files", locale, items);
				}
				if (f.bringOriginal()) {
					text += space + msg("procedures.ui.bringOriginal", locale);
				}
				yield text;
			}
			default -> null;
		};
	}

	/** The {@code accept} attribute of a FILE input: extensions and media types of its allowed types. */
	public String accept(FieldDefinition f) {
		return String.join(",", f.types().stream().map(t -> ACCEPT.getOrDefault(t, "")).filter(s -> !s.isEmpty()).toList());
	}

	/** 5 MB, 300 KB, 12 B — in whole units when exact, otherwise with one decimal. */
	public String fileSize(long bytes, Locale locale) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		double kb = bytes / 1024.0;
		if (kb < 1024) {
			return number(kb, locale) + " KB";
		}
		return number(kb / 1024.0, locale) + " MB";
	}

	private static String number(double value, Locale locale) {
		double rounded = Math.round(value * 10) / 10.0;
		return rounded == Math.floor(rounded) ? Long.toString((long) rounded)
				: String.format(locale == null ? Locale.ROOT : locale, "%.1f", rounded);
	}

	/** How a household member appears in the picker: 東雲 花子（平成2年4月1日生まれ）. */
	public String memberLabel(HouseholdMember m, Locale locale) {
		if (m.birthDate() == null || m.birthDate().isBlank()) {
			return m.name();
		}
		return msg("procedures.ui.member", locale, m.name(), JapaneseDates.format(m.birthDate(), locale));
	}

	/**
	 * The autocomplete token for an input (WCAG 1.3.5): the resident's own name, birthday, address, phone
	 * and email. Address and name fields only when they are prefilled from the resident's own data, since
	 * another person's address (a new address, a relative's) must not be filled in from the browser.
	 */
	public String autocomplete(FieldDefinition f, String part) {
		Prefill prefill = f.prefill();
		if (part == null) {
			return switch (f.type()) {
				case PHONE -> "tel";
				case EMAIL -> "email";
				case TEXT -> prefill == Prefill.NAME ? "name" : null;
				default -> null;
			};
		}
		if (f.type() == FieldType.DATE && prefill == Prefill.BIRTH_DATE) {
			// the year is an era year unless 西暦 is chosen, so only month and day can take bday parts
			return switch (part) {
				case "month" -> "bday-month";
				case "day" -> "bday-day";
				default -> null;
			};
		}
		if (f.type() == FieldType.ADDRESS && prefill == Prefill.ADDRESS) {
			return switch (part) {
				case "postalCode" -> "postal-code";
				case "address" -> "street-address";
				default -> null;
			};
		}
		return null;
	}

	/** The {@code inputmode} for an input: numeric keypads for numbers and codes, tel and email keyboards. */
	public String inputmode(FieldDefinition f, String part) {
		if (part == null) {
			return switch (f.type()) {
				case NUMBER -> "numeric";
				case PHONE -> "tel";
				case EMAIL -> "email";
				default -> null;
			};
		}
		return Set.of("year", "month", "day", "postalCode", "bankCode", "branchCode", "accountNumber").contains(part)
				? "numeric" : null;
	}

	// ---------------------------------------------------------------- text

	private String join(List<String> values, Locale locale) {
		return String.join(JapaneseDates.isEnglish(locale) ? ", " : "、", values);
	}

	private static List<String> strings(List<?> list) {
		return list.stream().map(String::valueOf).toList();
	}

	private static String str(Object o) {
		return o == null ? "" : o.toString();
	}

	private String msg(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale == null ? Locale.JAPANESE : locale);
	}

	private String msgOr(String key, String fallback, Locale locale) {
		return messages.getMessage(key, null, fallback, locale == null ? Locale.JAPANESE : locale);
	}
}
