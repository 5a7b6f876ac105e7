package org.madoguchi.assistant;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the resident assistant ({@code madoguchi.assistant.*}).
 *
 * <p>Thresholds are on {@link FaqResult#confidence()} (0–1). Measured on the standard Q&amp;A: a resident's
 * wording of a listed question scores 0.64–0.85 (「保育園に入りたい」 0.84, 「マイナンバーカードをなくした」 0.64);
 * one-word or vague queries that several entries share score 0.40–0.62 (「住民票」 0.48, 「手続き」 0.62,
 * 「引っ越しの手続き」 0.56); gibberish and unrelated text score about 0.1 or nothing at all. So an answer is
 * shown directly from 0.63 up (just above the vaguest one-word query), candidates from 0.30 up, and below that
 * the assistant says it does not know. Raise {@code answer} rather than lower it: a wrong answer given with
 * confidence costs more than one more click.
 *
 * @param answer the confidence from which the first entry is answered directly
 * @param candidates the confidence from which up to 3 candidates are offered
 * @param maxLength the longest message accepted, in characters
 * @param rateLimit requests per {@code rateWindow} per client IP address; counted in memory on each node, so
 *     with N nodes behind a balancer a client may make up to N times as many
 * @param autoApproveAfter how many separate confirmations approve a learned phrasing without staff (0 = staff
 *     always decide)
 * @param logRetention how long the question log keeps a question (it may hold what residents typed about
 *     themselves)
 * @param city the city this installation serves, created as a tenant at the first start
 */
@ConfigurationProperties("madoguchi.assistant")
public record AssistantProperties(Double answer, Double candidates, Integer maxLength, Integer rateLimit,
		Duration rateWindow, Integer autoApproveAfter, Duration logRetention, City city) {

	/**
	 * The first tenant's settings; staff change them later at /staff/assistant/settings.
	 *
	 * @param allowedOrigins other sites whose pages may embed the widget
	 */
	public record City(String id, String nameJa, String nameEn, String contactPhone, String contactUrl,
			List<String> allowedOrigins) {

		public City {
			id = id == null ? "shinonomeno" : id;
			nameJa = nameJa == null ? "東雲野市" : nameJa;
			nameEn = nameEn == null ? "Shinonome City" : nameEn;
			contactPhone = contactPhone == null ? "043-201-1000" : contactPhone;
			allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
		}
	}

	public AssistantProperties {
		answer = answer == null ? 0.63 : answer;
		candidates = candidates == null ? 0.30 : candidates;
		maxLength = maxLength == null ? 500 : maxLength;
		rateLimit = rateLimit == null ? 30 : rateLimit;
		rateWindow = rateWindow == null ? Duration.ofSeconds(10) : rateWindow;
		autoApproveAfter = autoApproveAfter == null ? 2 : autoApproveAfter;
		logRetention = logRetention == null ? Duration.ofDays(365) : logRetention;
		city = city == null ? new City(null, null, null, null, null, null) : city;
		if (candidates > answer) {
			throw new IllegalArgumentException("madoguchi.assistant.candidates must not exceed answer");
		}
		if (autoApproveAfter < 0) {
			throw new IllegalArgumentException("madoguchi.assistant.auto-approve-after must not be negative");
		}
	}

	static AssistantProperties defaults() {
		return new AssistantProperties(null, null, null, null, null, null, null, null);
	}
}
