package org.madoguchi.issuance;

import java.time.Instant;
import java.util.UUID;

/**
 * A certified copy was issued and recorded in the transparency log (published in the issuing transaction).
 *
 * @param applicationId the online application it fulfils, or null (counter)
 * @param accountId the resident account that may download it, or null (counter)
 */
public record CertificateIssued(UUID documentId, String issueNumber, IssueChannel channel, UUID applicationId,
		UUID accountId, Instant issuedAt) {
}
