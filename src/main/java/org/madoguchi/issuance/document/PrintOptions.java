package org.madoguchi.issuance.document;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which optional items a certificate shows. By the standard's omission rule (住基法 第12条第5項, 標準仕様書) every
 * switch is off unless the applicant asked for the item and gave the reason; {@link #standard()} is that default.
 * An omitted item is not printed at all: neither its value nor its label, nor 「省略」 — the form simply has no
 * such row, as on the standard form.
 *
 * <p>{@code residence} (国籍・地域, 第30条の45区分, 在留資格, 在留期間, 満了日 of foreign residents) is a fifth switch
 * beside the four of the brief: the law lets these be omitted in the same way.
 *
 * @param relationship 世帯主の氏名 and 世帯主との続柄
 * @param honseki 本籍 and 筆頭者
 * @param residentCode 住民票コード
 * @param myNumber 個人番号
 * @param residence 国籍・地域 and the residence items of foreign residents
 * @param certified for 住民票記載事項証明書 only: the items certified (氏名 and 住所 are always shown); must be empty for
 *        the other kinds. Must agree with the switches: certifying 個人番号 needs {@code myNumber} too, so that a
 *        個人番号 is never printed without the switch that the issuance history records.
 */
public record PrintOptions(boolean relationship, boolean honseki, boolean residentCode, boolean myNumber,
		boolean residence, Set<Item> certified) {

	public PrintOptions {
		certified = certified == null || certified.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Item.class))
				: Collections.unmodifiableSet(EnumSet.copyOf(certified));
		check(certified, Item.RELATIONSHIP, relationship);
		check(certified, Item.HONSEKI, honseki);
		check(certified, Item.RESIDENT_CODE, residentCode);
		check(certified, Item.MY_NUMBER, myNumber);
		check(certified, Item.RESIDENCE, residence);
		if (certified.contains(Item.REMOVAL)) {
			throw new IllegalArgumentException("消除事由等 cannot be certified on a 住民票記載事項証明書 (issue a 除票の写し)");
		}
	}

	private static void check(Set<Item> certified, Item item, boolean switched) {
		if (!certified.isEmpty() && certified.contains(item) != switched) {
			throw new IllegalArgumentException(item.label() + (switched ? " is switched on but not certified"
					: " is certified but its switch is off"));
		}
	}

	/** Everything optional omitted (the default of the standard). */
	public static PrintOptions standard() {
		return new PrintOptions(false, false, false, false, false, Set.of());
	}

	/** A 住民票記載事項証明書 of these items (the switches follow from them). */
	public static PrintOptions certifying(Set<Item> items) {
		if (items == null || items.isEmpty()) {
			throw new IllegalArgumentException("a 住民票記載事項証明書 needs at least one certified item");
		}
		return new PrintOptions(items.contains(Item.RELATIONSHIP), items.contains(Item.HONSEKI),
				items.contains(Item.RESIDENT_CODE), items.contains(Item.MY_NUMBER), items.contains(Item.RESIDENCE),
				items);
	}

	public PrintOptions withRelationship() {
		return new PrintOptions(true, honseki, residentCode, myNumber, residence, with(Item.RELATIONSHIP));
	}

	public PrintOptions withHonseki() {
		return new PrintOptions(relationship, true, residentCode, myNumber, residence, with(Item.HONSEKI));
	}

	public PrintOptions withResidentCode() {
		return new PrintOptions(relationship, honseki, true, myNumber, residence, with(Item.RESIDENT_CODE));
	}

	public PrintOptions withMyNumber() {
		return new PrintOptions(relationship, honseki, residentCode, true, residence, with(Item.MY_NUMBER));
	}

	public PrintOptions withResidence() {
		return new PrintOptions(relationship, honseki, residentCode, myNumber, true, with(Item.RESIDENCE));
	}

	private Set<Item> with(Item item) {
		if (certified.isEmpty()) {
			return certified;
		}
		EnumSet<Item> set = EnumSet.copyOf(certified);
		set.add(item);
		return set;
	}

	/** The items a certificate of this kind shows with these options. */
	public Set<Item> items(DocumentKind kind) {
		EnumSet<Item> items;
		if (kind == DocumentKind.KISAI_JIKO_SHOMEI) {
			if (certified.isEmpty()) {
				throw new IllegalArgumentException("a 住民票記載事項証明書 needs at least one certified item");
			}
			items = EnumSet.copyOf(certified);
			items.add(Item.NAME);
			items.add(Item.ADDRESS);
			return Collections.unmodifiableSet(items);
		}
		if (!certified.isEmpty()) {
			throw new IllegalArgumentException("certified items are only for a 住民票記載事項証明書, not a " + kind.title());
		}
		items = EnumSet.copyOf(Item.BASE);
		if (relationship) {
			items.add(Item.RELATIONSHIP);
		}
		if (honseki) {
			items.add(Item.HONSEKI);
		}
		if (residentCode) {
			items.add(Item.RESIDENT_CODE);
		}
		if (myNumber) {
			items.add(Item.MY_NUMBER);
		}
		if (residence) {
			items.add(Item.RESIDENCE);
		}
		if (kind == DocumentKind.JOHYO_COPY) {
			items.add(Item.REMOVAL);
		}
		return Collections.unmodifiableSet(items);
	}
}
