/**
 * The mayor's electronic seal (公印) on issued PDF certificates (電子交付 of 住民票の写し): PAdES baseline B-T
 * signatures ({@link org.madoguchi.issuance.signing.PadesSigner}), the check behind the public verification page
 * ({@link org.madoguchi.issuance.signing.PdfSignatureCheck}), the seal key in a PKCS#12 file or an HSM through
 * PKCS#11 ({@link org.madoguchi.issuance.signing.IssuingKey}), RFC 3161 time-stamps
 * ({@link org.madoguchi.issuance.signing.TimestampClient}) and, for development and tests only, a city PKI and a
 * time-stamp authority of its own ({@link org.madoguchi.issuance.signing.DevIssuingPki}, {@code POST /dev/tsa}).
 */
package org.madoguchi.issuance.signing;
