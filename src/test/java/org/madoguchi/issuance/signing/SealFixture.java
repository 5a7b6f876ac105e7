package org.madoguchi.issuance.signing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** A development city PKI in a directory with its TSA in process, the signer and the check over them. */
record SealFixture(DevIssuingPki pki, DevTimestampAuthority tsa, PadesSigner signer, PdfSignatureCheck check) {

	static final SealDetails DETAILS = new SealDetails("東雲野市長", "住民票の写しの電子交付", "東雲野市");

	static SealFixture create(Path directory) {
		return create(DevIssuingPki.ensure(directory));
	}

	static SealFixture create(DevIssuingPki pki) {
		DevTimestampAuthority tsa = new DevTimestampAuthority(pki.tsaKey(), Clock.systemUTC());
		PadesSigner signer = new PadesSigner(pki.sealKey(), TimestampClient.inProcess(tsa), Clock.systemUTC());
		return new SealFixture(pki, tsa, signer, new PdfSignatureCheck(trust(pki), Clock.systemUTC()));
	}

	/** The PKI's root as anchor and its CRL file, read afresh on each check (revocations show at once). */
	static SealTrust trust(DevIssuingPki pki) {
		CrlLocations crls = new CrlLocations(List.of(pki.crlFile().toString()), java.time.Duration.ofMinutes(15),
				Clock.systemUTC());
		return new SealTrust() {
			@Override
			public List<java.security.cert.X509Certificate> anchors() {
				return List.of(pki.root());
			}

			@Override
			public List<java.security.cert.X509Certificate> tsaAnchors() {
				return List.of(pki.root());
			}

			@Override
			public List<java.security.cert.X509CRL> crls() {
				return crls.get();
			}
		};
	}

	byte[] seal(byte[] pdf) {
		return signer.sign(pdf, DETAILS);
	}
}
