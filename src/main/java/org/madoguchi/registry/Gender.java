package org.madoguchi.registry;

/** 性別 as the register records it (standard codes 1 and 2). */
public enum Gender {
	MALE("1"), FEMALE("2");

	private final String code;

	Gender(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}
}
