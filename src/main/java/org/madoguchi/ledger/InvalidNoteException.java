package org.madoguchi.ledger;

/**
 * A signed note, checkpoint or key string that is malformed or not validly signed (署名付きノートの不備); the
 * message names the part and the reason, Japanese first and English second.
 */
public class InvalidNoteException extends RuntimeException {

	InvalidNoteException(String message) {
		super(message);
	}
}
