/**
 * Identity assurance and electronic signatures (本人確認・電子署名): verifying CMS signatures made with a
 * 署名用電子証明書 (JPKI signing certificate) and sign-in answers made with a 利用者証明用電子証明書 (JPKI user
 * authentication certificate), reading the signer's 基本4情報 from the certificate, matching the signer to the
 * register, keeping every checked signature as evidence ({@link org.madoguchi.identity.ElectronicSignatures}),
 * canonical JSON (RFC 8785) of what is signed, sign-in with the card by challenge–response
 * ({@code /portal/card/sign-in}), the デジタル認証アプリ route ({@link org.madoguchi.identity.DigitalAuthApp}: OpenID
 * Connect sign-in to the portal and sign transactions), and, for development and tests only, a test PKI standing
 * in for J-LIS, virtual My Number Cards and an OpenID provider standing in for the app.
 *
 * <p>Tables: {@code signature_evidence} and {@code identity_crl}. Trust anchors and CRLs come from configuration
 * ({@link org.madoguchi.identity.CrlSource}), because J-LIS gives revocation data only to registered verifiers;
 * challenges and the relying party's flows live in the HTTP session (shared by all nodes).
 */
package org.madoguchi.identity;
