package org.madoguchi.issuance.document;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a certificate shows, as display strings; the issuance module converts the register's records into
 * this. Certificates are in Japanese only.
 *
 * @param kind 住民票の写し, 除票の写し or 住民票記載事項証明書
 * @param layout 世帯連記式 or 個人票
 * @param options the optional items asked for (default: all omitted)
 * @param household 住所, 方書 and 世帯主
 * @param persons the chosen members in household order (世帯主 first; 1 … {@value #MAX_PERSONS})
 * @param issueNumber 発行番号 (page/pages are appended per page)
 * @param issueDate 交付日 (printed in 和暦: 令和8年11月26日)
 * @param mayorTitle 「東雲野市長」: printed before the name; the seal reads this followed by 之印
 * @param mayorName 市長の氏名
 * @param verificationUrl where anyone can check the signature and the issuance record (QR code); http(s), printable
 *        ASCII, at most 256 characters, no personal data
 */
public record CertifiedCopy(DocumentKind kind, Layout layout, PrintOptions options, Household household,
		List<PrintedPerson> persons, IssueNumber issueNumber, LocalDate issueDate, String mayorTitle, String mayorName,
		String verificationUrl) {

	/** A household larger than this is issued in parts. */
	public static final int MAX_PERSONS = 60;

	public CertifiedCopy {
		if (kind == null || layout == null || household == null || issueNumber == null || issueDate == null) {
			throw new IllegalArgumentException("kind, layout, household, issueNumber and issueDate are required");
		}
		options = options == null ? PrintOptions.standard() : options;
		options.items(kind); // refuses certified items on a copy and a 記載事項証明書 without them
		if (persons == null || persons.isEmpty() || persons.size() > MAX_PERSONS) {
			throw new IllegalArgumentException("a certificate shows 1 … " + MAX_PERSONS + " persons, not "
					+ (persons == null ? 0 : persons.size()));
		}
		persons = List.copyOf(persons);
		for (int i = 0; i < persons.size(); i++) {
			boolean removed = persons.get(i).removal() != null;
			if (kind == DocumentKind.JOHYO_COPY && !removed) {
				throw new IllegalArgumentException("person " + (i + 1) + " has no 消除事由 on a 除票の写し");
			}
			if (kind != DocumentKind.JOHYO_COPY && removed) {
				throw new IllegalArgumentException("person " + (i + 1) + " is removed (消除); issue a 除票の写し");
			}
		}
		mayorTitle = Texts.required("市長の職名", mayorTitle, 16);
		mayorName = Texts.required("市長の氏名", mayorName, 32);
		verificationUrl = url(verificationUrl);
	}

	private static String url(String value) {
		if (value == null || value.length() > 256) {
			throw new IllegalArgumentException("verificationUrl is required, at most 256 characters");
		}
		for (char c : value.toCharArray()) {
			if (c <= 0x20 || c >= 0x7F) {
				throw new IllegalArgumentException("verificationUrl must be printable ASCII (percent-encode others)");
			}
		}
		try {
			URI uri = new URI(value);
			if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
				throw new IllegalArgumentException("verificationUrl must be an absolute http(s) URL: " + value);
			}
		}
		catch (URISyntaxException e) {
			throw new IllegalArgumentException("verificationUrl is not a URL: " + e.getMessage());
		}
		return value;
	}
}
