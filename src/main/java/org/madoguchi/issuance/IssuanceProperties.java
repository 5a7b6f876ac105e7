package org.madoguchi.issuance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a certified copy says about its issuer and how long a resident may download it.
 *
 * @param cityName the city as printed in the 発行番号 and on the verification page (e.g. 東雲野市)
 * @param mayorTitle the mayor's title as printed before the name and on the seal (e.g. 東雲野市長)
 * @param mayorName the mayor's name as printed next to the seal
 * @param counterTerminal the terminal name in 発行番号 of counter issuance (e.g. 本庁1)
 * @param counterPrinter the printer name in 発行番号 of counter issuance (e.g. プリンタ001)
 * @param availableFor how long after issuance a resident can download an electronically issued copy
 * @param linkLifetime how long one download link works
 */
@ConfigurationProperties("madoguchi.issuance")
public record IssuanceProperties(String cityName, String mayorTitle, String mayorName, String counterTerminal,
		String counterPrinter, Duration availableFor, Duration linkLifetime) {

	public IssuanceProperties {
		cityName = blank(cityName) ? "東雲野市" : cityName.strip();
		mayorTitle = blank(mayorTitle) ? cityName + "長" : mayorTitle.strip();
		mayorName = blank(mayorName) ? "東雲　太郎" : mayorName.strip();
		counterTerminal = blank(counterTerminal) ? "本庁1" : counterTerminal.strip();
		counterPrinter = blank(counterPrinter) ? "プリンタ001" : counterPrinter.strip();
		availableFor = availableFor == null ? Duration.ofDays(30) : availableFor;
		linkLifetime = linkLifetime == null ? Duration.ofMinutes(15) : linkLifetime;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
