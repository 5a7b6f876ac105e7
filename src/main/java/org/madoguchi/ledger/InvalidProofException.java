package org.madoguchi.ledger;

/** An inclusion or consistency proof (包含証明・一貫性証明) that does not prove what it claims; the message says why. */
public class InvalidProofException extends RuntimeException {

	InvalidProofException(String message) {
		super(message);
	}
}
