package org.madoguchi.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * start-dev only: the mails the file transport wrote, newest first, so that a newcomer can click the
 * verification link without a mail server. Bodies are shown as text (escaped); only http(s) links are
 * made clickable.
 */
@Controller
@Profile("dev")
class DevMailboxController {

	/** Mails shown; older ones stay on disk. */
	static final int SHOWN = 50;

	/** Larger files are listed but not read. */
	private static final long MAX_FILE_BYTES = 1_000_000;

	/** URL characters only (a link followed by 。 stays whole), not ending in punctuation. */
	private static final Pattern LINK = Pattern.compile(
			"https?://[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]*[A-Za-z0-9\\-_~/#=&%]");

	/** A piece of a line: text, or a link when {@code link} is true. */
	record Segment(String text, boolean link) {
	}

	/** A written mail; {@code problem} is set when the file could not be read. */
	record DevMail(String file, String subject, String to, Instant sent, List<List<Segment>> lines, String problem) {
	}

	private final MailTransport transport;

	private final Session session = Session.getInstance(new Properties());

	DevMailboxController(MailTransport transport) {
		this.transport = transport;
	}

	@GetMapping("/portal/dev/mailbox")
	String mailbox(Model model) throws IOException {
		if (transport instanceof FileMailTransport files) {
			model.addAttribute("fileTransport", true);
			model.addAttribute("directory", files.directory().toAbsolutePath().toString());
			model.addAttribute("mails", read(files.directory()));
		}
		else {
			model.addAttribute("fileTransport", false);
			model.addAttribute("mails", List.of());
		}
		return "notification/mailbox";
	}

	List<DevMail> read(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		List<Path> newest;
		try (Stream<Path> files = Files.list(directory)) {
			newest = files.filter(f -> f.getFileName().toString().endsWith(".eml"))
				.sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
				.limit(SHOWN)
				.toList();
		}
		List<DevMail> mails = new ArrayList<>();
		for (Path file : newest) {
			mails.add(parse(file));
		}
		return mails;
	}

	private DevMail parse(Path file) {
		String name = file.getFileName().toString();
		try {
			if (Files.size(file) > MAX_FILE_BYTES) {
				return new DevMail(name, null, null, null, List.of(), "larger than " + MAX_FILE_BYTES + " bytes");
			}
			try (InputStream in = Files.newInputStream(file)) {
				MimeMessage message = new MimeMessage(session, in);
				Address[] to = message.getRecipients(Message.RecipientType.TO);
				Object content = message.getContent();
				return new DevMail(name, message.getSubject(), to == null ? "" : String.join(", ",
						Stream.of(to).map(Address::toString).toList()),
						message.getSentDate() == null ? null : message.getSentDate().toInstant(),
						lines(content instanceof String text ? text : "(not plain text)"), null);
			}
		}
		catch (IOException | MessagingException e) {
			return new DevMail(name, null, null, null, List.of(), e.getMessage());
		}
	}

	static List<List<Segment>> lines(String body) {
		List<List<Segment>> lines = new ArrayList<>();
		for (String line : body.replace("\r\n", "\n").split("\n", -1)) {
			List<Segment> segments = new ArrayList<>();
			Matcher m = LINK.matcher(line);
			int at = 0;
			while (m.find()) {
				if (m.start() > at) {
					segments.add(new Segment(line.substring(at, m.start()), false));
				}
				segments.add(new Segment(m.group(), true));
				at = m.end();
			}
			if (at < line.length()) {
				segments.add(new Segment(line.substring(at), false));
			}
			lines.add(segments);
		}
		return lines;
	}
}
