package org.madoguchi.procedures;

/** The catalog's sections. Message keys: {@code procedures.category.<name>}. */
public enum Category {
	CERTIFICATES, MOVING, CHILDCARE, CARE, DISASTER, WASTE, TAX, SURVEY, OTHER
}
