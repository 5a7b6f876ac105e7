package org.madoguchi.issuance;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.madoguchi.issuance.document.DocumentKind;
import org.madoguchi.issuance.document.Layout;

/**
 * One issued copy as the issuance history keeps it (証明書発行履歴): when, where, by whom, what and which items,
 * for whom and to whom, and the SHA-256 of the signed PDF. The PDF itself is read separately.
 *
 * @param issueNumber 発行番号 without the page part (e.g. {@code 20261126 東雲野市 本庁1 プリンタ001 000123})
 * @param verificationCode the random code of the QR link; reveals nothing by itself
 * @param subjects 宛名番号/履歴番号 of the persons on the copy
 */
public record IssuedDocument(UUID id, String issueNumber, String verificationCode, DocumentKind kind, Layout layout,
		Set<PrintItem> items, boolean myNumberPrinted, String householdNumber, String subjects, String requester,
		RequesterRelation requesterRelation, String purpose, IssueChannel channel, UUID applicationId, UUID accountId,
		String terminal, String issuedBy, Instant issuedAt, int pages, String documentSha256, long ledgerEntryId,
		Instant revokedAt, String revokedBy, String revocationReason) {

	public boolean isRevoked() {
		return revokedAt != null;
	}

	IssuedDocument withLedgerEntry(long entry) {
		return new IssuedDocument(id, issueNumber, verificationCode, kind, layout, items, myNumberPrinted,
				householdNumber, subjects, requester, requesterRelation, purpose, channel, applicationId, accountId,
				terminal, issuedBy, issuedAt, pages, documentSha256, entry, revokedAt, revokedBy, revocationReason);
	}

	IssuedDocument revoked(Instant at, String by, String reason) {
		return new IssuedDocument(id, issueNumber, verificationCode, kind, layout, items, myNumberPrinted,
				householdNumber, subjects, requester, requesterRelation, purpose, channel, applicationId, accountId,
				terminal, issuedBy, issuedAt, pages, documentSha256, ledgerEntryId, at, by, reason);
	}
}
