package org.madoguchi.issuance.document;

/**
 * The kind of certificate: it decides the title, the attestation (認証文) and which items a copy may carry.
 */
public enum DocumentKind {

	/** 住民票の写し: a copy of the current record of residents. */
	JUMINHYO_COPY("住民票の写し", "この写しは、住民票の原本と相違ないことを証明する。"),

	/** 除票の写し: a copy of the record of persons removed (転出, 死亡 …); every person carries 消除事由 and 消除日. */
	JOHYO_COPY("除票の写し", "この写しは、除票の原本と相違ないことを証明する。"),

	/** 住民票記載事項証明書: certifies only the items asked for (e.g. for an employer or a pension office). */
	KISAI_JIKO_SHOMEI("住民票記載事項証明書", "上記の事項は、住民票に記載されていることを証明する。");

	private final String title;
	private final String attestation;

	DocumentKind(String title, String attestation) {
		this.title = title;
		this.attestation = attestation;
	}

	/** The title printed at the top of every page (also the PDF's document title). */
	public String title() {
		return title;
	}

	/** 認証文: printed above the issue date and the mayor's name. */
	public String attestation() {
		return attestation;
	}
}
