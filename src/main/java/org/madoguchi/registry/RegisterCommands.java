package org.madoguchi.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The changes (異動) the register accepts. Each is validated as a whole and applied in one transaction. */
public final class RegisterCommands {

	private RegisterCommands() {
	}

	/** 転入 (国内 or 国外): new persons, into a new household at {@code address} or into an existing household. */
	public record MoveIn(ChangeReason reason, HouseholdNumber joinHousehold, Address address, String previousAddress,
			LocalDate changeDate, LocalDate notifiedDate, List<PersonEntry> persons) {
	}

	/**
	 * 転居: a move within the city. All members when {@code members} is empty; a part of the household
	 * moving forms a new household headed by {@code newHead}, and {@code relationships} then gives every
	 * other mover's 続柄 to the new head.
	 */
	public record MoveWithinCity(HouseholdNumber household, List<AtenaNumber> members, Address newAddress,
			AtenaNumber newHead, Map<AtenaNumber, String> relationships, LocalDate changeDate, LocalDate notifiedDate) {

		/** The whole household moves, or a part whose 続柄 stay as they are. */
		public MoveWithinCity(HouseholdNumber household, List<AtenaNumber> members, Address newAddress,
				AtenaNumber newHead, LocalDate changeDate, LocalDate notifiedDate) {
			this(household, members, newAddress, newHead, Map.of(), changeDate, notifiedDate);
		}
	}

	/** 転出 (国内 or 国外). {@code changeDate} may be a planned date up to 30 days after the notification. */
	public record MoveOut(ChangeReason reason, List<AtenaNumber> members, String destination, LocalDate changeDate,
			LocalDate notifiedDate) {
	}

	/** 出生 into an existing household; the 異動日 is the birth date. */
	public record Birth(HouseholdNumber household, PersonEntry child, LocalDate notifiedDate) {
	}

	/** 死亡. */
	public record Death(AtenaNumber person, LocalDate dateOfDeath, LocalDate notifiedDate) {
	}

	/**
	 * 世帯分離: members leave their household and form a new one at the same address, headed by
	 * {@code newHead}; {@code relationships} gives every other member's 続柄 to the new head.
	 */
	public record SeparateHousehold(List<AtenaNumber> members, AtenaNumber newHead, Map<AtenaNumber, String> relationships,
			LocalDate changeDate, LocalDate notifiedDate) {
	}

	/**
	 * 世帯合併: every member of {@code from} joins {@code into} (same address) with the given 続柄; the
	 * household {@code from} ends.
	 */
	public record MergeHouseholds(HouseholdNumber from, HouseholdNumber into, Map<AtenaNumber, String> relationships,
			LocalDate changeDate, LocalDate notifiedDate) {
	}

	/**
	 * 世帯主変更: {@code newHead} becomes 世帯主; {@code relationships} gives every other member's new 続柄
	 * (including the former head's).
	 */
	public record ChangeHead(HouseholdNumber household, AtenaNumber newHead, Map<AtenaNumber, String> relationships,
			LocalDate changeDate, LocalDate notifiedDate) {
	}

	/** 誤記修正: replaces the personal items with {@code corrected}; {@code note} says what was wrong. */
	public record Correct(AtenaNumber person, PersonEntry corrected, String note, LocalDate changeDate) {
	}
}
