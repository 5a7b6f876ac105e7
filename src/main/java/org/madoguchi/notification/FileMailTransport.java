package org.madoguchi.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Writes each mail as an RFC 822 file ({@code .eml}, opens in any mail program) into a directory, for
 * development: no SMTP server needed, and the development mailbox page lists them. File names start with
 * the UTC time, so that their order is the order of sending.
 */
class FileMailTransport implements MailTransport {

	static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

	private final Path directory;

	FileMailTransport(Path directory) {
		this.directory = directory;
	}

	Path directory() {
		return directory;
	}

	@Override
	public boolean ready() {
		return true;
	}

	@Override
	public void send(MimeMessage message, long outboxId) throws IOException, MessagingException {
		Files.createDirectories(directory);
		// the id zero-padded, so that names written in the same millisecond sort by id too
		String name = NAME_TIME.format(Instant.now()) + "-" + String.format("%012d", outboxId) + ".eml";
		// written aside and moved in, so that the mailbox page never reads half a file
		Path temporary = Files.createTempFile(directory, ".mail-", ".tmp");
		try {
			try (OutputStream out = Files.newOutputStream(temporary)) {
				message.writeTo(out);
			}
			Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	@Override
	public String describe() {
		return "files in " + directory.toAbsolutePath();
	}
}
