package org.madoguchi.identity;

import java.math.BigInteger;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

import org.madoguchi.identity.SignedEvidence.MatchMethod;
import org.madoguchi.registry.CardCertificate;
import org.madoguchi.registry.RegisterDate;
import org.madoguchi.registry.ResidentRecord;
import org.madoguchi.registry.ResidentRegister;
import org.madoguchi.registry.ResidentSearch;
import org.springframework.stereotype.Component;

/**
 * Finds the signer of a 署名用電子証明書 in the resident register: first by the certificate serial recorded with the
 * resident's card, else by the 基本4情報 (the certificate is revoked when name or address change, so a valid one
 * matches the current record). Only a single living resident counts as a match.
 */
@Component
class SignerMatching {

	static final String PURPOSE = "電子署名の署名者照合 / signer matching";

	/** A match: who, and how. */
	record Match(String atenaNumber, MatchMethod method) {
	}

	private final ResidentRegister register;

	SignerMatching(ResidentRegister register) {
		this.register = register;
	}

	Optional<Match> match(BigInteger certificateSerial, BasicFourInfo signer) {
		Optional<String> holder = certificateSerial == null ? Optional.empty()
				: holderOf(CardCertificate.SIGNATURE, certificateSerial, PURPOSE);
		if (holder.isPresent()) {
			return Optional.of(new Match(holder.get(), MatchMethod.CERTIFICATE_SERIAL));
		}
		return signer == null ? Optional.empty()
				: byBasicFourInfo(signer).map(atena -> new Match(atena, MatchMethod.BASIC_FOUR_INFO));
	}

	/** The 宛名番号 of the living resident holding the card certificate of this kind and serial (logged). */
	Optional<String> holderOf(CardCertificate kind, BigInteger serial, String purpose) {
		return register.certificateHolder(kind, serial, purpose).map(r -> r.atenaNumber().value());
	}

	/**
	 * The 宛名番号 of the one living resident whose 基本4情報 equal these (after {@link #comparable}); empty when none
	 * or more than one. The search is in the access log.
	 */
	Optional<String> byBasicFourInfo(BasicFourInfo facts) {
		String name = comparable(facts.name());
		if (name.isEmpty()) {
			return Optional.empty();
		}
		List<ResidentRecord> matches = register.search(new ResidentSearch(null, null, name, null,
				RegisterDate.of(facts.birthDate()), false, ResidentSearch.MAX_LIMIT, 0))
			.stream()
			.filter(r -> r.isResident() && r.birthDate().isCalendarDate())
			.filter(r -> sameFacts(BasicFourInfo.of(r), facts))
			.toList();
		return matches.size() == 1 ? Optional.of(matches.get(0).atenaNumber().value()) : Optional.empty();
	}

	static boolean sameFacts(BasicFourInfo register, BasicFourInfo claimed) {
		return comparable(register.name()).equals(comparable(claimed.name()))
				&& comparable(register.address()).equals(comparable(claimed.address()))
				&& register.birthDate().equals(claimed.birthDate())
				&& register.gender().equals(claimed.gender());
	}

	/** NFKC, without any kind of space: 「東雲　太郎」 and 「東雲 太郎」 are the same name. */
	static String comparable(String text) {
		return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
	}
}
