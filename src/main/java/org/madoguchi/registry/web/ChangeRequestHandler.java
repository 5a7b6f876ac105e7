package org.madoguchi.registry.web;

import static org.madoguchi.registry.web.ChangeRequests.*;

import java.util.List;

import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.HouseholdNumber;
import org.madoguchi.registry.PersonEntry;
import org.madoguchi.registry.PersonForm;
import org.madoguchi.registry.RegisterChanges;
import org.madoguchi.registry.RegisterCommands;
import org.springframework.stereotype.Component;

/**
 * Turns change requests (from JSON or from staff forms) into register commands: reads every
 * field, reports all unreadable ones together, then lets {@link RegisterChanges} apply the rules.
 */
@Component
class ChangeRequestHandler {

	private final RegisterChanges changes;

	ChangeRequestHandler(RegisterChanges changes) {
		this.changes = changes;
	}

	List<AtenaNumber> moveIn(MoveInRequest r) {
		List<FieldError> errors = PersonForm.newErrors();
		var reason = reason(r.reason(), "reason", errors);
		HouseholdNumber join = household(r.joinHousehold(), "joinHousehold", errors, false);
		List<PersonEntry> persons = persons(r.persons(), errors);
		java.util.Map<String, PersonEntry> byPrefix = new java.util.LinkedHashMap<>();
		for (int i = 0; i < persons.size(); i++) {
			byPrefix.put("persons[" + i + "].", persons.get(i));
		}
		throwIfUnreadable(errors, byPrefix, true);
		return changes.moveIn(new RegisterCommands.MoveIn(reason, join,
				r.address() == null ? null : r.address().toAddress(), r.previousAddress(), r.changeDate(),
				r.notifiedDate(), persons));
	}

	List<AtenaNumber> moveWithinCity(MoveWithinCityRequest r) {
		List<FieldError> errors = PersonForm.newErrors();
		HouseholdNumber h = household(r.household(), "household", errors, true);
		List<AtenaNumber> members = atenas(r.members(), "members", errors);
		AtenaNumber head = r.newHead() == null || r.newHead().isBlank() ? null : atena(r.newHead(), "newHead", errors);
		if (r.newAddress() == null) {
			errors.add(FieldError.of("newAddress", "error.required"));
		}
		throwIf(errors);
		var rel = relationships(r.relationships(), errors);
		throwIf(errors);
		return changes.moveWithinCity(new RegisterCommands.MoveWithinCity(h, members, r.newAddress().toAddress(), head,
				rel, r.changeDate(), r.notifiedDate()));
	}

	List<AtenaNumber> moveOut(MoveOutRequest r) {
		List<FieldError> errors = PersonForm.newErrors();
		var reason = reason(r.reason(), "reason", errors);
		List<AtenaNumber> members = atenas(r.members(), "members", errors);
		throwIf(errors);
		return changes.moveOut(
				new RegisterCommands.MoveOut(reason, members, r.destination(), r.changeDate(), r.notifiedDate()));
	}

	AtenaNumber birth(BirthRequest r) {
		List<FieldError> errors = PersonForm.newErrors();
		HouseholdNumber h = household(r.household(), "household", errors, true);
		if (r.child() == null) {
			throw new InvalidInputException(FieldError.of("child", "error.required"));
		}
		PersonEntry child = r.child().toEntry("child.", errors);
		throwIfUnreadable(errors, java.util.Map.of("child.", child), true);
		return changes.birth(new RegisterCommands.Birth(h, child, r.notifiedDate()));
	}

	AtenaNumber death(DeathRequest r) {
		List<FieldError> errors = PersonForm.newErrors();
		AtenaNumber a = atena(r.person(), "person", errors);
		throwIf(errors);
		return changes.death(new RegisterCommands.Death(a, r.dateOfDeath(), r.notifiedDate()));
	}

	HouseholdNumber separate(SeparateRequest r) {
		List<FieldError> errors = PersonForm.newErrors();
		List<AtenaNumber> members = atenas(r.members(), "members", errors);
		AtenaNumber head = atena(r.newHead(), "newHead", errors);
		var rel = relationships(r.relationships(), errors);
		throwIf(errors);
		return changes.separateHousehold(
				new RegisterCommands.SeparateHousehold(members, head, rel, r.changeDate(), r.notifiedDate()));
	}

	List<AtenaNumber> merge(MergeRequest r) {
		List<FieldError> errors = PersonForm.newErrors();
		HouseholdNumber from = household(r.from(), "from", errors, true);
		HouseholdNumber into = household(r.into(), "into", errors, true);
		var rel = relationships(r.relationships(), errors);
		throwIf(errors);
		return changes.mergeHouseholds(new RegisterCommands.MergeHouseholds(from, into, rel, r.changeDate(),
				r.notifiedDate()));
	}

	List<AtenaNumber> changeHead(HeadChangeRequest r) {
		List<FieldError> errors = PersonForm.newErrors();
		HouseholdNumber h = household(r.household(), "household", errors, true);
		AtenaNumber head = atena(r.newHead(), "newHead", errors);
		var rel = relationships(r.relationships(), errors);
		throwIf(errors);
		return changes.changeHead(new RegisterCommands.ChangeHead(h, head, rel, r.changeDate(), r.notifiedDate()));
	}

	AtenaNumber correct(AtenaNumber person, CorrectionRequest r) {
		List<FieldError> errors = PersonForm.newErrors();
		if (r.corrected() == null) {
			throw new InvalidInputException(FieldError.of("corrected", "error.required"));
		}
		PersonEntry entry = r.corrected().toEntry("", errors);
		throwIfUnreadable(errors, java.util.Map.of("", entry), false);
		return changes.correct(new RegisterCommands.Correct(person, entry, r.note(), r.changeDate()));
	}

	/**
	 * When some values could not be read, reports them together with every rule the readable values break,
	 * so that the form shows all problems at once rather than in rounds.
	 */
	private void throwIfUnreadable(List<FieldError> unreadable, java.util.Map<String, PersonEntry> persons,
			boolean withRelationship) {
		if (unreadable.isEmpty()) {
			return;
		}
		List<FieldError> all = new java.util.ArrayList<>(unreadable);
		persons.forEach((prefix, person) -> all.addAll(changes.check(prefix, person, withRelationship, unreadable)));
		throwIf(all);
	}
}
