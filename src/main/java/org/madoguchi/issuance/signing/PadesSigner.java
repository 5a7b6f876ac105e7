package org.madoguchi.issuance.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Seals a PDF with the mayor's key as PAdES baseline B-T (ETSI EN 319 142-1): an incremental update adds a
 * signature dictionary (/Filter Adobe.PPKLite, /SubFilter ETSI.CAdES.detached, /M) whose /Contents holds a detached
 * CMS SignedData over the byte range — signed attributes content-type, message-digest and signing-certificate-v2 and
 * no signing-time (the baseline forbids it; the time is the time-stamp's), the certificate chain, and an RFC 3161
 * signature-time-stamp over the signature value as unsigned attribute.
 *
 * <p>Thread-safe: per call it builds its own signer objects; the key, certificates and TSA client are shared.
 */
public final class PadesSigner {

	/** The largest PDF accepted for sealing (a certificate copy is tens of kilobytes). */
	public static final int MAX_PDF_BYTES = PdfSignatureCheck.MAX_PDF_BYTES;

	static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");

	/** Room in /Contents besides our certificates: signer info, time-stamp token without certificates, slack. */
	static final int SIGNATURE_ROOM = 2048;

	private final IssuingKey key;

	private final TimestampClient tsa;

	private final Clock clock;

	/** What the key's chain gives, made on first use (a key in an HSM is not touched before the first seal). */
	private record Prepared(DigestCalculatorProvider digests, JcaCertStore certificates, Attribute signingCertificateV2,
			int contentsSize) {
	}

	private volatile Prepared prepared;

	public PadesSigner(IssuingKey key, TimestampClient tsa, Clock clock) {
		this.key = key;
		this.tsa = tsa;
		this.clock = clock;
	}

	private Prepared prepared() {
		Prepared p = prepared;
		if (p == null) {
			try {
				int chainBytes = 0;
				for (X509Certificate c : key.chain()) {
					chainBytes += c.getEncoded().length;
				}
				// the TSA's certificates travel inside the token: as much room again for them, at least 2 KB (more if a
				// TSA needs it: see sign)
				p = new Prepared(new JcaDigestCalculatorProviderBuilder().build(), new JcaCertStore(key.chain()),
						signingCertificateV2(key.certificate()), chainBytes + SIGNATURE_ROOM + Math.max(2048, chainBytes));
			}
			catch (GeneralSecurityException | OperatorCreationException ex) {
				throw new IllegalStateException("cannot prepare the seal signer: " + ex.getMessage(), ex);
			}
			prepared = p;
		}
		return p;
	}

	/**
	 * The PDF with the seal added as an incremental update (the original bytes stay as they are, in front).
	 *
	 * @throws IllegalArgumentException when the input is not a readable PDF or larger than {@link #MAX_PDF_BYTES}
	 * @throws TimestampException       when the TSA fails (no document without a time-stamp leaves here)
	 */
	public byte[] sign(byte[] unsignedPdf, SealDetails details) {
		int reserved = Math.max(prepared().contentsSize(), grown);
		int[] length = new int[1];
		byte[] sealed = sign(unsignedPdf, details, reserved, length, true);
		if (sealed == null) {
			// a TSA whose tokens carry more certificates than guessed: reserve what it needs from now on, and redo this one
			grown = length[0] + 1024;
			sealed = sign(unsignedPdf, details, grown, length, false);
		}
		return sealed;
	}

	/** The reservation after a CMS did not fit (0 before): tokens of the same TSA are about as large every time. */
	private volatile int grown;

	/**
	 * TESTS ONLY: a seal whose /Contents holds the CMS without the zero padding, found by signing again with the size
	 * the last CMS had until one fits exactly (ECDSA values and time-stamp tokens vary by a byte or two). EU DSS 6.4
	 * parses /Contents with {@code new CMSSignedData(byte[])}, which BouncyCastle 1.85+ refuses when anything (the
	 * padding every PDF signer writes) follows the DER; this lets the tests give DSS our very structure.
	 */
	byte[] signUnpadded(byte[] unsignedPdf, SealDetails details) {
		int size = prepared().contentsSize();
		int[] length = new int[1];
		for (int attempt = 0; attempt < 50; attempt++) {
			byte[] sealed = sign(unsignedPdf, details, size, length, true);
			if (sealed != null && length[0] == size) {
				return sealed;
			}
			size = length[0];
		}
		throw new IllegalStateException("no CMS of a stable size in 50 attempts");
	}

	private byte[] sign(byte[] unsignedPdf, SealDetails details, int contentsSize, int[] cmsLength, boolean probe) {
		if (unsignedPdf == null || unsignedPdf.length > MAX_PDF_BYTES) {
			throw new IllegalArgumentException("PDF to seal is missing or larger than " + MAX_PDF_BYTES + " bytes");
		}
		try (PDDocument document = load(unsignedPdf); SignatureOptions options = new SignatureOptions()) {
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(ETSI_CADES_DETACHED);
			if (details != null) {
				signature.setName(details.name());
				signature.setReason(details.reason());
				signature.setLocation(details.location());
			}
			Calendar now = new GregorianCalendar(TimeZone.getTimeZone("Asia/Tokyo"));
			now.setTimeInMillis(clock.millis());
			signature.setSignDate(now); // /M: informative only; the time-stamp is the proof of time
			options.setPreferredSignatureSize(contentsSize);
			document.addSignature(signature, options);
			ByteArrayOutputStream out = new ByteArrayOutputStream(unsignedPdf.length + 2 * contentsSize + 8192);
			ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
			byte[] cms = cms(external.getContent().readAllBytes());
			cmsLength[0] = cms.length;
			if (probe && cms.length > contentsSize) {
				return null;
			}
			if (cms.length > contentsSize) {
				throw new IllegalStateException("the CMS signature (" + cms.length + " bytes) does not fit the reserved "
						+ contentsSize + " bytes");
			}
			external.setSignature(cms);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot write the sealed PDF: " + ex.getMessage(), ex);
		}
	}

	private static PDDocument load(byte[] pdf) {
		try {
			return Loader.loadPDF(pdf);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("not a readable PDF: " + ex.getMessage(), ex);
		}
	}

	/** The CMS SignedData (DER) over the signed bytes, with its signature time-stamp. */
	byte[] cms(byte[] signedBytes) {
		try {
			JcaContentSignerBuilder signerBuilder = new JcaContentSignerBuilder(key.signatureAlgorithm());
			if (key.provider() != null) {
				signerBuilder.setProvider(key.provider());
			}
			ContentSigner signer = signerBuilder.build(key.privateKey());
			Prepared p = prepared();
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(p.digests())
				.setSignedAttributeGenerator(this::signedAttributes)
				.build(signer, key.certificate()));
			generator.addCertificates(p.certificates());
			CMSSignedData signed = generator.generate(new CMSProcessableByteArray(signedBytes), false);

			SignerInformation signerInfo = signed.getSignerInfos().getSigners().iterator().next();
			byte[] imprint = MessageDigest.getInstance("SHA-256").digest(signerInfo.getSignature());
			TimeStampToken token = tsa.timestamp(imprint);
			ASN1EncodableVector unsigned = new ASN1EncodableVector();
			unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
					new DERSet(token.toCMSSignedData().toASN1Structure())));
			signerInfo = SignerInformation.replaceUnsignedAttributes(signerInfo, new AttributeTable(unsigned));
			return CMSSignedData.replaceSigners(signed, new SignerInformationStore(signerInfo)).getEncoded("DER");
		}
		catch (OperatorCreationException | CMSException | GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("cannot make the seal signature: " + ex.getMessage(), ex);
		}
	}

	/** content-type, message-digest, signing-certificate-v2; deliberately no signing-time. */
	private AttributeTable signedAttributes(@SuppressWarnings("rawtypes") Map parameters) {
		ASN1EncodableVector attributes = new ASN1EncodableVector();
		attributes.add(new Attribute(CMSAttributes.contentType,
				new DERSet((ASN1ObjectIdentifier) parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
		attributes.add(new Attribute(CMSAttributes.messageDigest,
				new DERSet(new DEROctetString((byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST)))));
		attributes.add(prepared().signingCertificateV2());
		return new AttributeTable(attributes);
	}

	/** ESS signing-certificate-v2 (RFC 5035) naming the seal certificate by SHA-256 hash, issuer and serial. */
	static Attribute signingCertificateV2(X509Certificate certificate) throws GeneralSecurityException {
		byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
		IssuerSerial issuerSerial = new IssuerSerial(
				new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
				certificate.getSerialNumber());
		return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
				new DERSet(new SigningCertificateV2(new ESSCertIDv2[] { new ESSCertIDv2(hash, issuerSerial) })));
	}

	/** Bytes reserved for the CMS signature in /Contents (twice as many hex digits in the file). */
	int contentsSize() {
		return prepared().contentsSize();
	}
}
