/**
 * Identity assurance and electronic signatures (本人確認・電子署名): verifying CMS signatures made with a
 * 署名用電子証明書 (JPKI signing certificate) and sign-in answers made with a 利用者証明用電子証明書 (JPKI user
 * authentication certificate), reading the signer's 基本4情報 from the certificate, canonical JSON (RFC 8785) of
 * what is signed, and a test PKI standing in for J-LIS in development and tests.
 *
 * <p>Web: the card sign-in {@code /portal/card/sign-in} (challenge–response; the challenge lives in the HTTP
 * session) and, in development, the virtual card page. Tables: {@code signature_evidence} and {@code identity_crl}
 * (V17). Trust anchors and CRLs come from configuration
 * ({@link org.madoguchi.identity.CrlSource}), because J-LIS gives revocation data only to registered verifiers.
 */
package org.madoguchi.identity;
