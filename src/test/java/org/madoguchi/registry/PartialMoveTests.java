package org.madoguchi.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.madoguchi.registry.RegisterFixtures.address;
import static org.madoguchi.registry.RegisterFixtures.daysAgo;
import static org.madoguchi.registry.RegisterFixtures.head;
import static org.madoguchi.registry.RegisterFixtures.moveIn;
import static org.madoguchi.registry.RegisterFixtures.person;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.registry.RegisterCommands.MoveWithinCity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** When part of a household moves, the movers form a new household with 続柄 to its new head. */
@SpringBootTest
class PartialMoveTests {

	@Autowired
	RegisterChanges changes;

	@Autowired
	ResidentRegister register;

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void moversGetTheirRelationshipToTheNewHead() {
		List<AtenaNumber> ids = changes.moveIn(moveIn(address(), head(), person("妻").female().born("S40.1.1").build(),
				person("子").born("S63.5.5").build()));
		AtenaNumber father = ids.get(0);
		AtenaNumber mother = ids.get(1);
		AtenaNumber son = ids.get(2);
		HouseholdNumber old = register.person(father).record().householdNumber();

		changes.moveWithinCity(new MoveWithinCity(old, List.of(mother, son), address(), son, Map.of(mother, "母"),
				daysAgo(1), daysAgo(1)));

		ResidentRecord s = register.person(son).record();
		ResidentRecord m = register.person(mother).record();
		assertThat(s.householdNumber()).isNotEqualTo(old).isEqualTo(m.householdNumber());
		assertThat(s.relationship()).isEqualTo(Relationship.HEAD);
		assertThat(m.relationship()).isEqualTo("母");
		assertThat(m.changeReason()).isEqualTo(ChangeReason.MOVE_WITHIN_CITY);
		ResidentRecord f = register.person(father).record();
		assertThat(f.householdNumber()).isEqualTo(old);
		assertThat(f.relationship()).isEqualTo(Relationship.HEAD);
	}

	@Test
	@WithMockUser(username = "tester", roles = "COUNTER")
	void anInvalidRelationshipIsRefusedAndNothingMoves() {
		List<AtenaNumber> ids = changes.moveIn(moveIn(address(), head(), person("妻").female().build(),
				person("子").born("H1.5.5").build()));
		HouseholdNumber old = register.person(ids.get(0)).record().householdNumber();
		assertThatThrownBy(() -> changes.moveWithinCity(new MoveWithinCity(old, List.of(ids.get(1), ids.get(2)), address(),
				ids.get(2), Map.of(ids.get(1), "友人"), daysAgo(1), daysAgo(1))))
			.isInstanceOf(InvalidInputException.class);
		assertThat(register.person(ids.get(1)).record().householdNumber()).isEqualTo(old);
		assertThat(register.person(ids.get(1)).record().historyNumber()).isEqualTo(1);
	}
}
