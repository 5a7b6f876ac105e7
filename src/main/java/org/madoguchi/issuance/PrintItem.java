package org.madoguchi.issuance;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The items a certified copy leaves off unless they are asked for (the standard's omission switches).
 * The values are those of the online request form ({@code juminhyo-copy}, field {@code items}).
 */
public enum PrintItem {
	/** 世帯主・続柄 */
	RELATIONSHIP("relationship"),
	/** 本籍・筆頭者 */
	HONSEKI("honseki"),
	/** 住民票コード */
	RESIDENT_CODE("residentCode"),
	/** 個人番号 */
	MY_NUMBER("myNumber");

	private final String formValue;

	PrintItem(String formValue) {
		this.formValue = formValue;
	}

	public String formValue() {
		return formValue;
	}

	public static Optional<PrintItem> fromForm(String value) {
		for (PrintItem i : values()) {
			if (i.formValue.equals(value) || i.name().equals(value)) {
				return Optional.of(i);
			}
		}
		return Optional.empty();
	}

	/** Stored form: names joined by commas, in declaration order. */
	static String join(Set<PrintItem> items) {
		return String.join(",", items.stream().sorted().map(Enum::name).toList());
	}

	static Set<PrintItem> parse(String joined) {
		Set<PrintItem> items = EnumSet.noneOf(PrintItem.class);
		if (joined != null && !joined.isBlank()) {
			for (String s : joined.split(",")) {
				items.add(PrintItem.valueOf(s.strip()));
			}
		}
		return items;
	}
}
