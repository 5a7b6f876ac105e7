package org.madoguchi.identity;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;

/**
 * DEVELOPMENT ONLY: the card holder the development identity provider signed in (kept in the HTTP session between
 * the card page and the authorization endpoint, and with the authorization in memory).
 *
 * @param subject     the OpenID {@code sub}: the 利用者証明用電子証明書 serial (canonical hex)
 * @param atenaNumber the 宛名番号 the virtual card was issued for (never sent to the relying party)
 * @param name        氏名 from the 署名用電子証明書
 * @param address     住所
 * @param birthdate   生年月日, ISO
 * @param gender      性別 as in the certificate (男/女)
 */
record DevIdpUser(String subject, String atenaNumber, String name, String address, String birthdate, String gender)
		implements Principal, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	@Override
	public String getName() {
		return subject;
	}
}
