package org.madoguchi.identity;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectDirectoryAttributes;

/**
 * How this platform's certificates carry the 基本4情報 and which certificate policies mark the two JPKI
 * certificate types. The real JPKI profile is disclosed by J-LIS only on application, so this is our own
 * documented encoding, used by {@link TestPki} and read by {@link SignatureVerifier}; adapting to the real
 * profile means changing this class only.
 *
 * <p><b>Encoding:</b> a non-critical SubjectDirectoryAttributes extension (2.5.29.9, RFC 5280 §4.2.1.8) holding
 * four attributes, each with exactly one {@code UTF8String} value:
 * <ul>
 * <li>{@link #NAME} — 氏名</li>
 * <li>{@link #ADDRESS} — 住所</li>
 * <li>{@link #BIRTH_DATE} — 生年月日 as ISO-8601 {@code YYYY-MM-DD}</li>
 * <li>{@link #GENDER} — 性別 as written in the register</li>
 * </ul>
 *
 * <p><b>OIDs:</b> all under {@link #TEST_ARC}, a UUID-based arc (ITU-T X.667, {@code 2.25.<uuid as integer>})
 * generated for this project. They are <em>test OIDs</em>: they do not identify the real JPKI profile.
 */
public final class JpkiProfile {

	/** Test OID arc of this project (2.25 = UUID-derived; UUID 6d61646f-6775-4368-a96a-706b69746573). */
	public static final String TEST_ARC = "2.25.145391541403138831338583178293688952179";

	/** Certificate policy of a test 署名用電子証明書 (signing certificate). */
	public static final ASN1ObjectIdentifier SIGNING_POLICY = new ASN1ObjectIdentifier(TEST_ARC + ".1.1");

	/** Certificate policy of a test 利用者証明用電子証明書 (authentication certificate). */
	public static final ASN1ObjectIdentifier AUTHENTICATION_POLICY = new ASN1ObjectIdentifier(TEST_ARC + ".1.2");

	/** Attribute 氏名. */
	public static final ASN1ObjectIdentifier NAME = new ASN1ObjectIdentifier(TEST_ARC + ".2.1");

	/** Attribute 住所. */
	public static final ASN1ObjectIdentifier ADDRESS = new ASN1ObjectIdentifier(TEST_ARC + ".2.2");

	/** Attribute 生年月日 (UTF8String YYYY-MM-DD). */
	public static final ASN1ObjectIdentifier BIRTH_DATE = new ASN1ObjectIdentifier(TEST_ARC + ".2.3");

	/** Attribute 性別. */
	public static final ASN1ObjectIdentifier GENDER = new ASN1ObjectIdentifier(TEST_ARC + ".2.4");

	private JpkiProfile() {
	}

	/** The SubjectDirectoryAttributes extension value carrying the 基本4情報. */
	static SubjectDirectoryAttributes encode(BasicFourInfo info) {
		java.util.Vector<Attribute> attributes = new java.util.Vector<>();
		attributes.add(attribute(NAME, info.name()));
		attributes.add(attribute(ADDRESS, info.address()));
		attributes.add(attribute(BIRTH_DATE, info.birthDate().toString()));
		attributes.add(attribute(GENDER, info.gender()));
		return new SubjectDirectoryAttributes(attributes);
	}

	private static Attribute attribute(ASN1ObjectIdentifier type, String value) {
		return new Attribute(type, new org.bouncycastle.asn1.DERSet(new DERUTF8String(value)));
	}

	/**
	 * The 基本4情報 of a certificate, or empty when it carries none (an authentication certificate) or carries
	 * them incompletely or in another shape (then nothing is guessed).
	 */
	public static Optional<BasicFourInfo> decode(X509Certificate certificate) {
		byte[] extension = certificate.getExtensionValue(Extension.subjectDirectoryAttributes.getId());
		if (extension == null) {
			return Optional.empty();
		}
		try {
			ASN1Primitive inner = ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(extension).getOctets());
			SubjectDirectoryAttributes sda = SubjectDirectoryAttributes.getInstance(inner);
			Map<ASN1ObjectIdentifier, String> values = new HashMap<>();
			for (Object o : sda.getAttributes()) {
				Attribute attribute = (Attribute) o;
				ASN1Encodable[] vs = attribute.getAttributeValues();
				if (vs.length == 1 && vs[0] instanceof ASN1String s) {
					// The OID object as parsed: Attribute.getAttrType() builds a new one from its string each time.
					values.put((ASN1ObjectIdentifier) ((org.bouncycastle.asn1.ASN1Sequence) attribute.toASN1Primitive())
						.getObjectAt(0), s.getString());
				}
			}
			if (!values.keySet().containsAll(java.util.List.of(NAME, ADDRESS, BIRTH_DATE, GENDER))) {
				return Optional.empty();
			}
			return Optional.of(new BasicFourInfo(values.get(NAME), values.get(ADDRESS),
					LocalDate.parse(values.get(BIRTH_DATE)), values.get(GENDER)));
		}
		catch (IOException | RuntimeException ex) {
			// IllegalArgumentException/ClassCastException from a foreign encoding, DateTimeParseException: no guess
			return Optional.empty();
		}
	}

}
