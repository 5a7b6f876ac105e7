package org.madoguchi.identity;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.madoguchi.registry.CardCertificate;

/**
 * Finds the resident (宛名番号) a デジタル認証アプリ sign-in names: first by the serial of the 利用者証明用電子証明書
 * when the provider gives it ({@link DigitalAuthProtocol#CLAIM_CERTIFICATE_SERIAL}, recorded in the register at card
 * issuance), else by the 基本4情報 — exactly one living resident whose name, address, date of birth and gender are
 * equal after normalization (NFKC, no spaces). Both look-ups are in the access log. The userinfo endpoint is asked
 * only when the ID token's serial does not find the person (one call less on the usual path).
 */
final class ResidentMatcher {

	static final String PURPOSE = "DIGITAL_AUTH_SIGN_IN";

	private final SignerMatching register;

	ResidentMatcher(SignerMatching register) {
		this.register = register;
	}

	/**
	 * @param idToken  the claims of the checked ID token
	 * @param userinfo the claims with the userinfo endpoint's, fetched only when the ID token's do not find the person
	 */
	Optional<String> atenaNumber(Map<String, Object> idToken, Supplier<Map<String, Object>> userinfo) {
		Optional<String> found = bySerial(idToken);
		if (found.isPresent()) {
			return found;
		}
		Map<String, Object> claims = userinfo.get();
		if (!idToken.containsKey(DigitalAuthProtocol.CLAIM_CERTIFICATE_SERIAL)) {
			found = bySerial(claims);
		}
		return found.or(() -> basicFourInfo(claims).flatMap(register::byBasicFourInfo));
	}

	private Optional<String> bySerial(Map<String, Object> claims) {
		return serial(claims.get(DigitalAuthProtocol.CLAIM_CERTIFICATE_SERIAL))
			.flatMap(serial -> register.holderOf(CardCertificate.AUTHENTICATION, serial, PURPOSE));
	}

	/** The 基本4情報 in the claims (gender as 男/女), if all four are there and readable. */
	static Optional<BasicFourInfo> basicFourInfo(Map<String, Object> claims) {
		String name = text(claims.get(DigitalAuthProtocol.CLAIM_NAME));
		Object addressClaim = claims.get(DigitalAuthProtocol.CLAIM_ADDRESS);
		// OpenID's address claim is an object with "formatted"; a plain string is accepted too
		String address = addressClaim instanceof Map<?, ?> map ? text(map.get("formatted")) : text(addressClaim);
		String gender = gender(text(claims.get(DigitalAuthProtocol.CLAIM_GENDER)));
		String birth = text(claims.get(DigitalAuthProtocol.CLAIM_BIRTHDATE));
		if (name == null || address == null || gender == null || birth == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(new BasicFourInfo(name, address, LocalDate.parse(birth), gender));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * 男/女 from 男/女 (register, JPKI certificates), male/female (OpenID) or 1/2 (JPKI's coded form); null for
	 * anything else.
	 */
	static String gender(String value) {
		return value == null ? null : switch (SignerMatching.comparable(value).toLowerCase(Locale.ROOT)) {
			case "男", "male", "1" -> "男";
			case "女", "female", "2" -> "女";
			default -> null;
		};
	}

	private static Optional<BigInteger> serial(Object claim) {
		String text = text(claim);
		if (text == null || !text.matches("[0-9A-Fa-f]{1,40}")) {
			return Optional.empty();
		}
		return Optional.of(new BigInteger(text, 16));
	}

	private static String text(Object value) {
		return value instanceof String s && !s.isBlank() ? s : null;
	}
}
