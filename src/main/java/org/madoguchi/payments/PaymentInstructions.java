package org.madoguchi.payments;

import java.util.Locale;

/** How to pay, shown to the applicant: Japanese, and English (falls back to Japanese when missing). */
public record PaymentInstructions(String ja, String en) {

	public String in(Locale locale) {
		if (locale != null && "en".equals(locale.getLanguage()) && en != null && !en.isBlank()) {
			return en;
		}
		return ja;
	}
}
