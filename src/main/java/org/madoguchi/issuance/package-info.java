/**
 * Electronic issuance (電子交付) of certified copies: 住民票の写し (世帯連記式 or 個人票, with the standard's omission
 * switches), 除票の写し and 住民票記載事項証明書, rendered from the register as A4 PDF, sealed with the mayor's
 * electronic seal as PAdES baseline B-T, recorded in the transparency log, issued at the counter or downloaded
 * from the portal after an online request, and verifiable by anyone on the public verification page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Issuance (電子交付)")
package org.madoguchi.issuance;
