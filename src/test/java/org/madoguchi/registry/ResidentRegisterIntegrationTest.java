package org.madoguchi.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.madoguchi.registry.RegisterFixtures.address;
import static org.madoguchi.registry.RegisterFixtures.daysAgo;
import static org.madoguchi.registry.RegisterFixtures.head;
import static org.madoguchi.registry.RegisterFixtures.moveIn;
import static org.madoguchi.registry.RegisterFixtures.person;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.madoguchi.audit.AccessAction;
import org.madoguchi.audit.AccessLog;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.platform.RuleViolationException;
import org.madoguchi.registry.RegisterCommands.MoveWithinCity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Reading the register: the delta feed, 個人番号 reveal, 抑止 of inquiries and the access log. The database
 * is shared with other test classes, so results are filtered to the persons each test created.
 */
@SpringBootTest
class ResidentRegisterIntegrationTest {

	@Autowired
	RegisterChanges changes;

	@Autowired
	ResidentRegister register;

	@Autowired
	AccessLog accessLog;

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void deltaFeedReturnsTheNewSnapshotsAfterACursorInOrder() {
		long cursor = register.feedHead();
		List<AtenaNumber> ids = changes.moveIn(moveIn(address(), head(), person("妻").female().build()));
		HouseholdNumber household = register.person(ids.get(0)).record().householdNumber();
		Address newAddress = address();
		changes.moveWithinCity(new MoveWithinCity(household, List.of(), newAddress, null, daysAgo(5), daysAgo(4)));

		List<RegisterChangeEntry> page = register.changesSince(cursor, 100);
		assertThat(page).allSatisfy(e -> assertThat(e.seq()).isGreaterThan(cursor));
		assertThat(page).extracting(RegisterChangeEntry::seq).isSorted().doesNotHaveDuplicates();
		List<RegisterChangeEntry> mine = page.stream().filter(e -> ids.contains(e.snapshot().atenaNumber())).toList();
		assertThat(mine).hasSize(4);
		assertThat(mine.subList(0, 2)).allSatisfy(e -> {
			assertThat(e.snapshot().historyNumber()).isEqualTo(1);
			assertThat(e.snapshot().changeReason()).isEqualTo(ChangeReason.DOMESTIC_MOVE_IN);
		});
		assertThat(mine.subList(2, 4)).allSatisfy(e -> {
			assertThat(e.snapshot().historyNumber()).isEqualTo(2);
			assertThat(e.snapshot().changeReason()).isEqualTo(ChangeReason.MOVE_WITHIN_CITY);
			assertThat(e.snapshot().address()).isEqualTo(newAddress);
		});
		assertThat(mine.subList(0, 2)).extracting(e -> e.snapshot().atenaNumber()).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(mine.subList(2, 4)).extracting(e -> e.snapshot().atenaNumber()).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(register.feedHead()).isEqualTo(page.get(page.size() - 1).seq());

		// paging: the last seq of one page is the cursor of the next
		List<RegisterChangeEntry> first = register.changesSince(cursor, 1);
		assertThat(first).singleElement().extracting(RegisterChangeEntry::seq).isEqualTo(page.get(0).seq());
		List<RegisterChangeEntry> rest = register.changesSince(first.get(0).seq(), 100);
		assertThat(rest).extracting(RegisterChangeEntry::seq)
				.containsExactlyElementsOf(page.subList(1, page.size()).stream().map(RegisterChangeEntry::seq).toList());
		assertThat(register.changesSince(register.feedHead(), 100)).isEmpty();
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void aRejectedChangeLeavesNoFeedEntry() {
		long head = register.feedHead();
		assertThatThrownBy(() -> changes.moveIn(moveIn(address(), head(), head())))
				.isInstanceOf(org.madoguchi.platform.InvalidInputException.class);
		assertThat(register.feedHead()).isEqualTo(head);
	}

	@Test
	@WithMockUser(username = "tester", roles = "EXAMINER")
	void examinerCanRevealTheMyNumber() {
		String myNumber = RegisterFixtures.newMyNumber();
		AtenaNumber a = changes.moveIn(moveIn(address(), person("世帯主").myNumber(myNumber).build())).get(0);

		assertThat(register.revealMyNumber(a, "審査のため")).isEqualTo(myNumber);
		ResidentRecord r = register.person(a).record();
		assertThat(r.hasMyNumber()).isTrue();
		assertThat(r.myNumber().ciphertext()).doesNotContain(myNumber);

		AtenaNumber without = changes.moveIn(moveIn(address(), head())).get(0);
		assertThatThrownBy(() -> register.revealMyNumber(without, "審査のため")).isInstanceOf(NotFoundException.class);
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void counterStaffCannotRevealTheMyNumberAndTheRefusalIsLogged() {
		AtenaNumber a = changes
				.moveIn(moveIn(address(), person("世帯主").myNumber(RegisterFixtures.newMyNumber()).build())).get(0);

		assertThatThrownBy(() -> register.revealMyNumber(a, "見たい")).isInstanceOf(AccessDeniedException.class);

		List<AccessLog.Entry> reveals = log(a).stream().filter(e -> e.action() == AccessAction.REVEAL_MY_NUMBER).toList();
		assertThat(reveals).singleElement().satisfies(e -> {
			assertThat(e.outcome()).isEqualTo("DENIED");
			assertThat(e.actor()).isEqualTo("tester");
		});
	}

	@Test
	@WithMockUser(username = "tester", roles = "EXAMINER")
	void everyReadAndChangeIsWrittenToTheAccessLog() {
		String myNumber = RegisterFixtures.newMyNumber();
		List<AtenaNumber> ids = changes.moveIn(moveIn(address(), person("世帯主").myNumber(myNumber).build(),
				person("妻").female().build()));
		AtenaNumber a = ids.stream().filter(x -> register.person(x).record().isHead()).findFirst().orElseThrow();
		register.history(a);
		register.revealMyNumber(a, "審査のため");

		List<AccessLog.Entry> entries = log(a);
		Set<AccessAction> actions = entries.stream().map(AccessLog.Entry::action).collect(Collectors.toSet());
		assertThat(actions).contains(AccessAction.CHANGE, AccessAction.READ_PERSON, AccessAction.READ_HISTORY,
				AccessAction.REVEAL_MY_NUMBER);
		assertThat(entries).allSatisfy(e -> {
			assertThat(e.actor()).isEqualTo("tester");
			assertThat(e.actorRoles()).contains("ROLE_EXAMINER");
			assertThat(e.subject()).contains(a.value());
		});
		AccessLog.Entry change = entries.stream().filter(e -> e.action() == AccessAction.CHANGE).findFirst().orElseThrow();
		assertThat(change.subject().split(" ")).containsExactlyInAnyOrderElementsOf(
				ids.stream().map(AtenaNumber::value).toList());
		assertThat(change.detail()).startsWith("国内転入");
		assertThat(entries).filteredOn(e -> e.action() == AccessAction.REVEAL_MY_NUMBER).singleElement()
				.satisfies(e -> assertThat(e.detail()).isEqualTo("審査のため"));
		// the 個人番号 itself never reaches the log
		assertThat(entries).allSatisfy(e -> {
			assertThat(String.valueOf(e.detail())).doesNotContain(myNumber);
			assertThat(e.subject()).doesNotContain(myNumber);
		});

		// a search is logged with the persons found
		register.search(new ResidentSearch(a.value(), null, null, null, null, false, 10, 0));
		assertThat(log(a)).filteredOn(e -> e.action() == AccessAction.SEARCH).isNotEmpty();
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void aRejectedChangeIsNotLoggedAsAChange() {
		AtenaNumber a = changes.moveIn(moveIn(address(), head())).get(0);
		HouseholdNumber household = register.person(a).record().householdNumber();
		Address same = register.person(a).record().address();
		long before = accessLog.count(new AccessLog.Query(null, AccessAction.CHANGE, a.value(), null, null, 500, 0));

		assertThatThrownBy(() -> changes.moveWithinCity(new MoveWithinCity(household, List.of(), same, null, daysAgo(1),
				daysAgo(1)))).isInstanceOf(RuleViolationException.class);

		assertThat(accessLog.count(new AccessLog.Query(null, AccessAction.CHANGE, a.value(), null, null, 500, 0)))
				.isEqualTo(before).isEqualTo(1);
	}

	@Test
	@WithMockUser(username = "tester", roles = "EXAMINER")
	void inquirySuppressionRefusesReadsToNonAdministrators() {
		AtenaNumber a = changes.moveIn(moveIn(address(), head())).get(0);
		changes.addSuppression("PERSON", a.value(), false, false, true, daysAgo(1), null, "照会抑止");

		assertThatThrownBy(() -> register.person(a)).isInstanceOf(RuleViolationException.class)
				.extracting(e -> ((RuleViolationException) e).code()).isEqualTo("error.rule.inquirySuppressed");
		assertThatThrownBy(() -> register.history(a)).isInstanceOf(RuleViolationException.class);
		// both refusals are on record, each under what was attempted
		assertThat(log(a)).filteredOn(e -> e.action() == AccessAction.READ_PERSON || e.action() == AccessAction.READ_HISTORY)
				.allSatisfy(e -> assertThat(e.outcome()).isEqualTo("DENIED"))
				.extracting(AccessLog.Entry::action)
				.containsExactlyInAnyOrder(AccessAction.READ_PERSON, AccessAction.READ_HISTORY);
	}

	@Test
	@WithMockUser(username = "chief", roles = "ADMIN")
	void administratorsMayStillReadUnderAnInquirySuppression() {
		AtenaNumber a = changes.moveIn(moveIn(address(), head())).get(0);
		changes.addSuppression("PERSON", a.value(), false, false, true, daysAgo(1), null, "照会抑止");

		assertThat(register.person(a).record().atenaNumber()).isEqualTo(a);
		assertThat(log(a)).filteredOn(e -> e.action() == AccessAction.READ_PERSON).singleElement()
				.satisfies(e -> assertThat(e.outcome()).isEqualTo("OK"));
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void searchFindsByKanaInAnyScriptAndHidesRemovedByDefault() {
		Address address = address();
		String kana = "テスト" + RegisterFixtures.digits(6).chars().mapToObj(c -> String.valueOf((char) ('ア' + 2 * (c - '0'))))
				.collect(Collectors.joining());
		AtenaNumber a = changes.moveIn(moveIn(address, person("世帯主").kana(kana, "タロウ").build())).get(0);

		String hiragana = kana.chars().mapToObj(c -> String.valueOf((char) (c - 0x60))).collect(Collectors.joining());
		assertThat(register.search(new ResidentSearch(null, hiragana + " た", null, null, null, false, 10, 0)))
				.extracting(ResidentRecord::atenaNumber).containsExactly(a);

		changes.moveOut(new RegisterCommands.MoveOut(ChangeReason.DOMESTIC_MOVE_OUT, List.of(a), "大阪府", daysAgo(1),
				daysAgo(1)));
		assertThat(register.search(new ResidentSearch(null, kana, null, null, null, false, 10, 0))).isEmpty();
		assertThat(register.search(new ResidentSearch(null, kana, null, null, null, true, 10, 0)))
				.extracting(ResidentRecord::status).containsExactly(ResidentStatus.REMOVED);
	}

	private List<AccessLog.Entry> log(AtenaNumber subject) {
		return accessLog.find(new AccessLog.Query(null, null, subject.value(), null, null, 500, 0));
	}
}
