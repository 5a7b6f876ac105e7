package org.madoguchi.identity;

/**
 * Every name of the デジタル認証アプリ interface that is not plain OpenID Connect, in one place.
 *
 * <p><b>Assumption.</b> The Digital Agency gives the exact names of its sign-transaction API and of some claims only
 * to approved relying parties. The names below are this project's own design, spoken by the bundled development
 * provider; on approval they are replaced here (and nowhere else) by the published ones. What is known and used as
 * such: code flow with PKCE S256, scopes {@code openid name address birthdate gender sign}, {@code acr_values},
 * a sign transaction created with a client-credentials token before the user approves it in the app.
 *
 * <p>The sign transaction, as designed here:
 * <ol>
 * <li>{@code POST {sign_transaction_endpoint}} with a client-credentials bearer token (scope {@value #SCOPE_SIGN})
 * and a JSON body {@code {"title": ..., "content": base64, "digest": base64url(SHA-256(content)),
 * "digest_algorithm": "S256"}} → {@code 201 {"transaction_id": ..., "expires_in": seconds}}. The content itself
 * is sent because the signer makes a detached CMS over exactly these bytes (a real API may take the digest only;
 * then {@value #CONTENT} is dropped);</li>
 * <li>the authorization request carries {@code scope=openid sign} and {@value #SIGN_TRANSACTION_PARAMETER};</li>
 * <li>after the code exchange, {@code GET {sign_transaction_endpoint}/{transaction_id}/signature} with the user's
 * access token → {@code 200 application/pkcs7-signature} (detached CMS SignedData, DER).</li>
 * </ol>
 */
final class DigitalAuthProtocol {

	/** Discovery metadata naming the sign-transaction endpoint. */
	static final String METADATA_SIGN_TRANSACTION_ENDPOINT = "sign_transaction_endpoint";

	/** Scope of signing, in the client-credentials request and in the signing authorization request. */
	static final String SCOPE_SIGN = "sign";

	/** Authorization request parameter naming the sign transaction the user approves. */
	static final String SIGN_TRANSACTION_PARAMETER = "sign_transaction_id";

	/** Request fields of a new sign transaction. */
	static final String TITLE = "title";

	static final String CONTENT = "content";

	static final String DIGEST = "digest";

	static final String DIGEST_ALGORITHM = "digest_algorithm";

	/** The only digest algorithm: SHA-256 (named as in PKCE). */
	static final String S256 = "S256";

	/** Response fields of a new sign transaction. */
	static final String TRANSACTION_ID = "transaction_id";

	static final String EXPIRES_IN = "expires_in";

	/** Path below the sign-transaction endpoint where the finished signature is fetched. */
	static String signaturePath(String transactionId) {
		return "/" + transactionId + "/signature";
	}

	/** Media type of the signature. */
	static final String SIGNATURE_MEDIA_TYPE = "application/pkcs7-signature";

	/**
	 * Claim (ID token and userinfo) with the serial of the 利用者証明用電子証明書 used, in hexadecimal: lets the
	 * register find the person by {@code CardCertificate.AUTHENTICATION}. Without it, the 基本4情報 are matched.
	 */
	static final String CLAIM_CERTIFICATE_SERIAL = "auth_certificate_serial";

	/** Standard claims the 基本4情報 scopes give (address may be a string or an OIDC address object). */
	static final String CLAIM_NAME = "name";

	static final String CLAIM_ADDRESS = "address";

	static final String CLAIM_BIRTHDATE = "birthdate";

	static final String CLAIM_GENDER = "gender";

	/** Scopes giving the 基本4情報. */
	static final java.util.List<String> BASIC_FOUR_SCOPES = java.util.List.of("name", "address", "birthdate", "gender");

	private DigitalAuthProtocol() {
	}
}
