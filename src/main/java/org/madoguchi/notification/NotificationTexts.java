package org.madoguchi.notification;

import java.text.NumberFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import org.madoguchi.accounts.PasswordResetRequested;
import org.madoguchi.accounts.ResidentAccountRegistered;
import org.madoguchi.applications.ApplicationStatusChanged;
import org.madoguchi.procedures.NotificationText;
import org.madoguchi.procedures.ProcedureCatalog;
import org.madoguchi.procedures.ProcedureDefinition;
import org.madoguchi.procedures.ProcedureVersion;

/**
 * Writes the texts of mails and inbox messages. For a status change: the procedure's own text for the
 * status (通知文, in its definition), else the city's default from {@code messages/notification}; in the
 * applicant's language, Japanese when it is not English.
 */
@Component
class NotificationTexts {

	private static final Logger log = LoggerFactory.getLogger(NotificationTexts.class);

	/** A subject and body with placeholders. */
	record Template(String subject, String body) {
	}

	/** A finished text. */
	record Rendered(String subject, String body) {
	}

	/**
	 * What a status change produces.
	 *
	 * @param mail the mail, footer included; empty when the status has no mail (審査中)
	 * @param inbox the portal inbox message (no footer: it is not sent from an address)
	 */
	record StatusTexts(Optional<Rendered> mail, Rendered inbox, Locale locale) {
	}

	private final ObjectProvider<ProcedureCatalog> catalog;

	private final String publicUrl;

	/**
	 * The bundle read without MessageFormat (the application's message source always uses it), so that
	 * {@code {receiptNumber}} is a placeholder for {@link MailText#fill}, not a MessageFormat argument.
	 */
	private final ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();

	NotificationTexts(ObjectProvider<ProcedureCatalog> catalog,
			@Value("${madoguchi.public-url:http://localhost:8080}") String publicUrl) {
		this.catalog = catalog;
		this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
		bundle.setBasename("messages/notification");
		bundle.setDefaultEncoding("UTF-8");
		bundle.setFallbackToSystemLocale(false);
		bundle.setAlwaysUseMessageFormat(false);
	}

	static Locale locale(String language) {
		// "en", "en-GB", "EN" are English; anything else (also an unknown language) is Japanese
		return language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
				: Locale.JAPANESE;
	}

	/** The page of the application in the portal, relative to the site. */
	static String applicationPath(UUID applicationId) {
		return "/portal/applications/" + applicationId;
	}

	StatusTexts statusTexts(ApplicationStatusChanged e) {
		Locale locale = locale(e.language());
		String status = e.to().name();
		Optional<ProcedureDefinition> definition = definition(e);
		Optional<Template> mail = definition.map(d -> d.notifications().get(status))
			.flatMap(text -> template(text, locale))
			.or(() -> bundled("notification.default." + status, locale));
		Template inbox = mail.or(() -> bundled("notification.inbox." + status, locale))
			.or(() -> bundled("notification.inbox.other", locale))
			.orElseThrow(() -> new IllegalStateException("notification.inbox.other missing in messages/notification"));

		Map<String, String> values = new HashMap<>();
		values.put("receiptNumber", MailText.oneLine(e.receiptNumber()));
		values.put("procedureName", definition.map(d -> d.name().in(locale)).map(MailText::oneLine)
			.orElse(MailText.oneLine(e.procedureId())));
		values.put("applicantName", MailText.truncate(MailText.oneLine(e.applicantName()), 200));
		values.put("reason", MailText.clean(e.messageToApplicant()).strip());
		values.put("portalUrl", publicUrl + applicationPath(e.applicationId()));
		values.put("fee", fee(e.feeYen(), locale));
		String footer = footer(locale);
		return new StatusTexts(mail.map(t -> render(t, values, footer)), render(inbox, values, null), locale);
	}

	Rendered verification(ResidentAccountRegistered e) {
		return account("notification.account.verification", e.name(), e.verificationUrl(), locale(e.language()));
	}

	Rendered passwordReset(PasswordResetRequested e) {
		return account("notification.account.passwordReset", e.name(), e.resetUrl(), locale(e.language()));
	}

	private Rendered account(String key, String name, String url, Locale locale) {
		Template t = bundled(key, locale).orElseThrow(() -> new IllegalStateException(key + " missing"));
		Map<String, String> values = Map.of("name", MailText.truncate(MailText.oneLine(name), 200), "url",
				MailText.oneLine(url));
		return render(t, values, footer(locale));
	}

	/** The fee as residents read it: 1,200円 / 1,200 yen. */
	String fee(Integer yen, Locale locale) {
		if (yen == null) {
			return message("notification.fee.none", locale);
		}
		String amount = NumberFormat.getIntegerInstance(Locale.JAPAN).format(yen);
		return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? amount + " yen" : amount + "円";
	}

	private String footer(Locale locale) {
		return message("notification.footer", locale);
	}

	private String message(String key, Locale locale) {
		String m = bundle.getMessage(key, null, null, locale);
		if (m == null) {
			throw new IllegalStateException(key + " missing in messages/notification");
		}
		return m;
	}

	private Optional<Template> bundled(String key, Locale locale) {
		String subject = bundle.getMessage(key + ".subject", null, null, locale);
		String body = bundle.getMessage(key + ".body", null, null, locale);
		return subject == null || body == null ? Optional.empty() : Optional.of(new Template(subject, body));
	}

	private static Optional<Template> template(NotificationText text, Locale locale) {
		if (text == null || text.subject() == null || text.body() == null) {
			return Optional.empty();
		}
		String subject = text.subject().in(locale);
		String body = text.body().in(locale);
		return subject == null || subject.isBlank() || body == null || body.isBlank() ? Optional.empty()
				: Optional.of(new Template(subject, body));
	}

	/**
	 * The procedure as filed. A failing catalog must not undo the status change that is being reported,
	 * so the city's default text is used instead (and the failure logged).
	 */
	private Optional<ProcedureDefinition> definition(ApplicationStatusChanged e) {
		ProcedureCatalog procedures = catalog.getIfAvailable();
		if (procedures == null || e.procedureId() == null) {
			return Optional.empty();
		}
		try {
			return procedures.version(e.procedureId(), e.procedureVersion()).map(ProcedureVersion::definition);
		}
		catch (RuntimeException ex) {
			log.warn("Procedure {} v{} could not be read for the notification of application {}; default text used",
					e.procedureId(), e.procedureVersion(), e.applicationId(), ex);
			return Optional.empty();
		}
	}

	static Rendered render(Template t, Map<String, String> values, String footer) {
		String subject = MailText.subject(MailText.fill(t.subject(), values));
		String tail = footer == null ? "" : "\n\n" + footer.strip() + "\n";
		String body = fillBody(t.body(), values, MailText.MAX_BODY - tail.length());
		return new Rendered(subject, body + tail);
	}

	/**
	 * Fills the body and keeps it within {@code max}: a long reason written by staff is shortened (with …)
	 * so that the rest of the text, and the link, stay whole; anything still too long is cut at the end.
	 */
	static String fillBody(String template, Map<String, String> values, int max) {
		String body = MailText.fill(template, values).stripTrailing();
		if (body.length() <= max) {
			return body;
		}
		String reason = values.getOrDefault("reason", "");
		int uses = MailText.occurrences(template, "reason");
		if (uses > 0 && !reason.isEmpty()) {
			int over = body.length() - max;
			int perUse = (over + uses * MailText.ELLIPSIS.length() + uses - 1) / uses;
			int keep = reason.length() - perUse;
			Map<String, String> shorter = new HashMap<>(values);
			shorter.put("reason", keep > 0 ? MailText.cut(reason, keep) + MailText.ELLIPSIS : MailText.ELLIPSIS);
			body = MailText.fill(template, shorter).stripTrailing();
		}
		return MailText.truncate(body, max);
	}
}
