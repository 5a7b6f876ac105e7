package org.madoguchi.issuance.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rows of the form: which items appear and how wide their cells are. An item the options leave out produces
 * no cell at all (no label, no 「省略」), as on the standard form.
 */
final class Rows {

	/** Height of an ordinary row and of the name row (振り仮名 above the 氏名). */
	static final float ROW = 22f;
	static final float NAME_ROW = 34f;

	/**
	 * One cell: a shaded label and a value.
	 *
	 * @param label the label
	 * @param value the value (null prints an empty cell)
	 * @param kana 振り仮名 above the value (name cells only)
	 * @param weight share of the row's value width
	 * @param name whether this is a name cell (larger type, 振り仮名 line)
	 */
	record Cell(String label, String value, String kana, float weight, boolean name) {

		static Cell of(String label, String value, float weight) {
			return new Cell(label, value, null, weight, false);
		}

		static Cell name(String label, String value, String kana, float weight) {
			return new Cell(label, value, kana, weight, true);
		}
	}

	record Row(float height, List<Cell> cells) {
	}

	private Rows() {
	}

	static List<Row> household(Household household, Set<Item> items) {
		List<Row> rows = new ArrayList<>(2);
		String address = household.katagaki() == null ? household.address()
				: household.address() + "\n" + household.katagaki();
		rows.add(new Row(household.katagaki() == null ? ROW + 4 : 32f, List.of(Cell.of("住所", address, 1))));
		if (items.contains(Item.RELATIONSHIP)) {
			rows.add(new Row(ROW, List.of(Cell.of("世帯主", household.headName(), 1))));
		}
		return rows;
	}

	static List<Row> person(PrintedPerson p, Set<Item> items) {
		List<Row> rows = new ArrayList<>(8);
		List<Cell> first = new ArrayList<>(4);
		first.add(Cell.name("氏名", p.name(), p.kana(), 5f));
		if (items.contains(Item.BIRTH_DATE)) {
			first.add(Cell.of("生年月日", p.birthDate(), 3f));
		}
		if (items.contains(Item.GENDER)) {
			first.add(Cell.of("性別", p.gender(), 1.2f));
		}
		if (items.contains(Item.RELATIONSHIP)) {
			first.add(Cell.of("続柄", p.relationship(), 1.8f));
		}
		rows.add(new Row(NAME_ROW, first));

		List<Cell> names = new ArrayList<>(2);
		if (items.contains(Item.FORMER_NAME) && p.formerName() != null) {
			names.add(Cell.name("旧氏", p.formerName(), p.formerNameKana(), 1f));
		}
		if (items.contains(Item.ALIAS) && p.alias() != null) {
			names.add(Cell.name("通称", p.alias(), p.aliasKana(), 1f));
		}
		add(rows, NAME_ROW, names);

		List<Cell> dates = new ArrayList<>(3);
		if (items.contains(Item.BECAME_RESIDENT)) {
			dates.add(Cell.of("住民となった\n年月日", p.becameResident(), 1f));
		}
		if (items.contains(Item.ADDRESS_FIXED)) {
			dates.add(Cell.of("住所を定めた\n年月日", p.addressFixed(), 1f));
			dates.add(Cell.of("届出日", p.notified(), 1f));
		}
		add(rows, ROW, dates);

		if (items.contains(Item.PREVIOUS_ADDRESS)) {
			add(rows, ROW, List.of(Cell.of("前住所", p.previousAddress(), 1f)));
		}
		if (items.contains(Item.HONSEKI) && p.foreign() == null) {
			add(rows, ROW, List.of(Cell.of("本籍", p.honseki(), 3f), Cell.of("筆頭者", p.hittousha(), 1.3f)));
		}
		List<Cell> codes = new ArrayList<>(2);
		if (items.contains(Item.RESIDENT_CODE)) {
			codes.add(Cell.of("住民票コード", p.residentCode(), 1f));
		}
		if (items.contains(Item.MY_NUMBER)) {
			codes.add(Cell.of("個人番号", p.myNumber(), 1f));
		}
		add(rows, ROW, codes);

		if (items.contains(Item.RESIDENCE) && p.foreign() != null) {
			PrintedPerson.Foreign f = p.foreign();
			add(rows, ROW, List.of(Cell.of("国籍・地域", f.nationality(), 1f), Cell.of("第30条の45に\n規定する区分", f.category(), 1.2f)));
			add(rows, ROW, List.of(Cell.of("在留資格", f.status(), 1.6f), Cell.of("在留期間", f.period(), 0.8f),
					Cell.of("在留期間の\n満了の日", f.expiry(), 1.2f)));
		}
		if (items.contains(Item.REMOVAL) && p.removal() != null) {
			PrintedPerson.Removal r = p.removal();
			add(rows, ROW, List.of(Cell.of("消除事由", r.reason(), 1f), Cell.of("消除日", r.date(), 1f)));
			if (r.destination() != null) {
				add(rows, ROW, List.of(Cell.of("転出先", r.destination(), 1f)));
			}
		}
		return rows;
	}

	private static void add(List<Row> rows, float height, List<Cell> cells) {
		if (!cells.isEmpty()) {
			rows.add(new Row(height, List.copyOf(cells)));
		}
	}
}
