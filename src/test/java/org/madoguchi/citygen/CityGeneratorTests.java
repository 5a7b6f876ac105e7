package org.madoguchi.citygen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.madoguchi.registry.HouseholdDraft;
import org.madoguchi.registry.Kana;
import org.madoguchi.registry.MyNumber;
import org.madoguchi.registry.PersonEntry;
import org.madoguchi.registry.Relationship;
import org.madoguchi.registry.ResidentCode;
import org.madoguchi.registry.ResidentType;

/** The synthetic city is deterministic for a seed and looks like a Japanese city of 500,000. */
class CityGeneratorTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
	static final NameParts PARTS = NameParts.load();

	static List<HouseholdDraft> city(long seed, int households) {
		CityGenerator g = new CityGenerator(PARTS, seed, TODAY);
		List<HouseholdDraft> out = new ArrayList<>();
		for (int i = 0; i < households; i++) {
			out.add(g.nextHousehold());
		}
		return out;
	}

	@Test
	void theSameSeedGivesTheSameCityAndAnotherSeedAnother() {
		assertThat(city(42, 500)).isEqualTo(city(42, 500));
		assertThat(city(43, 500)).isNotEqualTo(city(42, 500));
	}

	@Test
	void householdsAndPeopleArePlausible() {
		List<HouseholdDraft> city = city(7, 20_000);
		List<PersonEntry> people = city.stream().flatMap(h -> h.members().stream()).toList();
		double single = city.stream().filter(h -> h.members().size() == 1).count() / (double) city.size();
		double average = people.size() / (double) city.size();
		double foreign = people.stream().filter(p -> p.type() == ResidentType.FOREIGN).count() / (double) people.size();
		double elderly = people.stream().filter(p -> p.birthDate().ageOn(TODAY) >= 65).count() / (double) people.size();
		double children = people.stream().filter(p -> p.birthDate().ageOn(TODAY) < 15).count() / (double) people.size();
		// census-like shape of a commuter city of 500,000 (2020): 2.1–2.4 persons per household, ~38 % single
		assertThat(average).isBetween(2.0, 2.5);
		assertThat(single).isBetween(0.33, 0.43);
		assertThat(foreign).isBetween(0.01, 0.06);
		assertThat(elderly).isBetween(0.18, 0.35);
		assertThat(children).isBetween(0.07, 0.16);
		for (HouseholdDraft h : city) {
			assertThat(h.members().stream().filter(p -> Relationship.HEAD.equals(p.relationship())).count()).isEqualTo(1);
			assertThat(h.address().text()).startsWith("千葉県東雲野市");
		}
	}

	@Test
	void everyItemPassesTheRegistersOwnRules() {
		Set<String> myNumbers = new HashSet<>();
		Set<String> codes = new HashSet<>();
		for (HouseholdDraft h : city(11, 5_000)) {
			for (PersonEntry p : h.members()) {
				assertThat(Kana.isKatakana(p.name().familyKana())).as(p.name().familyKana()).isTrue();
				assertThat(Kana.isKatakana(p.name().givenKana())).as(p.name().givenKana()).isTrue();
				assertThat(Relationship.isValid(p.relationship())).as(p.relationship()).isTrue();
				assertThat(ResidentCode.isValid(p.residentCode())).isTrue();
				assertThat(codes.add(p.residentCode())).isTrue();
				if (p.myNumber() != null) {
					assertThat(MyNumber.isValid(p.myNumber())).isTrue();
					assertThat(myNumbers.add(p.myNumber())).isTrue();
				}
				assertThat(p.birthDate().earliest()).isBeforeOrEqualTo(TODAY);
			}
		}
	}
}
