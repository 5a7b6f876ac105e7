package org.madoguchi.issuance.document;

/** How the chosen members are laid out on A4 portrait pages. */
public enum Layout {

	/** 世帯連記式: all chosen members of one household on one form, continued on further pages when they do not fit. */
	HOUSEHOLD,

	/** 個人票: one person per page; every page is a complete form with its own 認証文 and seal. */
	INDIVIDUAL
}
