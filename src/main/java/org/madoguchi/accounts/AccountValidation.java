package org.madoguchi.accounts;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.madoguchi.platform.FieldError;

/**
 * Checks and normalises what residents type. Full-width digits and letters (ＮＦＫＣ) are accepted
 * wherever a number or an address is asked for, hiragana and half-width katakana become katakana
 * in the 振り仮名. Every text has a length limit; control characters are refused everywhere. Passwords:
 * {@link PasswordPolicy}.
 */
final class AccountValidation {

	static final int EMAIL_MAX = 254;
	static final int NAME_MAX = 100;
	static final int KANA_MAX = 100;
	static final int ADDRESS_MAX = 200;
	static final int BUILDING_MAX = 100;
	static final int PHONE_MAX = 20;
	static final List<String> LANGUAGES = List.of("ja", "en");

	private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@.]+(\\.[^\\s@.]+)+");
	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]*");
	private static final Pattern POSTAL = Pattern.compile("([0-9]{3})-?([0-9]{4})");
	private static final Pattern DIGITS = Pattern.compile("[0-9]{1,4}");

	private AccountValidation() {
	}

	/** The address as it is stored and compared: NFKC (full-width ＠ and letters become ASCII), no spaces around. */
	static String normalizeEmail(String email) {
		return email == null ? "" : Normalizer.normalize(email, Normalizer.Form.NFKC).strip();
	}

	/** Checks an email address (already normalised); adds an error for {@code field}. */
	static void email(String field, String email, List<FieldError> errors) {
		if (email.isEmpty()) {
			errors.add(FieldError.of(field, "accounts.error.required"));
		}
		else if (email.length() > EMAIL_MAX) {
			errors.add(FieldError.of(field, "accounts.error.tooLong", EMAIL_MAX));
		}
		else if (!EMAIL.matcher(email).matches() || hasControl(email)) {
			errors.add(FieldError.of(field, "accounts.error.email"));
		}
	}

	/** The checked profile, or null when {@code errors} got entries. */
	static ResidentProfile profile(ProfileForm f, LocalDate today, List<FieldError> errors) {
		int before = errors.size();
		String name = text("name", f.getName(), NAME_MAX, true, errors);
		String kana = kana(f.getKana(), errors);
		LocalDate birth = birthDate(f, today, errors);
		String phone = phone(f.getPhone(), errors);
		String postal = postalCode(f.getPostalCode(), errors);
		String address = text("address", f.getAddress(), ADDRESS_MAX, true, errors);
		String building = text("building", f.getBuilding(), BUILDING_MAX, false, errors);
		String language = f.getLanguage() == null ? "" : f.getLanguage().strip();
		if (!LANGUAGES.contains(language)) {
			errors.add(FieldError.of("language", language.isEmpty() ? "accounts.error.choose" : "accounts.error.choice"));
		}
		if (errors.size() > before) {
			return null;
		}
		return new ResidentProfile(name, kana, birth, phone, postal, address, building, language);
	}

	/** A free text: stripped, blank is null; refused if required and blank, too long, or with control characters. */
	static String text(String field, String value, int max, boolean required, List<FieldError> errors) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			if (required) {
				errors.add(FieldError.of(field, "accounts.error.required"));
			}
			return null;
		}
		if (v.length() > max) {
			errors.add(FieldError.of(field, "accounts.error.tooLong", max));
			return null;
		}
		if (hasControl(v)) {
			errors.add(FieldError.of(field, "accounts.error.control"));
			return null;
		}
		return v;
	}

	/** 振り仮名 in full-width katakana; hiragana and half-width katakana are converted, spaces become one 全角 space. */
	static String kana(String value, List<FieldError> errors) {
		String v = text("kana", value, KANA_MAX, true, errors);
		if (v == null) {
			return null;
		}
		String n = Normalizer.normalize(v, Normalizer.Form.NFKC).replaceAll("\\s+", "\u3000");
		StringBuilder sb = new StringBuilder(n.length());
		for (int i = 0; i < n.length(); i++) {
			char c = n.charAt(i);
			if (c >= '\u3041' && c <= '\u3096') {
				c = (char) (c + 0x60); // ひらがな → カタカナ
			}
			if (!(c >= '\u30A1' && c <= '\u30FA') && c != '\u30FC' && c != '\u3000' && c != '\u30FB') {
				errors.add(FieldError.of("kana", "accounts.error.kana"));
				return null;
			}
			sb.append(c);
		}
		return sb.toString();
	}

	static LocalDate birthDate(ProfileForm f, LocalDate today, List<FieldError> errors) {
		String y = digits(f.getBirthYear());
		String m = digits(f.getBirthMonth());
		String d = digits(f.getBirthDay());
		if (y.isEmpty() && m.isEmpty() && d.isEmpty()) {
			errors.add(FieldError.of("birthDate", "accounts.error.required"));
			return null;
		}
		if (!DIGITS.matcher(y).matches() || !DIGITS.matcher(m).matches() || !DIGITS.matcher(d).matches()) {
			errors.add(FieldError.of("birthDate", "accounts.error.date"));
			return null;
		}
		try {
			LocalDate date = LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
			if (date.getYear() < 1900) {
				errors.add(FieldError.of("birthDate", "accounts.error.date"));
				return null;
			}
			if (date.isAfter(today)) {
				errors.add(FieldError.of("birthDate", "accounts.error.dateFuture"));
				return null;
			}
			return date;
		}
		catch (DateTimeException e) {
			errors.add(FieldError.of("birthDate", "accounts.error.date"));
			return null;
		}
	}

	/** 電話番号: digits with optional hyphens, spaces or brackets; 10 to 15 digits. Kept as typed (NFKC). */
	static String phone(String value, List<FieldError> errors) {
		String v = value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
		v = dashes(v);
		if (v.isEmpty()) {
			errors.add(FieldError.of("phone", "accounts.error.required"));
			return null;
		}
		long digits = v.chars().filter(Character::isDigit).count();
		if (v.length() > PHONE_MAX || !PHONE.matcher(v).matches() || digits < 10 || digits > 15) {
			errors.add(FieldError.of("phone", "accounts.error.phone"));
			return null;
		}
		return v;
	}

	/** 郵便番号: 7 digits, stored as NNN-NNNN. */
	static String postalCode(String value, List<FieldError> errors) {
		String v = value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
		v = dashes(v);
		if (v.isEmpty()) {
			errors.add(FieldError.of("postalCode", "accounts.error.required"));
			return null;
		}
		var m = POSTAL.matcher(v);
		if (!m.matches()) {
			errors.add(FieldError.of("postalCode", "accounts.error.postalCode"));
			return null;
		}
		return m.group(1) + "-" + m.group(2);
	}

	/** The dashes an IME produces (長音符, minus sign, hyphens, dashes) as the ASCII hyphen. */
	private static String dashes(String s) {
		return s.replaceAll("[\u30FC\u2212\u2010\u2011\u2012\u2013\u2014\u2015\uFF70]", "-");
	}

	private static String digits(String value) {
		return value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
	}

	private static boolean hasControl(String s) {
		return s.chars().anyMatch(Character::isISOControl);
	}
}
