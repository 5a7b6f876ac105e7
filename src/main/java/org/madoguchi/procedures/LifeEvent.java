package org.madoguchi.procedures;

/** Life events (ライフイベント) residents look for procedures by. Message keys: {@code procedures.lifeEvent.<name>}. */
public enum LifeEvent {
	/** 引越し */
	MOVING,
	/** 出産 */
	BIRTH,
	/** 子育て */
	CHILDCARE,
	/** 介護 */
	CARE,
	/** 災害 */
	DISASTER
}
