/**
 * Rendering of certified copies as unsigned PDF: {@link org.madoguchi.issuance.document.CertifiedCopyRenderer}
 * turns a {@link org.madoguchi.issuance.document.CertifiedCopy} (display strings the issuance module made from the
 * register) into an A4 portrait PDF 1.7 — 住民票の写し, 除票の写し or 住民票記載事項証明書, 世帯連記式 or 個人票.
 *
 * <p>What the form holds: title; the household part (住所, 方書, 世帯主 when asked for) on every page; one ruled
 * block per person; 「以下余白」 after the last; on the last page (every page for 個人票) the 認証文, the issue date
 * in 和暦 and 「東雲野市長 氏名」 with the 電子公印 (red square, 22 mm, glyph outlines — not text); on every page the
 * 発行番号 with page/pages, a 20 mm QR code of the verification URL with its caption, and the note that the paper
 * print is not the original. Items the options omit are not printed at all (no label, no 「省略」), as on the
 * standard form. Characters the font lacks are printed as 〓 and reported
 * ({@link org.madoguchi.issuance.document.RenderedCopy#substitutions()}).
 *
 * <p>Sealing (PAdES) is done afterwards by the signing package; this package only draws.
 */
package org.madoguchi.issuance.document;
