package org.madoguchi.ledger;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * {@code bin/madoguchi ledger keygen --origin NAME}: makes the two production keys of the log without a database —
 * the checkpoint signing key (Go note private key, for {@code MADOGUCHI_LEDGER_SIGNING_KEY}) and the commitment key
 * (for {@code MADOGUCHI_LEDGER_COMMITMENT_KEY}) — and prints the public verifier key to publish. The origin must be
 * the one configured as {@code madoguchi.ledger.origin}.
 */
public final class LedgerKeygen {

	private LedgerKeygen() {
	}

	public static void main(String[] args) {
		String origin = null;
		for (int i = 0; i + 1 < args.length; i++) {
			if ("--origin".equals(args[i])) {
				origin = args[i + 1];
			}
		}
		if (origin == null) {
			System.err.println("usage: bin/madoguchi ledger keygen --origin NAME   (e.g. city.example.jp/log)");
			System.exit(2);
		}
		NoteKeys.requireName(origin);
		String signingKey = LedgerKeys.generateSigningKey(origin);
		byte[] commitment = new byte[LedgerKeys.COMMITMENT_KEY_BYTES];
		new SecureRandom().nextBytes(commitment);
		NoteVerifier verifier = LedgerKeys.verifierOf(NoteSigner.parse(signingKey));
		System.out.println("# keep secret: put these in the environment of every application node");
		System.out.println("MADOGUCHI_LEDGER_SIGNING_KEY=" + signingKey);
		System.out.println("MADOGUCHI_LEDGER_COMMITMENT_KEY=" + Base64.getEncoder().encodeToString(commitment));
		System.out.println("# publish: the verifier key anyone checks checkpoints with (also served at /ledger/key)");
		System.out.println(verifier.format());
	}
}
