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
		if (certificateSerial != null) {
			Optional<ResidentRecord> holder = register.certificateHolder(CardCertificate.SIGNATURE, certificateSerial,
					PURPOSE);
			if (holder.isPresent()) {
				return Optional.of(new Match(holder.get().atenaNumber().value(), MatchMethod.CERTIFICATE_SERIAL));
			}
		}
		if (signer == null) {
			return Optional.empty();
		}
		String name = comparable(signer.name());
		if (name.isEmpty()) {
			return Optional.empty();
		}
		List<ResidentRecord> sameNameAndBirth = register.search(new ResidentSearch(null, null, name, null,
				RegisterDate.of(signer.birthDate()), false, ResidentSearch.MAX_LIMIT, 0));
		List<ResidentRecord> matches = sameNameAndBirth.stream()
			.filter(ResidentRecord::isResident)
			.filter(r -> comparable(r.name().full()).equals(name))
			.filter(r -> comparable(BasicFourInfo.of(r).address()).equals(comparable(signer.address())))
			.filter(r -> BasicFourInfo.of(r).gender().equals(signer.gender()))
			.toList();
		return matches.size() == 1
				? Optional.of(new Match(matches.get(0).atenaNumber().value(), MatchMethod.BASIC_FOUR_INFO))
				: Optional.empty();
	}

	/** NFKC, without any kind of space: 「東雲　太郎」 and 「東雲 太郎」 are the same name. */
	static String comparable(String text) {
		return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
	}
}
