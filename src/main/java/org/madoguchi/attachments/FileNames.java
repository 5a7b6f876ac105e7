package org.madoguchi.attachments;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Display names of uploaded files. The name a client sends is only ever shown (and offered as the download
 * name), never used as a path, but it is still cleaned: old browsers send the full client path, and control or
 * bidirectional-format characters can make {@code "invoice" + U+202E + "fdp.exe"} look like {@code invoiceexe.pdf}.
 */
final class FileNames {

	static final int MAX_LENGTH = 200;

	private static final String DEFAULT_NAME = "attachment";

	private FileNames() {
	}

	/**
	 * The display name for what the client sent, or empty when it must be refused (longer than 200 characters,
	 * control or format characters, or nothing left after the directory part).
	 */
	static Optional<String> displayName(String sent) {
		if (sent == null || sent.isBlank()) {
			return Optional.of(DEFAULT_NAME);
		}
		String name = Normalizer.normalize(sent, Normalizer.Form.NFC);
		// keep only the last path segment: "C:\Users\…\scan.pdf" and "../../x.pdf" become "scan.pdf" and "x.pdf"
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..") || name.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		StringBuilder out = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			int type = Character.getType(c);
			if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
					|| type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
					|| (Character.isSurrogate(c) && !pairedSurrogate(name, i))) {
				return Optional.empty();
			}
			// characters Windows does not allow in names, so that staff can save the file as offered
			out.append("<>:\"|?*".indexOf(c) >= 0 ? '_' : c);
		}
		return Optional.of(out.toString());
	}

	/** The name with the detected type's extension added when it has none or a different one. */
	static String withExtension(String name, AttachmentType type) {
		if (AttachmentType.fromExtension(name).filter(type::equals).isPresent()) {
			return name;
		}
		String suffix = "." + type.extension();
		if (name.length() + suffix.length() > MAX_LENGTH) {
			int keep = MAX_LENGTH - suffix.length();
			if (Character.isHighSurrogate(name.charAt(keep - 1))) {
				keep--;
			}
			name = name.substring(0, keep);
		}
		return name + suffix;
	}

	private static boolean pairedSurrogate(String s, int i) {
		char c = s.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
		}
		return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
	}
}
