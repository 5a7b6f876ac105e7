package org.madoguchi.issuance;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.madoguchi.issuance.document.CertifiedCopy;
import org.madoguchi.issuance.document.CertifiedCopyRenderer;
import org.madoguchi.issuance.document.DocumentKind;
import org.madoguchi.issuance.document.Household;
import org.madoguchi.issuance.document.IssueNumber;
import org.madoguchi.issuance.document.Item;
import org.madoguchi.issuance.document.PrintOptions;
import org.madoguchi.issuance.document.PrintedPerson;
import org.madoguchi.issuance.document.RenderedCopy;
import org.madoguchi.issuance.signing.PadesSigner;
import org.madoguchi.issuance.signing.SealDetails;
import org.madoguchi.registry.CertificateSubject;
import org.madoguchi.registry.RegisterDate;
import org.madoguchi.registry.ResidentRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns register records into a sealed PDF: the register's items as the certificate prints them (dates in 和暦),
 * rendered by {@link CertifiedCopyRenderer} and sealed as PAdES B-T by {@link PadesSigner}.
 */
@Component
class SealedCopies {

	/** 発行番号 terminal and printer of electronic issuance (no paper printer is involved). */
	static final String ONLINE_TERMINAL = "電子交付";

	static final String ONLINE_PRINTER = "電子001";

	private final CertifiedCopyRenderer renderer;

	private final PadesSigner signer;

	private final IssuanceProperties properties;

	private final String publicUrl;

	SealedCopies(CertifiedCopyRenderer renderer, PadesSigner signer, IssuanceProperties properties,
			@Value("${madoguchi.public-url:http://localhost:8080}") String publicUrl) {
		this.renderer = renderer;
		this.signer = signer;
		this.properties = properties;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	/**
	 * Renders and seals one copy.
	 *
	 * @param subjects the persons, in the order of the household (世帯主 first)
	 * @param code the verification code of the QR link
	 */
	Sealed make(CertificateOrder order, List<CertificateSubject> subjects, LocalDate issueDate, String terminal,
			String printer, long serial, String code) {
		IssueNumber number = new IssueNumber(issueDate, properties.cityName(), terminal, printer,
				Math.toIntExact(serial));
		List<CertificateSubject> ordered = subjects.stream()
			.sorted(java.util.Comparator.comparingInt((CertificateSubject s) -> s.record().memberOrder())
				.thenComparing(s -> s.record().atenaNumber().value()))
			.toList();
		CertifiedCopy copy = new CertifiedCopy(order.kind(), order.layout(), options(order), household(ordered),
				ordered.stream().map(s -> person(s, order.kind())).toList(), number, issueDate, properties.mayorTitle(),
				properties.mayorName(), publicUrl + "/verify/" + code);
		RenderedCopy rendered = renderer.renderWithReport(copy);
		byte[] sealed = signer.sign(rendered.pdf(), new SealDetails(properties.mayorTitle(),
				order.kind().title() + " 発行番号 " + number.text(), properties.cityName()));
		return new Sealed(number.text(), sealed, rendered.pages());
	}

	/** The omission switches asked for; a 記載事項証明書 certifies the usual items of a 住民票 and those asked for. */
	private static PrintOptions options(CertificateOrder order) {
		PrintOptions options = order.kind() == DocumentKind.KISAI_JIKO_SHOMEI
				? PrintOptions.certifying(java.util.EnumSet.of(Item.NAME, Item.ADDRESS, Item.BIRTH_DATE, Item.GENDER,
						Item.ADDRESS_FIXED))
				: PrintOptions.standard();
		Set<PrintItem> items = order.items();
		options = items.contains(PrintItem.RELATIONSHIP) ? options.withRelationship() : options;
		options = items.contains(PrintItem.HONSEKI) ? options.withHonseki() : options;
		options = items.contains(PrintItem.RESIDENT_CODE) ? options.withResidentCode() : options;
		return items.contains(PrintItem.MY_NUMBER) ? options.withMyNumber() : options;
	}

	private static Household household(List<CertificateSubject> subjects) {
		ResidentRecord first = subjects.get(0).record();
		String head = subjects.stream()
			.map(CertificateSubject::record)
			.filter(ResidentRecord::isHead)
			.map(r -> r.name().full())
			.findFirst()
			.orElse(null);
		return new Household(head, first.address().text(), first.address().katagaki());
	}

	private static PrintedPerson person(CertificateSubject subject, DocumentKind kind) {
		ResidentRecord r = subject.record();
		String fixed = r.addressFixedDate() == null ? null : wareki(r.addressFixedDate());
		PrintedPerson p = PrintedPerson.of(r.name().full(), r.name().fullKana(), r.birthDate().japanese(),
				r.gender() == org.madoguchi.registry.Gender.MALE ? "男" : "女", r.relationship(),
				r.becameResidentDate() == null ? null : wareki(r.becameResidentDate()), fixed,
				r.notifiedDate() == null ? null : wareki(r.notifiedDate()), r.previousAddress());
		if (r.name().formerFamily() != null && !r.name().formerFamily().isBlank()) {
			p = p.withFormerName(r.name().formerFamily(), r.name().formerFamilyKana());
		}
		if (r.familyRegister() != null) {
			p = p.withFamilyRegister(r.familyRegister().honseki(), r.familyRegister().hittousha());
		}
		p = p.withCodes(r.residentCode(), subject.myNumber());
		if (r.foreign() != null) {
			p = p.withForeign(r.name().alias(), r.name().aliasKana(), new PrintedPerson.Foreign(
					blankTo(r.foreign().nationality(), "不明"), r.foreign().category(), r.foreign().status(),
					r.foreign().period(), r.foreign().expiry() == null ? null : wareki(r.foreign().expiry())));
		}
		if (kind == DocumentKind.JOHYO_COPY && r.removalReason() != null) {
			p = p.withRemoval(new PrintedPerson.Removal(r.removalReason().japanese(),
					r.removalDate() == null ? "不詳" : wareki(r.removalDate()), r.destinationAddress()));
		}
		return p;
	}

	private static String wareki(LocalDate date) {
		return RegisterDate.of(date).japanese();
	}

	private static String blankTo(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value;
	}

	/**
	 * @param issueNumber 発行番号 without the page part
	 */
	record Sealed(String issueNumber, byte[] pdf, int pages) {
	}
}
