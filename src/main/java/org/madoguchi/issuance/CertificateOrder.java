package org.madoguchi.issuance;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.madoguchi.issuance.document.DocumentKind;
import org.madoguchi.issuance.document.Layout;
import org.madoguchi.registry.AtenaNumber;

/**
 * What is to be issued, for whom and to whom: one request, which gives {@code copies} documents, each with its own
 * 発行番号 and signature.
 *
 * @param subjects the persons on the copy (one household), in the order asked; the register's household order is
 *     used on the document
 * @param requester who asks: a resident (宛名番号) or a third party (name only)
 * @param purpose 使用目的, as stated
 * @param applicationId the online application this fulfils (ONLINE), else null
 * @param accountId the resident account that may download the copies (ONLINE), else null
 * @param copies 1 to {@link #MAX_COPIES}
 */
public record CertificateOrder(DocumentKind kind, Layout layout, Set<PrintItem> items, List<AtenaNumber> subjects,
		Requester requester, String purpose, IssueChannel channel, UUID applicationId, UUID accountId, int copies) {

	public static final int MAX_COPIES = 10;

	public static final int MAX_SUBJECTS = 30;

	public CertificateOrder {
		items = Set.copyOf(items);
		subjects = List.copyOf(subjects);
	}

	/**
	 * The person asking for a copy.
	 *
	 * @param atenaNumber 宛名番号 when the requester is a resident (or former resident) of the city, else null
	 * @param name the name as given (third parties), or null for residents
	 */
	public record Requester(AtenaNumber atenaNumber, String name) {

		public static Requester resident(AtenaNumber atena) {
			return new Requester(atena, null);
		}

		public String describe() {
			return atenaNumber != null ? atenaNumber.value() : name;
		}
	}
}
