package org.madoguchi.attachments;

import java.time.Instant;
import java.util.UUID;

/**
 * An accepted attachment (添付書類) as other modules see it.
 *
 * @param id the attachment's id (what an application's FILE answer lists)
 * @param ownerId what it belongs to, e.g. an application or its draft
 * @param fieldId the form field it was uploaded for
 * @param filename the display name: the uploaded name without any directory part, with the extension of
 *        the detected type added when it had none or another (never used as a storage path)
 * @param type the type decided from the content
 * @param size bytes of the original
 * @param sha256 hex SHA-256 of the original, e.g. to show staff that a copy is unchanged
 * @param sanitizedSize bytes of the sanitized copy (images redrawn, PDFs flattened)
 * @param createdAt when it was stored
 */
public record StoredAttachment(UUID id, UUID ownerId, String fieldId, String filename, AttachmentType type, long size,
		String sha256, long sanitizedSize, Instant createdAt) {
}
