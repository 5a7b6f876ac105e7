package org.madoguchi.issuance.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * One RFC 3161 request with a fresh 64-bit nonce, and the checks on its reply: status granted, the nonce and the
 * message imprint echoed, the token signed by the certificate it names, that certificate marked for time-stamping
 * only (id-kp-timeStamping, critical; checked by BouncyCastle's token validation).
 */
final class TimestampExchange {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TimeStampRequest request;

	private TimestampExchange(TimeStampRequest request) {
		this.request = request;
	}

	static TimestampExchange request(byte[] sha256Digest) {
		if (sha256Digest == null || sha256Digest.length != 32) {
			throw new IllegalArgumentException("a SHA-256 digest has 32 bytes");
		}
		TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
		generator.setCertReq(true); // the token must carry the TSA certificate, for validators offline
		return new TimestampExchange(
				generator.generate(TSPAlgorithms.SHA256, sha256Digest, new BigInteger(64, RANDOM)));
	}

	byte[] encoded() {
		try {
			return request.getEncoded();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The token of a reply, after every check. */
	TimeStampToken accept(byte[] reply) {
		return accept(reply, true);
	}

	/**
	 * As {@link #accept(byte[])}; without {@code verifySignature} the token's signature is not verified again (for
	 * the TSA in this very process: its key is ours, and an ECDSA verification costs as much as the stamp itself).
	 */
	TimeStampToken accept(byte[] reply, boolean verifySignature) {
		TimeStampResponse response;
		try {
			response = new TimeStampResponse(reply);
		}
		catch (TSPException | IOException | RuntimeException ex) {
			throw new TimestampException("the TSA reply is not an RFC 3161 TimeStampResp: " + ex.getMessage(), ex);
		}
		int status = response.getStatus();
		if (status != PKIStatus.GRANTED && status != PKIStatus.GRANTED_WITH_MODS) {
			throw new TimestampException("the TSA refused: status " + status + ", failure info "
					+ (response.getFailInfo() == null ? "none" : response.getFailInfo().intValue()) + ", "
					+ response.getStatusString());
		}
		try {
			// nonce, message imprint (algorithm and value), requested policy, certReq honoured
			response.validate(request);
		}
		catch (TSPException ex) {
			throw new TimestampException("the TSA reply does not answer our request: " + ex.getMessage(), ex);
		}
		TimeStampToken token = response.getTimeStampToken();
		if (!verifySignature) {
			return token;
		}
		X509Certificate tsa = signerOf(token);
		try {
			token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
		}
		catch (Exception ex) {
			throw new TimestampException("the time-stamp token does not verify (signature, signing certificate or "
					+ "its id-kp-timeStamping): " + ex.getMessage(), ex);
		}
		return token;
	}

	/** The certificate in the token that signed it. */
	static X509Certificate signerOf(TimeStampToken token) {
		@SuppressWarnings("unchecked")
		var matches = token.getCertificates().getMatches(token.getSID());
		if (matches.isEmpty()) {
			throw new TimestampException("the time-stamp token does not carry its TSA certificate");
		}
		try {
			return new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) matches.iterator().next());
		}
		catch (java.security.cert.CertificateException ex) {
			throw new TimestampException("the TSA certificate in the token cannot be read", ex);
		}
	}
}
