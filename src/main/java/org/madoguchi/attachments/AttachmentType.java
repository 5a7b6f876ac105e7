package org.madoguchi.attachments;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file that may be attached, recognised by their first bytes (magic numbers).
 * Message keys: {@code attachments.type.<name>}.
 */
public enum AttachmentType {

	PDF("application/pdf", "pdf"),
	JPEG("image/jpeg", "jpg"),
	PNG("image/png", "png");

	private static final byte[] PDF_MAGIC = { '%', 'P', 'D', 'F', '-' };
	private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	/** How many leading bytes {@link #detect(byte[])} needs at most. */
	public static final int MAGIC_LENGTH = 8;

	private final String mediaType;
	private final String extension;

	AttachmentType(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	/** The Content-Type to serve the file (and its sanitized copy) with. */
	public String mediaType() {
		return mediaType;
	}

	/** The usual file name extension, without the dot. */
	public String extension() {
		return extension;
	}

	/**
	 * The type the content says it is, from its first bytes. A PDF must start with {@code %PDF-} at
	 * offset 0 (readers accept a header further in, but uploads that need that are not worth the risk).
	 */
	public static Optional<AttachmentType> detect(byte[] head) {
		if (startsWith(head, PDF_MAGIC)) {
			return Optional.of(PDF);
		}
		if (startsWith(head, PNG_MAGIC)) {
			return Optional.of(PNG);
		}
		if (startsWith(head, JPEG_MAGIC)) {
			return Optional.of(JPEG);
		}
		return Optional.empty();
	}

	/** The type a file name's extension claims, if it names one of ours ({@code .jpeg}, {@code .JPG} …). */
	public static Optional<AttachmentType> fromExtension(String filename) {
		if (filename == null) {
			return Optional.empty();
		}
		int dot = filename.lastIndexOf('.');
		if (dot < 0 || dot == filename.length() - 1) {
			return Optional.empty();
		}
		return switch (filename.substring(dot + 1).toLowerCase(Locale.ROOT)) {
			case "pdf" -> Optional.of(PDF);
			case "jpg", "jpeg", "jpe", "jfif" -> Optional.of(JPEG);
			case "png" -> Optional.of(PNG);
			default -> Optional.empty();
		};
	}

	private static boolean startsWith(byte[] head, byte[] magic) {
		if (head == null || head.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (head[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}
}
