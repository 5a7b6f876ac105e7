/**
 * Attachments (添付書類): files a resident adds to an application. The type is decided from the content
 * (never from the name), every size has a limit, and next to the original a sanitized copy is kept —
 * images redrawn, PDFs flattened to page images — that can be carried into closed networks such as
 * LGWAN (無害化). Blobs live outside the database behind a {@code BlobStorage} (file system by
 * default, S3-compatible object storage with {@code madoguchi.attachments.storage=s3}).
 * The API is {@link org.madoguchi.attachments.Attachments}.
 */
package org.madoguchi.attachments;
