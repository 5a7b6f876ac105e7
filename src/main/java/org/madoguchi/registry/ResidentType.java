package org.madoguchi.registry;

/** 住民種別. */
public enum ResidentType {
	/** 日本人住民. */
	JAPANESE,
	/** 外国人住民 (住基法 第30条の45). */
	FOREIGN
}
