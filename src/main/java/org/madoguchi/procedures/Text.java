package org.madoguchi.procedures;

import java.util.Locale;

/** A text in Japanese and English. Japanese is required; English falls back to Japanese when missing. */
public record Text(String ja, String en) implements org.madoguchi.platform.Localized {

	@Override
	public String in(Locale locale) {
		if (locale != null && "en".equals(locale.getLanguage()) && en != null && !en.isBlank()) {
			return en;
		}
		return ja;
	}

	public static Text of(String ja, String en) {
		return new Text(ja, en);
	}
}
