package org.madoguchi.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterDateTest {

	@Test
	void parsesAnEraDate() {
		RegisterDate d = RegisterDate.parse("S45.3.15");
		assertThat(d.year()).isEqualTo(1970);
		assertThat(d.month()).isEqualTo(3);
		assertThat(d.day()).isEqualTo(15);
		assertThat(d.eraCode()).isEqualTo('S');
		assertThat(d.iso()).isEqualTo("1970-03-15");
		assertThat(d.japanese()).isEqualTo("昭和45年3月15日");
		assertThat(d.isCalendarDate()).isTrue();
		assertThat(d.toLocalDate()).contains(LocalDate.of(1970, 3, 15));
		assertThat(RegisterDate.parse(" s45.03.15 ")).as("lower case, padded, blanks").isEqualTo(d);
	}

	@Test
	void parsesAWesternDateWithUnknownDay() {
		RegisterDate d = RegisterDate.parse("1970-03-00");
		assertThat(d.month()).isEqualTo(3);
		assertThat(d.day()).isZero();
		assertThat(d.eraCode()).as("era implied from the date").isEqualTo('S');
		assertThat(d.isUnknownPart()).isTrue();
		assertThat(d.isCalendarDate()).isFalse();
		assertThat(d.toLocalDate()).isEmpty();
		assertThat(d.earliest()).isEqualTo(LocalDate.of(1970, 3, 1));
		assertThat(d.latest()).isEqualTo(LocalDate.of(1970, 3, 31));
		assertThat(d.japanese()).isEqualTo("昭和45年3月日不詳");
		assertThat(d.iso()).isEqualTo("1970-03-00");
		assertThat(d).isEqualTo(RegisterDate.parse("S45.3.0"));
	}

	@Test
	void unknownMonthAndDay() {
		RegisterDate d = RegisterDate.parse("1970-00-00");
		assertThat(d.japanese()).isEqualTo("昭和45年月日不詳");
		assertThat(d.earliest()).isEqualTo(LocalDate.of(1970, 1, 1));
		assertThat(d.latest()).isEqualTo(LocalDate.of(1970, 12, 31));
		assertThatIllegalArgumentException().as("a day without a month").isThrownBy(() -> RegisterDate.parse("1970-00-15"));
	}

	@Test
	void firstDayOfHeiseiAndEraBoundaries() {
		RegisterDate h = RegisterDate.parse("H1.1.8");
		assertThat(h.toLocalDate()).contains(LocalDate.of(1989, 1, 8));
		assertThat(h.eraCode()).isEqualTo('H');
		assertThat(h.japanese()).isEqualTo("平成元年1月8日");

		assertThat(RegisterDate.parse("1989-01-08")).isEqualTo(h);
		RegisterDate lastShowa = RegisterDate.parse("1989-01-07");
		assertThat(lastShowa.eraCode()).isEqualTo('S');
		assertThat(lastShowa.japanese()).isEqualTo("昭和64年1月7日");
		assertThat(RegisterDate.parse("S64.1.7")).isEqualTo(lastShowa);

		assertThat(RegisterDate.parse("2019-04-30").japanese()).isEqualTo("平成31年4月30日");
		assertThat(RegisterDate.parse("2019-05-01").japanese()).isEqualTo("令和元年5月1日");
		assertThat(RegisterDate.parse("R1.5.1").toLocalDate()).contains(LocalDate.of(2019, 5, 1));
		assertThat(RegisterDate.of(LocalDate.of(1989, 1, 8))).isEqualTo(h);
		assertThat(RegisterDate.of(LocalDate.of(1926, 12, 24)).japanese()).isEqualTo("大正15年12月24日");
		assertThat(RegisterDate.of(LocalDate.of(1926, 12, 25)).japanese()).isEqualTo("昭和元年12月25日");
	}

	@Test
	void gannenIsRenderedForTheFirstYearOfEveryEra() {
		assertThat(RegisterDate.parse("H1.0.0").japanese()).isEqualTo("平成元年月日不詳");
		assertThat(RegisterDate.parse("R1.6.0").japanese()).isEqualTo("令和元年6月日不詳");
		assertThat(RegisterDate.parse("H2.1.1").japanese()).isEqualTo("平成2年1月1日");
	}

	@Test
	void westernCalendarDatesOfForeignResidents() {
		RegisterDate d = RegisterDate.western(LocalDate.of(1985, 7, 4));
		assertThat(d.eraCode()).isEqualTo(RegisterDate.WESTERN);
		assertThat(d.japanese()).isEqualTo("1985年7月4日");
		assertThat(d.english()).isEqualTo("4 Jul 1985");
		assertThat(RegisterDate.parse("S45.3.15").english()).isEqualTo("15 Mar 1970 (Showa 45)");
	}

	@Test
	void twentyNinthOfFebruaryInACommonYearIsARegisterOnlyDate() {
		RegisterDate d = RegisterDate.parse("1970-02-29");
		assertThat(d.day()).isEqualTo(29);
		assertThat(d.isCalendarDate()).isFalse();
		assertThat(d.toLocalDate()).isEmpty();
		assertThat(d.earliest()).isEqualTo(LocalDate.of(1970, 2, 28));
		assertThat(d.japanese()).isEqualTo("昭和45年2月29日");
		assertThat(RegisterDate.parse("S45.2.29")).isEqualTo(d);
		assertThat(RegisterDate.parse("1972-02-29").isCalendarDate()).as("leap year").isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1970-02-30", "1970-04-31", "1970-13-01", "1970-06-31", "S45.2.30", "S45.4.31",
			"S45.13.1", "S0.1.1", "X45.1.1", "1970-3-15", "19700315", "", "1799-01-01" })
	void rejectsImpossibleDates(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> RegisterDate.parse(text));
	}

	@Test
	void storedFormRoundTrip() {
		RegisterDate d = RegisterDate.parse("S45.3.0");
		assertThat(d.stored()).isEqualTo("19700300");
		assertThat(d.eraStored()).isEqualTo("S");
		assertThat(RegisterDate.fromStored(d.stored(), d.eraStored())).isEqualTo(d);
		assertThat(RegisterDate.fromStored("19700229", "S")).isEqualTo(RegisterDate.parse("1970-02-29"));
		assertThat(RegisterDate.fromStored("19850704", null).eraCode()).isEqualTo(RegisterDate.WESTERN);
	}

	@Test
	void orderingAndAge() {
		assertThat(RegisterDate.parse("S45.3.0")).isLessThan(RegisterDate.parse("S45.3.1"));
		assertThat(RegisterDate.parse("H1.1.8")).isGreaterThan(RegisterDate.parse("S64.1.7"));
		assertThat(RegisterDate.parse("S45.3.15").ageOn(LocalDate.of(2020, 3, 14))).isEqualTo(49);
		assertThat(RegisterDate.parse("S45.3.15").ageOn(LocalDate.of(2020, 3, 15))).isEqualTo(50);
	}

	/**
	 * Found bug: an era date outside its era is accepted. 平成 began on 1989-01-08 and 昭和 ended on
	 * 1989-01-07, yet "H1.1.7" parses (and prints 平成元年1月7日), "S64.1.8" and "S65.1.1" parse as 昭和, and
	 * "H31.5.1" as 平成 although 令和 had begun.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "H1.1.7", "S64.1.8", "S65.1.1", "H31.5.1", "H32.1.1" })
	void rejectsEraDatesOutsideTheirEra(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> RegisterDate.parse(text));
	}

	@ParameterizedTest
	@CsvSource({ "H1.0.0, 1989", "S64.0.0, 1989", "S64.1.0, 1989" })
	void partlyUnknownDatesThatOverlapTheEraAreAccepted(String text, int year) {
		assertThat(RegisterDate.parse(text).year()).isEqualTo(year);
	}
}
