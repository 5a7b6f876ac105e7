package org.madoguchi.issuance.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * DEVELOPMENT AND TESTS ONLY: an RFC 3161 time-stamp authority with the development PKI's TSA key, for start-dev
 * ({@code POST /dev/tsa}) and, without HTTP, for the seal signer on this very node
 * ({@link TimestampClient#inProcess}). Serial numbers are random 128-bit numbers, unique across nodes without a
 * shared counter. Thread-safe: each reply gets its own generator (a JCA signature object is not shareable).
 */
public final class DevTimestampAuthority {

	/**
	 * The development TSA policy: an OID under 2.25 (ITU-T X.667, a UUID as OID, needing no registration), from
	 * UUID 5f0c8a3e-7c5b-4e2a-9d1e-3b6f2a9c4d10.
	 */
	public static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier(
			"2.25." + new BigInteger("5f0c8a3e7c5b4e2a9d1e3b6f2a9c4d10", 16));

	/** A request is a hash and a few fields; larger ones are refused. */
	public static final int MAX_REQUEST_BYTES = 8 * 1024;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final IssuingKey key;

	private final Clock clock;

	private final JcaCertStore certificates;

	public DevTimestampAuthority(IssuingKey key, Clock clock) {
		this.key = key;
		this.clock = clock;
		try {
			this.certificates = new JcaCertStore(List.of(key.certificate()));
		}
		catch (java.security.cert.CertificateEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The DER TimeStampResp for a DER TimeStampReq; malformed or unacceptable requests get a rejection reply. */
	public byte[] respond(byte[] request) {
		try {
			TimeStampResponseGenerator responses = new TimeStampResponseGenerator(generator(), TSPAlgorithms.ALLOWED);
			if (request == null || request.length > MAX_REQUEST_BYTES) {
				return responses.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badDataFormat,
						"request larger than " + MAX_REQUEST_BYTES + " bytes").getEncoded();
			}
			TimeStampRequest parsed;
			try {
				parsed = new TimeStampRequest(request);
			}
			catch (IOException | RuntimeException ex) {
				return responses.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badDataFormat,
						"not a TimeStampReq").getEncoded();
			}
			if (parsed.getReqPolicy() != null && !POLICY.equals(parsed.getReqPolicy())) {
				return responses.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.unacceptedPolicy,
						"only policy " + POLICY + " is served").getEncoded();
			}
			BigInteger serial = new BigInteger(128, RANDOM).add(BigInteger.ONE);
			Date now = Date.from(clock.instant());
			// an unsupported hash algorithm or a bad imprint length becomes a rejection reply here
			return responses.generate(parsed, serial, now).getEncoded();
		}
		catch (Exception ex) {
			throw new IllegalStateException("the development TSA failed: " + ex.getMessage(), ex);
		}
	}

	private TimeStampTokenGenerator generator() throws Exception {
		SignerInfoGenerator signer = new JcaSimpleSignerInfoGeneratorBuilder()
			.build(key.signatureAlgorithm(), key.privateKey(), key.certificate());
		DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().build()
			.get(new AlgorithmIdentifier(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256));
		TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer, sha256, POLICY);
		tokens.addCertificates(certificates);
		tokens.setAccuracySeconds(1);
		return tokens;
	}
}
