package org.madoguchi.registry;

/** 住民状態. */
public enum ResidentStatus {
	/** 住民: currently registered. */
	RESIDENT,
	/** 消除: removed (転出, 死亡, 職権消除); the record is kept as 除票. */
	REMOVED
}
