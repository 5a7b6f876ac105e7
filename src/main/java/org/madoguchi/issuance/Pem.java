package org.madoguchi.issuance;

import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** PEM text of certificates and CRLs, as openssl and pdfsig read them. */
final class Pem {

	private static final Base64.Encoder MIME = Base64.getMimeEncoder(64, new byte[] { '\n' });

	private Pem() {
	}

	static String certificates(List<X509Certificate> certificates) {
		StringBuilder sb = new StringBuilder();
		try {
			for (X509Certificate c : certificates) {
				block(sb, "CERTIFICATE", c.getEncoded());
			}
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
		return sb.toString();
	}

	static String crls(List<X509CRL> crls) {
		StringBuilder sb = new StringBuilder();
		try {
			for (X509CRL c : crls) {
				block(sb, "X509 CRL", c.getEncoded());
			}
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
		return sb.toString();
	}

	private static void block(StringBuilder sb, String type, byte[] der) {
		sb.append("-----BEGIN ").append(type).append("-----\n").append(MIME.encodeToString(der)).append('\n')
			.append("-----END ").append(type).append("-----\n");
	}
}
