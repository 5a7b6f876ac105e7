package org.madoguchi.issuance;

/** How a certified copy reached the person who asked for it. */
public enum IssueChannel {
	/** 窓口交付: printed or downloaded by staff at the counter. */
	COUNTER,
	/** 電子交付: requested online, approved by staff, downloaded by the resident from the portal. */
	ONLINE
}
