/**
 * Identity assurance and electronic signatures (本人確認・電子署名): verifying CMS signatures made with a
 * 署名用電子証明書 (JPKI signing certificate), reading the signer's 基本4情報 from the certificate, canonical JSON
 * (RFC 8785) of what is signed, the デジタル認証アプリ route ({@link org.madoguchi.identity.DigitalAuthApp}: OpenID
 * Connect sign-in to the portal and sign transactions), and, for development and tests only, a test PKI standing
 * in for J-LIS, virtual My Number Cards and an OpenID provider standing in for the app.
 *
 * <p>No tables: trust anchors and CRLs come from configuration ({@link org.madoguchi.identity.CrlSource}), because
 * J-LIS gives revocation data only to registered verifiers; the relying party keeps its flows in the HTTP session.
 */
package org.madoguchi.identity;
