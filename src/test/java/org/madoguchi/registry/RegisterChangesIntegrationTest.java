package org.madoguchi.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.madoguchi.registry.RegisterFixtures.address;
import static org.madoguchi.registry.RegisterFixtures.daysAgo;
import static org.madoguchi.registry.RegisterFixtures.head;
import static org.madoguchi.registry.RegisterFixtures.joining;
import static org.madoguchi.registry.RegisterFixtures.moveIn;
import static org.madoguchi.registry.RegisterFixtures.newResidentCode;
import static org.madoguchi.registry.RegisterFixtures.person;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.RuleViolationException;
import org.madoguchi.registry.RegisterCommands.Birth;
import org.madoguchi.registry.RegisterCommands.ChangeHead;
import org.madoguchi.registry.RegisterCommands.Correct;
import org.madoguchi.registry.RegisterCommands.Death;
import org.madoguchi.registry.RegisterCommands.MergeHouseholds;
import org.madoguchi.registry.RegisterCommands.MoveOut;
import org.madoguchi.registry.RegisterCommands.MoveWithinCity;
import org.madoguchi.registry.RegisterCommands.SeparateHousehold;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The business rules of {@link RegisterChanges} against the real database. The database is shared with
 * other test classes: every test creates its own households and asserts only on them.
 */
@SpringBootTest
class RegisterChangesIntegrationTest {

	@Autowired
	RegisterChanges changes;

	@Autowired
	ResidentRegister register;

	@Autowired
	AccessLog accessLog;

	// ------------------------------------------------------------------ 転入

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void moveInCreatesPersonsWithNumbersAndFirstHistory() {
		Address address = address();
		List<AtenaNumber> ids = changes.moveIn(moveIn(address, person("子").name("窓口", "花子").female().born("H20.4.1").build(),
				head(), person("妻").name("窓口", "良子").female().born("S50.1.1").build()));

		assertThat(ids).hasSize(3).doesNotHaveDuplicates();
		assertThat(ids).allSatisfy(a -> assertThat(AtenaNumber.isValid(a.value())).isTrue());
		List<ResidentRecord> records = ids.stream().map(this::current).toList();
		HouseholdNumber household = records.get(0).householdNumber();
		assertThat(HouseholdNumber.isValid(household.value())).isTrue();
		assertThat(household.value()).startsWith("5");
		assertThat(records).allSatisfy(r -> {
			assertThat(r.householdNumber()).isEqualTo(household);
			assertThat(r.historyNumber()).isEqualTo(1);
			assertThat(r.changeReason()).isEqualTo(ChangeReason.DOMESTIC_MOVE_IN);
			assertThat(r.status()).isEqualTo(ResidentStatus.RESIDENT);
			assertThat(r.address()).isEqualTo(address);
			assertThat(r.becameResidentDate()).isEqualTo(daysAgo(10));
			assertThat(r.addressFixedDate()).isEqualTo(daysAgo(10));
			assertThat(r.notifiedDate()).isEqualTo(daysAgo(9));
			assertThat(r.previousAddress()).isEqualTo(RegisterFixtures.PREVIOUS_ADDRESS);
			assertThat(r.processedBy()).isEqualTo("tester");
		});
		// member order: 世帯主, then spouse, then child, whatever the input order
		List<ResidentRecord> members = register.household(household);
		assertThat(members).extracting(ResidentRecord::relationship).containsExactly("世帯主", "妻", "子");
		assertThat(members).extracting(ResidentRecord::memberOrder).containsExactly(1, 2, 3);
		assertThat(register.history(ids.get(0))).hasSize(1);
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void moveInKeepsARegisterOnlyBirthDate() {
		Address address = address();
		AtenaNumber a = changes.moveIn(moveIn(address, person("世帯主").born("1970-02-29").build())).get(0);
		RegisterDate stored = current(a).birthDate();
		assertThat(stored.iso()).isEqualTo("1970-02-29");
		assertThat(stored.eraCode()).isEqualTo('S');
		assertThat(stored.isCalendarDate()).isFalse();

		AtenaNumber b = changes.moveIn(moveIn(address(), person("世帯主").born("S45.3.0").build())).get(0);
		assertThat(current(b).birthDate().japanese()).isEqualTo("昭和45年3月日不詳");
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void twoHeadsInOneMoveInAreRejectedAndNothingIsWritten() {
		Address address = address();
		InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
				() -> changes.moveIn(moveIn(address, head(), head())));
		assertThat(e.errors()).extracting(FieldError::field, FieldError::code).contains(
				org.assertj.core.groups.Tuple.tuple("persons", "error.rule.oneHead"));
		assertThat(countAt(address)).isZero();
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void duplicateResidentCodeIsRejectedAndNothingIsWritten() {
		String code = newResidentCode();
		changes.moveIn(moveIn(address(), person("世帯主").residentCode(code).build()));

		Address address = address();
		assertThat(countAt(address)).isZero();
		InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> changes.moveIn(moveIn(address,
				head(), person("妻").female().residentCode(code).build())));
		assertThat(e.errors()).singleElement().satisfies(fe -> {
			assertThat(fe.field()).endsWith("residentCode").isEqualTo("persons[1].residentCode");
			assertThat(fe.code()).isEqualTo("error.residentCode.taken");
		});
		assertThat(countAt(address)).isZero();

		// a single person with a taken code
		InvalidInputException single = catchThrowableOfType(InvalidInputException.class,
				() -> changes.moveIn(moveIn(address, person("世帯主").residentCode(code).build())));
		assertThat(single.errors()).singleElement().satisfies(fe -> assertThat(fe.field()).endsWith("residentCode"));
		assertThat(countAt(address)).isZero();

		// the same new code twice in one move-in
		String fresh = newResidentCode();
		InvalidInputException twice = catchThrowableOfType(InvalidInputException.class, () -> changes.moveIn(moveIn(address,
				person("世帯主").residentCode(fresh).build(), person("妻").female().residentCode(fresh).build())));
		assertThat(twice.errors()).extracting(FieldError::field).containsExactly("persons[1].residentCode");
		assertThat(countAt(address)).isZero();
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void duplicateMyNumberIsRejected() {
		String myNumber = RegisterFixtures.newMyNumber();
		changes.moveIn(moveIn(address(), person("世帯主").myNumber(myNumber).build()));
		Address address = address();
		InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> changes.moveIn(moveIn(address,
				head(), person("妻").female().myNumber(myNumber).build())));
		assertThat(e.errors()).extracting(FieldError::field, FieldError::code)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("persons[1].myNumber", "error.myNumber.taken"));
		assertThat(countAt(address)).isZero();
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void furiganaMustBeKatakanaAndAllErrorsAreCollected() {
		Address address = address();
		InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> changes.moveIn(moveIn(address,
				person("世帯主").kana("まどぐち", "タロウ").build(),
				person("妻").female().kana("マドグチ", "Yoshiko").born(RegisterFixtures.daysAgo(-400).toString()).build())));
		assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
				org.assertj.core.groups.Tuple.tuple("persons[0].familyNameKana", "error.katakana"),
				org.assertj.core.groups.Tuple.tuple("persons[1].givenNameKana", "error.katakana"),
				org.assertj.core.groups.Tuple.tuple("persons[1].birthDate", "error.date.future"));
		assertThat(countAt(address)).isZero();
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void impossibleBirthDatesNeverReachTheRegister() {
		// an impossible date cannot even be expressed: parsing fails before any entry exists
		assertThatIllegalArgumentException().isThrownBy(() -> person("世帯主").born("S45.2.30"));
		assertThatIllegalArgumentException().isThrownBy(() -> person("世帯主").born("1970-04-31"));

		// 出生 needs a real calendar date (the 異動日 is the birth date)
		HouseholdNumber household = current(changes.moveIn(moveIn(address(), head())).get(0)).householdNumber();
		InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
				() -> changes.birth(new Birth(household, person("子").born("2023-02-29").build(), daysAgo(1))));
		assertThat(e.errors()).extracting(FieldError::field, FieldError::code)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("child.birthDate", "error.birthDate.exact"));
		assertThat(register.household(household)).hasSize(1);
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void moveInJoiningAnExistingHousehold() {
		Address address = address();
		HouseholdNumber household = current(changes.moveIn(moveIn(address, head())).get(0)).householdNumber();

		AtenaNumber mother = changes.moveIn(joining(household, person("母").female().born("S20.5.5").build())).get(0);
		ResidentRecord r = current(mother);
		assertThat(r.householdNumber()).isEqualTo(household);
		assertThat(r.address()).isEqualTo(address);
		assertThat(r.memberOrder()).isEqualTo(2);

		RuleViolationException e = catchThrowableOfType(RuleViolationException.class,
				() -> changes.moveIn(joining(household, head())));
		assertThat(e.code()).isEqualTo("error.rule.headExists");
		assertThat(residents(household)).hasSize(2);
	}

	/**
	 * Found bug: the uniqueness check names the field without its prefix when there is one person
	 * ("residentCode"), while the format check of the same field says "persons[0].residentCode"; for 出生
	 * it should be "child.residentCode".
	 */
	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void uniquenessErrorsNameTheSameFieldAsFormatErrors() {
		String code = newResidentCode();
		AtenaNumber first = changes.moveIn(moveIn(address(), person("世帯主").residentCode(code).build())).get(0);
		InvalidInputException format = catchThrowableOfType(InvalidInputException.class,
				() -> changes.moveIn(moveIn(address(), person("世帯主").residentCode("12345678900").build())));
		assertThat(format.errors()).extracting(FieldError::field).containsExactly("persons[0].residentCode");

		InvalidInputException taken = catchThrowableOfType(InvalidInputException.class,
				() -> changes.moveIn(moveIn(address(), person("世帯主").residentCode(code).build())));
		assertThat(taken.errors()).extracting(FieldError::field).containsExactly("persons[0].residentCode");

		HouseholdNumber household = current(first).householdNumber();
		InvalidInputException birth = catchThrowableOfType(InvalidInputException.class, () -> changes.birth(
				new Birth(household, person("子").born(RegisterDate.of(daysAgo(2))).residentCode(code).build(), daysAgo(1))));
		assertThat(birth.errors()).extracting(FieldError::field).containsExactly("child.residentCode");
	}

	// ------------------------------------------------------------------ 転居

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void moveWithinCityWritesHistoryTwoAndKeepsHistoryOne() {
		Address oldAddress = address();
		List<AtenaNumber> ids = changes.moveIn(moveIn(oldAddress, head(), person("妻").female().build()));
		HouseholdNumber household = current(ids.get(0)).householdNumber();
		Address newAddress = RegisterFixtures.addressWithKatagaki("東雲野ハイツ101号室");

		List<AtenaNumber> moved = changes.moveWithinCity(
				new MoveWithinCity(household, List.of(), newAddress, null, daysAgo(5), daysAgo(4)));

		assertThat(moved).containsExactlyInAnyOrderElementsOf(ids);
		for (AtenaNumber a : ids) {
			List<ResidentRecord> history = register.history(a);
			assertThat(history).extracting(ResidentRecord::historyNumber).containsExactly(2, 1);
			ResidentRecord now = history.get(0);
			assertThat(now.changeReason()).isEqualTo(ChangeReason.MOVE_WITHIN_CITY);
			assertThat(now.address()).isEqualTo(newAddress);
			assertThat(now.addressFixedDate()).isEqualTo(daysAgo(5));
			assertThat(now.becameResidentDate()).as("住民となった年月日 does not change").isEqualTo(daysAgo(10));
			assertThat(now.householdNumber()).isEqualTo(household);
			ResidentRecord before = history.get(1);
			assertThat(before.address()).isEqualTo(oldAddress);
			assertThat(before.changeReason()).isEqualTo(ChangeReason.DOMESTIC_MOVE_IN);
			assertThat(register.snapshot(a, 1).address()).isEqualTo(oldAddress);
			assertThat(current(a).historyNumber()).isEqualTo(2);
		}

		RuleViolationException same = catchThrowableOfType(RuleViolationException.class, () -> changes.moveWithinCity(
				new MoveWithinCity(household, List.of(), newAddress, null, daysAgo(3), daysAgo(3))));
		assertThat(same.code()).isEqualTo("error.rule.sameAddress");
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void partOfAHouseholdMovingFormsANewHousehold() {
		List<AtenaNumber> ids = changes.moveIn(moveIn(address(), head(), person("妻").female().build(),
				person("子").name("窓口", "次郎").born("H10.10.10").build()));
		HouseholdNumber household = current(ids.get(0)).householdNumber();
		AtenaNumber child = memberWith(ids, "子");
		Address newAddress = address();

		InvalidInputException noHead = catchThrowableOfType(InvalidInputException.class, () -> changes.moveWithinCity(
				new MoveWithinCity(household, List.of(child), newAddress, null, daysAgo(5), daysAgo(4))));
		assertThat(noHead.errors()).extracting(FieldError::field).containsExactly("newHead");

		changes.moveWithinCity(new MoveWithinCity(household, List.of(child), newAddress, child, daysAgo(5), daysAgo(4)));
		ResidentRecord c = current(child);
		assertThat(c.householdNumber()).isNotEqualTo(household);
		assertThat(c.relationship()).isEqualTo("世帯主");
		assertThat(c.address()).isEqualTo(newAddress);
		assertThat(residents(household)).hasSize(2).noneMatch(r -> r.atenaNumber().equals(child));
	}

	// ------------------------------------------------------------------ 転出

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void moveOutRemovesAndASecondMoveOutFailsWithoutWriting() {
		List<AtenaNumber> ids = changes.moveIn(moveIn(address(), head(), person("妻").female().build()));
		AtenaNumber wife = memberWith(ids, "妻");
		HouseholdNumber household = current(wife).householdNumber();

		changes.moveOut(new MoveOut(ChangeReason.DOMESTIC_MOVE_OUT, List.of(wife), "大阪府大阪市北区1番", daysAgo(2),
				daysAgo(3)));
		ResidentRecord removed = current(wife);
		assertThat(removed.status()).isEqualTo(ResidentStatus.REMOVED);
		assertThat(removed.historyNumber()).isEqualTo(2);
		assertThat(removed.removalReason()).isEqualTo(ChangeReason.DOMESTIC_MOVE_OUT);
		assertThat(removed.removalDate()).isEqualTo(daysAgo(2));
		assertThat(removed.destinationAddress()).isEqualTo("大阪府大阪市北区1番");
		assertThat(residents(household)).extracting(ResidentRecord::atenaNumber).containsExactly(memberWith(ids, "世帯主"));

		long feedHead = register.feedHead();
		long changeLogs = logCount(AccessAction.CHANGE, wife);
		RuleViolationException e = catchThrowableOfType(RuleViolationException.class,
				() -> changes.moveOut(new MoveOut(ChangeReason.DOMESTIC_MOVE_OUT, List.of(wife), "大阪府大阪市北区1番",
						daysAgo(1), daysAgo(1))));
		assertThat(e.code()).isEqualTo("error.rule.removed");
		assertThat(e.args()).containsExactly(wife.value());
		assertThat(register.history(wife)).extracting(ResidentRecord::historyNumber).containsExactly(2, 1);
		assertThat(register.feedHead()).isEqualTo(feedHead);
		assertThat(logCount(AccessAction.CHANGE, wife)).isEqualTo(changeLogs);
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void moveOutMayBeNotifiedAheadButNotTooFar() {
		AtenaNumber a = changes.moveIn(moveIn(address(), head())).get(0);
		InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> changes.moveOut(new MoveOut(
				ChangeReason.DOMESTIC_MOVE_OUT, List.of(a), "大阪府", daysAgo(-31), daysAgo(0))));
		assertThat(e.errors()).extracting(FieldError::field, FieldError::code)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("changeDate", "error.changeDate.tooFar"));
		assertThat(current(a).isResident()).isTrue();

		changes.moveOut(new MoveOut(ChangeReason.OVERSEAS_MOVE_OUT, List.of(a), "アメリカ合衆国", daysAgo(-14), daysAgo(0)));
		assertThat(current(a).removalReason()).isEqualTo(ChangeReason.OVERSEAS_MOVE_OUT);
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void theLastMemberLeavingDissolvesTheHousehold() {
		AtenaNumber a = changes.moveIn(moveIn(address(), head())).get(0);
		HouseholdNumber household = current(a).householdNumber();
		changes.moveOut(new MoveOut(ChangeReason.DOMESTIC_MOVE_OUT, List.of(a), "大阪府", daysAgo(2), daysAgo(2)));

		RuleViolationException e = catchThrowableOfType(RuleViolationException.class,
				() -> changes.birth(new Birth(household, person("子").born(RegisterDate.of(daysAgo(2))).build(), daysAgo(1))));
		assertThat(e.code()).isEqualTo("error.rule.householdDissolved");
	}

	/**
	 * Found bug: a person listed twice in one change gets two snapshots with the same 履歴番号, and the
	 * primary key of resident_record turns that into a raw DuplicateKeyException (HTTP 500) instead of a
	 * field error (or a de-duplicated list).
	 */
	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void aPersonListedTwiceIsRejectedAsInput() {
		AtenaNumber a = changes.moveIn(moveIn(address(), head())).get(0);
		try {
			changes.moveOut(new MoveOut(ChangeReason.DOMESTIC_MOVE_OUT, List.of(a, a), "大阪府", daysAgo(1), daysAgo(1)));
		}
		catch (InvalidInputException expected) {
			assertThat(current(a).isResident()).isTrue();
		}
		assertThat(register.history(a)).hasSizeLessThanOrEqualTo(2);
	}

	// ------------------------------------------------------------------ 死亡・出生

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void deathOfTheHeadLeavesAHouseholdWithoutHeadWhereBirthStillWorks() {
		List<AtenaNumber> ids = changes.moveIn(moveIn(address(), head(), person("妻").female().build()));
		AtenaNumber headId = memberWith(ids, "世帯主");
		HouseholdNumber household = current(headId).householdNumber();

		changes.death(new Death(headId, daysAgo(6), daysAgo(5)));
		ResidentRecord dead = current(headId);
		assertThat(dead.status()).isEqualTo(ResidentStatus.REMOVED);
		assertThat(dead.removalReason()).isEqualTo(ChangeReason.DEATH);
		assertThat(dead.removalDate()).isEqualTo(daysAgo(6));
		assertThat(residents(household)).hasSize(1).noneMatch(ResidentRecord::isHead);

		AtenaNumber baby = changes.birth(new Birth(household,
				person("子").name("窓口", "三郎").born(RegisterDate.of(daysAgo(3))).build(), daysAgo(2)));
		ResidentRecord b = current(baby);
		assertThat(b.householdNumber()).isEqualTo(household);
		assertThat(b.historyNumber()).isEqualTo(1);
		assertThat(b.changeReason()).isEqualTo(ChangeReason.BIRTH);
		assertThat(b.changeDate()).isEqualTo(daysAgo(3));
		assertThat(b.becameResidentDate()).isEqualTo(daysAgo(3));
		assertThat(b.address()).isEqualTo(current(memberWith(ids, "妻")).address());
		assertThat(b.memberOrder()).isEqualTo(3);
		assertThat(residents(household)).hasSize(2).noneMatch(ResidentRecord::isHead);
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void deathBeforeBirthIsRejected() {
		AtenaNumber a = changes.moveIn(moveIn(address(), person("世帯主").born("H30.1.1").build())).get(0);
		InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
				() -> changes.death(new Death(a, java.time.LocalDate.of(2017, 12, 31), daysAgo(1))));
		assertThat(e.errors()).extracting(FieldError::code).containsExactly("error.death.beforeBirth");
		assertThat(current(a).isResident()).isTrue();
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void aChildCannotBeBornAsSecondHead() {
		HouseholdNumber household = current(changes.moveIn(moveIn(address(), head())).get(0)).householdNumber();
		RuleViolationException e = catchThrowableOfType(RuleViolationException.class, () -> changes
				.birth(new Birth(household, person("世帯主").born(RegisterDate.of(daysAgo(2))).build(), daysAgo(1))));
		assertThat(e.code()).isEqualTo("error.rule.headExists");
	}

	// ------------------------------------------------------------------ 世帯分離・世帯合併

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void separationCreatesANewHouseholdHeadedByTheChosenMember() {
		List<AtenaNumber> ids = changes.moveIn(moveIn(address(), head(), person("妻").female().build(),
				person("子").name("窓口", "一郎").born("H2.2.2").build(),
				person("子の妻").name("窓口", "陽子").female().born("H3.3.3").build()));
		AtenaNumber son = memberWith(ids, "子");
		AtenaNumber daughterInLaw = memberWith(ids, "子の妻");
		HouseholdNumber old = current(son).householdNumber();

		HouseholdNumber created = changes.separateHousehold(new SeparateHousehold(List.of(daughterInLaw, son), son,
				Map.of(daughterInLaw, "妻"), daysAgo(5), daysAgo(4)));

		assertThat(created).isNotEqualTo(old);
		assertThat(HouseholdNumber.isValid(created.value())).isTrue();
		List<ResidentRecord> newMembers = residents(created);
		assertThat(newMembers).extracting(ResidentRecord::atenaNumber).containsExactly(son, daughterInLaw);
		assertThat(newMembers).extracting(ResidentRecord::relationship).containsExactly("世帯主", "妻");
		assertThat(newMembers).extracting(ResidentRecord::memberOrder).containsExactly(1, 2);
		assertThat(newMembers).allSatisfy(r -> {
			assertThat(r.changeReason()).isEqualTo(ChangeReason.HOUSEHOLD_SEPARATION);
			assertThat(r.historyNumber()).isEqualTo(2);
			assertThat(r.address()).isEqualTo(current(memberWith(ids, "世帯主")).address());
		});
		assertThat(residents(old)).extracting(ResidentRecord::relationship).containsExactly("世帯主", "妻");
		assertThat(register.history(son).get(1).householdNumber()).isEqualTo(old);
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void separationRules() {
		List<AtenaNumber> ids = changes.moveIn(moveIn(address(), head(), person("妻").female().build()));
		AtenaNumber headId = memberWith(ids, "世帯主");
		AtenaNumber wife = memberWith(ids, "妻");
		HouseholdNumber household = current(wife).householdNumber();

		RuleViolationException all = catchThrowableOfType(RuleViolationException.class,
				() -> changes.separateHousehold(new SeparateHousehold(List.of(headId, wife), wife, Map.of(headId, "夫"),
						daysAgo(5), daysAgo(4))));
		assertThat(all.code()).isEqualTo("error.rule.separateAll");

		InvalidInputException wrongHead = catchThrowableOfType(InvalidInputException.class,
				() -> changes.separateHousehold(new SeparateHousehold(List.of(wife), headId, Map.of(), daysAgo(5),
						daysAgo(4))));
		assertThat(wrongHead.errors()).extracting(FieldError::field).contains("newHead");

		InvalidInputException secondHead = catchThrowableOfType(InvalidInputException.class,
				() -> changes.separateHousehold(new SeparateHousehold(List.of(headId, wife), wife,
						Map.of(headId, "世帯主"), daysAgo(5), daysAgo(4))));
		assertThat(secondHead.errors()).extracting(FieldError::field, FieldError::code).contains(
				org.assertj.core.groups.Tuple.tuple("relationships[" + headId.value() + "]", "error.rule.oneHead"));
		assertThat(residents(household)).hasSize(2).allMatch(r -> r.historyNumber() == 1);
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void mergeMovesAllMembersAndEndsTheOtherHousehold() {
		Address address = address();
		List<AtenaNumber> intoIds = changes.moveIn(moveIn(address, head(), person("子").born("H5.5.5").build()));
		HouseholdNumber into = current(intoIds.get(0)).householdNumber();
		List<AtenaNumber> fromIds = changes.moveIn(moveIn(address,
				person("世帯主").name("試験", "次郎").kana("シケン", "ジロウ").build(),
				person("妻").name("試験", "春子").kana("シケン", "ハルコ").female().build()));
		AtenaNumber otherHead = memberWith(fromIds, "世帯主");
		AtenaNumber otherWife = memberWith(fromIds, "妻");
		HouseholdNumber from = current(otherHead).householdNumber();

		// into already has a 世帯主: nobody may come in as 世帯主, and nothing is written
		RuleViolationException e = catchThrowableOfType(RuleViolationException.class,
				() -> changes.mergeHouseholds(new MergeHouseholds(from, into,
						Map.of(otherHead, "世帯主", otherWife, "縁故者"), daysAgo(5), daysAgo(4))));
		assertThat(e.code()).isEqualTo("error.rule.headExists");
		assertThat(current(otherHead).historyNumber()).isEqualTo(1);
		assertThat(current(otherHead).householdNumber()).isEqualTo(from);

		List<AtenaNumber> moved = changes.mergeHouseholds(new MergeHouseholds(from, into,
				Map.of(otherHead, "同居人", otherWife, "同居人"), daysAgo(5), daysAgo(4)));

		assertThat(moved).containsExactlyInAnyOrder(otherHead, otherWife);
		List<ResidentRecord> members = residents(into);
		assertThat(members).hasSize(4);
		assertThat(members).filteredOn(ResidentRecord::isHead).singleElement()
				.satisfies(r -> assertThat(intoIds).contains(r.atenaNumber()));
		assertThat(members).extracting(ResidentRecord::memberOrder).containsExactly(1, 2, 3, 4);
		for (AtenaNumber a : List.of(otherHead, otherWife)) {
			ResidentRecord r = current(a);
			assertThat(r.householdNumber()).isEqualTo(into);
			assertThat(r.relationship()).isEqualTo("同居人");
			assertThat(r.changeReason()).isEqualTo(ChangeReason.HOUSEHOLD_MERGER);
			assertThat(r.historyNumber()).isEqualTo(2);
		}
		RuleViolationException dissolved = catchThrowableOfType(RuleViolationException.class,
				() -> changes.moveIn(joining(from, person("子").build())));
		assertThat(dissolved.code()).isEqualTo("error.rule.householdDissolved");
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void mergeNeedsTheSameAddress() {
		HouseholdNumber a = current(changes.moveIn(moveIn(address(), head())).get(0)).householdNumber();
		AtenaNumber other = changes.moveIn(moveIn(address(), head())).get(0);
		HouseholdNumber b = current(other).householdNumber();
		RuleViolationException e = catchThrowableOfType(RuleViolationException.class, () -> changes
				.mergeHouseholds(new MergeHouseholds(b, a, Map.of(other, "同居人"), daysAgo(5), daysAgo(4))));
		assertThat(e.code()).isEqualTo("error.rule.mergeAddress");
		assertThat(current(other).householdNumber()).isEqualTo(b);
	}

	/**
	 * Found bug: when the target household has no 世帯主, {@code mergeHouseholds} accepts any number of
	 * incoming members with the 続柄 世帯主, leaving two heads in one household.
	 */
	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void mergeIntoAHouseholdWithoutHeadAcceptsAtMostOneHead() {
		Address address = address();
		HouseholdNumber into = current(changes.moveIn(moveIn(address, person("子").build())).get(0)).householdNumber();
		List<AtenaNumber> fromIds = changes.moveIn(moveIn(address, head(), person("妻").female().build()));
		HouseholdNumber from = current(fromIds.get(0)).householdNumber();
		Map<AtenaNumber, String> bothHeads = Map.of(fromIds.get(0), "世帯主", fromIds.get(1), "世帯主");

		assertThatThrownBy(() -> changes.mergeHouseholds(new MergeHouseholds(from, into, bothHeads, daysAgo(5),
				daysAgo(4)))).isInstanceOfAny(InvalidInputException.class, RuleViolationException.class);
		assertThat(residents(into).stream().filter(ResidentRecord::isHead).count()).isLessThanOrEqualTo(1);
	}

	// ------------------------------------------------------------------ 世帯主変更

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void changeOfHeadLeavesExactlyOneHead() {
		List<AtenaNumber> ids = changes.moveIn(moveIn(address(), head(), person("妻").female().build(),
				person("子").born("H12.12.12").build()));
		AtenaNumber husband = memberWith(ids, "世帯主");
		AtenaNumber wife = memberWith(ids, "妻");
		AtenaNumber child = memberWith(ids, "子");
		HouseholdNumber household = current(wife).householdNumber();

		InvalidInputException two = catchThrowableOfType(InvalidInputException.class,
				() -> changes.changeHead(new ChangeHead(household, wife, Map.of(husband, "世帯主", child, "子"),
						daysAgo(5), daysAgo(4))));
		assertThat(two.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
				org.assertj.core.groups.Tuple.tuple("relationships[" + husband.value() + "]", "error.rule.oneHead"));

		InvalidInputException missing = catchThrowableOfType(InvalidInputException.class,
				() -> changes.changeHead(new ChangeHead(household, wife, Map.of(child, "子"), daysAgo(5), daysAgo(4))));
		assertThat(missing.errors()).extracting(FieldError::field)
				.containsExactly("relationships[" + husband.value() + "]");

		changes.changeHead(new ChangeHead(household, wife, Map.of(husband, "夫", child, "子"), daysAgo(5), daysAgo(4)));

		List<ResidentRecord> members = residents(household);
		assertThat(members).filteredOn(ResidentRecord::isHead).extracting(ResidentRecord::atenaNumber)
				.containsExactly(wife);
		assertThat(members).extracting(ResidentRecord::atenaNumber).containsExactly(wife, husband, child);
		assertThat(current(husband).relationship()).isEqualTo("夫");
		assertThat(current(wife).changeReason()).isEqualTo(ChangeReason.HEAD_CHANGE);
		assertThat(current(child).historyNumber()).as("unchanged member gets no new snapshot").isEqualTo(1);

		InvalidInputException stranger = catchThrowableOfType(InvalidInputException.class,
				() -> changes.changeHead(new ChangeHead(household, AtenaNumber.ofSerial(999_999_998L),
						Map.of(wife, "妻"), daysAgo(3), daysAgo(3))));
		assertThat(stranger.errors()).extracting(FieldError::field).containsExactly("newHead");
	}

	// ------------------------------------------------------------------ 誤記修正

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void correctionChangesTheNameAndKeepsTheOldOneInHistory() {
		AtenaNumber a = changes.moveIn(moveIn(address(), head())).get(0);
		PersonEntry corrected = person("世帯主").name("窓口", "太朗").kana("マドグチ", "タロウ").build();

		changes.correct(new Correct(a, corrected, "名の誤記（太郎→太朗）", daysAgo(1)));

		ResidentRecord now = current(a);
		assertThat(now.name().given()).isEqualTo("太朗");
		assertThat(now.historyNumber()).isEqualTo(2);
		assertThat(now.changeReason()).isEqualTo(ChangeReason.CORRECTION);
		assertThat(now.changeNote()).isEqualTo("名の誤記（太郎→太朗）");
		assertThat(now.relationship()).isEqualTo("世帯主");
		List<ResidentRecord> history = register.history(a);
		assertThat(history).extracting(r -> r.name().full()).containsExactly("窓口　太朗", "窓口　太郎");

		InvalidInputException noNote = catchThrowableOfType(InvalidInputException.class,
				() -> changes.correct(new Correct(a, corrected, " ", daysAgo(1))));
		assertThat(noNote.errors()).extracting(FieldError::field).containsExactly("note");
		assertThat(register.history(a)).hasSize(2);
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void correctionCannotTakeAnotherPersonsResidentCode() {
		String taken = newResidentCode();
		changes.moveIn(moveIn(address(), person("世帯主").residentCode(taken).build()));
		AtenaNumber a = changes.moveIn(moveIn(address(), head())).get(0);

		InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> changes
				.correct(new Correct(a, person("世帯主").residentCode(taken).build(), "住民票コードの誤記", daysAgo(1))));
		assertThat(e.errors()).extracting(FieldError::code).containsExactly("error.residentCode.taken");
		assertThat(current(a).residentCode()).isNull();

		String fresh = newResidentCode();
		changes.correct(new Correct(a, person("世帯主").residentCode(fresh).build(), "住民票コードの誤記", daysAgo(1)));
		assertThat(current(a).residentCode()).isEqualTo(fresh);
	}

	// ------------------------------------------------------------------ 抑止

	@Test
	@WithMockUser(username = "tester", roles = "EXAMINER")
	void changeSuppressionBlocksMoveWithinCityUntilLifted() {
		AtenaNumber a = changes.moveIn(moveIn(address(), head())).get(0);
		HouseholdNumber household = current(a).householdNumber();
		changes.addSuppression("PERSON", a.value(), true, false, false, daysAgo(1), null, "調査中");

		RuleViolationException e = catchThrowableOfType(RuleViolationException.class, () -> changes.moveWithinCity(
				new MoveWithinCity(household, List.of(), address(), null, daysAgo(0), daysAgo(0))));
		assertThat(e.code()).isEqualTo("error.rule.changeSuppressed");
		assertThat(register.history(a)).hasSize(1);

		PersonView view = register.person(a);
		assertThat(view.changesSuppressed()).isTrue();
		assertThat(view.issuanceSuppressed()).isFalse();
		long id = view.suppressions().get(0).id();
		changes.liftSuppression(a.value(), id);
		assertThat(register.person(a).changesSuppressed()).isFalse();

		changes.moveWithinCity(new MoveWithinCity(household, List.of(), address(), null, daysAgo(0), daysAgo(0)));
		assertThat(current(a).historyNumber()).isEqualTo(2);
	}

	@Test
	@WithMockUser(username = "tester", roles = "EXAMINER")
	void householdSuppressionBlocksMembersAndOnlyWhileActive() {
		List<AtenaNumber> ids = changes.moveIn(moveIn(address(), head(), person("妻").female().build()));
		AtenaNumber wife = memberWith(ids, "妻");
		HouseholdNumber household = current(wife).householdNumber();
		changes.addSuppression("HOUSEHOLD", household.value(), true, false, false, daysAgo(-5), null, "来週から調査");

		// not yet in force
		changes.death(new Death(memberWith(ids, "世帯主"), daysAgo(2), daysAgo(1)));

		changes.addSuppression("HOUSEHOLD", household.value(), true, true, false, daysAgo(3), daysAgo(0), "調査中");
		RuleViolationException e = catchThrowableOfType(RuleViolationException.class, () -> changes.moveOut(
				new MoveOut(ChangeReason.DOMESTIC_MOVE_OUT, List.of(wife), "大阪府", daysAgo(0), daysAgo(0))));
		assertThat(e.code()).isEqualTo("error.rule.changeSuppressed");
		assertThat(e.args()).containsExactly(household.value());
		assertThat(current(wife).isResident()).isTrue();
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void counterStaffCannotSetASuppression() {
		AtenaNumber a = changes.moveIn(moveIn(address(), head())).get(0);
		assertThatThrownBy(() -> changes.addSuppression("PERSON", a.value(), true, false, false, daysAgo(1), null, "x"))
				.isInstanceOf(AccessDeniedException.class);
		assertThat(register.person(a).suppressions()).isEmpty();
	}

	@Test
	@WithMockUser(username = "tester", roles = "ADMIN")
	void suppressionInputIsValidated() {
		InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> changes.addSuppression("PERSON",
				"1234567890", false, false, false, daysAgo(1), daysAgo(2), ""));
		assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("scope", "end", "reason", "target");
	}

	// ------------------------------------------------------------------ helpers

	private ResidentRecord current(AtenaNumber a) {
		return register.person(a).record();
	}

	private List<ResidentRecord> residents(HouseholdNumber household) {
		return register.household(household).stream().filter(ResidentRecord::isResident).toList();
	}

	private AtenaNumber memberWith(List<AtenaNumber> ids, String relationship) {
		return ids.stream().filter(a -> relationship.equals(current(a).relationship())).findFirst().orElseThrow();
	}

	private int countAt(Address address) {
		return register.search(new ResidentSearch(null, null, null, address.text(), null, true, 100, 0)).size();
	}

	private long logCount(AccessAction action, AtenaNumber subject) {
		return accessLog.count(new AccessLog.Query(null, action, subject.value(), null, null, 500, 0));
	}
}
