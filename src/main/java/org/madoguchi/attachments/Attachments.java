package org.madoguchi.attachments;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Published API of the attachments module (添付書類).
 *
 * <p>Refusals are {@link org.madoguchi.platform.InvalidInputException}s holding one
 * {@link org.madoguchi.platform.FieldError} whose field is the caller's {@code fieldId} and whose code is one of
 * {@code attachments.error.empty}, {@code .tooLarge} (arg: the limit in MB), {@code .typeNotAllowed} (arg:
 * the allowed types, e.g. "PDF, JPEG"), {@code .disguised} (the name's extension claims one type and the
 * content is another or none), {@code .unreadable}, {@code .encrypted}, {@code .filename},
 * {@code .tooManyPages} (arg: the page limit), {@code .tooManyPixels} (arg: the megapixel limit) and
 * {@code .tooMany} (arg: how many files one owner may have).
 *
 * <p>Blobs written by {@link #store} are removed again when the surrounding transaction rolls back;
 * blobs of deleted attachments are removed once the deletion commits (at once without a transaction).
 */
public interface Attachments {

	/**
	 * Checks, sanitizes and stores one uploaded file.
	 *
	 * @param ownerId what the file belongs to (an application or draft)
	 * @param fieldId the form field; errors are reported for it
	 * @param filename the name the client sent; only a display name is kept from it
	 * @param content the bytes; at most {@code maxBytes + 1} of them are read, and the caller closes it
	 * @param allowedTypes names of {@link AttachmentType}s ({@code PDF, JPEG, PNG}); empty allows all three
	 * @param maxBytes the field's limit; the module's own limit ({@code madoguchi.attachments.max-bytes},
	 *        20 MB) applies when this is larger or not positive
	 */
	StoredAttachment store(UUID ownerId, String fieldId, String filename, InputStream content, Set<String> allowedTypes,
			long maxBytes);

	Optional<StoredAttachment> find(UUID id);

	/** The owner's attachments, oldest first. */
	List<StoredAttachment> listFor(UUID ownerId);

	/** The file as uploaded; the caller closes the stream. NotFoundException when there is no such attachment. */
	InputStream openOriginal(UUID id);

	/** The sanitized copy, of the same {@link AttachmentType}; the caller closes the stream. */
	InputStream openSanitized(UUID id);

	/** Removes the attachment and both of its blobs; nothing happens when it does not exist. */
	void delete(UUID id);

	/** Removes every attachment of the owner (e.g. when a draft is discarded). */
	void deleteAllFor(UUID ownerId);
}
