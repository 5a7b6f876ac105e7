package org.madoguchi.registry;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;

import org.madoguchi.registry.RegisterCommands.MoveIn;

/**
 * Small builders for register tests. Every address, 住民票コード and 個人番号 is random so that tests can
 * share one database with other test classes and find their own rows.
 */
final class RegisterFixtures {

	private static final SecureRandom RANDOM = new SecureRandom();

	static final String PREVIOUS_ADDRESS = "東京都千代田区千代田1番1号";

	private RegisterFixtures() {
	}

	static LocalDate daysAgo(int days) {
		return LocalDate.now().minusDays(days);
	}

	static String digits(int n) {
		StringBuilder sb = new StringBuilder(n);
		for (int i = 0; i < n; i++) {
			sb.append((char) ('0' + RANDOM.nextInt(10)));
		}
		return sb.toString();
	}

	/** A fresh address nobody else uses: a random 番地 in a test town. */
	static Address address() {
		return new Address("T01", "千葉県東雲野市試験町" + digits(9) + "番地", null, "299-0001");
	}

	static Address addressWithKatagaki(String katagaki) {
		Address a = address();
		return new Address(a.townCode(), a.text(), katagaki, a.postalCode());
	}

	static String newResidentCode() {
		return ModulusEleven.withCheckDigit(digits(10));
	}

	static String newMyNumber() {
		return MyNumber.withCheckDigit(digits(11)).value();
	}

	static PersonBuilder person(String relationship) {
		return new PersonBuilder(relationship);
	}

	static PersonEntry head() {
		return person(Relationship.HEAD).build();
	}

	/** 国内転入 of new persons into a new household at {@code address}, ten days ago. */
	static MoveIn moveIn(Address address, PersonEntry... persons) {
		return new MoveIn(ChangeReason.DOMESTIC_MOVE_IN, null, address, PREVIOUS_ADDRESS, daysAgo(10), daysAgo(9),
				List.of(persons));
	}

	/** 国内転入 into an existing household. */
	static MoveIn joining(HouseholdNumber household, PersonEntry... persons) {
		return new MoveIn(ChangeReason.DOMESTIC_MOVE_IN, household, null, PREVIOUS_ADDRESS, daysAgo(8), daysAgo(8),
				List.of(persons));
	}

	static final class PersonBuilder {

		private String family = "窓口";
		private String given = "太郎";
		private String familyKana = "マドグチ";
		private String givenKana = "タロウ";
		private RegisterDate birthDate = RegisterDate.parse("S45.3.15");
		private Gender gender = Gender.MALE;
		private final String relationship;
		private String residentCode;
		private String myNumber;

		private PersonBuilder(String relationship) {
			this.relationship = relationship;
		}

		PersonBuilder name(String family, String given) {
			this.family = family;
			this.given = given;
			return this;
		}

		PersonBuilder kana(String familyKana, String givenKana) {
			this.familyKana = familyKana;
			this.givenKana = givenKana;
			return this;
		}

		PersonBuilder born(RegisterDate birthDate) {
			this.birthDate = birthDate;
			return this;
		}

		PersonBuilder born(String birthDate) {
			return born(RegisterDate.parse(birthDate));
		}

		PersonBuilder female() {
			this.gender = Gender.FEMALE;
			return this;
		}

		PersonBuilder residentCode(String residentCode) {
			this.residentCode = residentCode;
			return this;
		}

		PersonBuilder myNumber(String myNumber) {
			this.myNumber = myNumber;
			return this;
		}

		PersonEntry build() {
			return new PersonEntry(PersonName.of(family, given, familyKana, givenKana), birthDate, gender,
					ResidentType.JAPANESE, new FamilyRegister("千葉県東雲野市本町1番地", "窓口　一郎"), null, relationship,
					residentCode, myNumber, true);
		}
	}
}
