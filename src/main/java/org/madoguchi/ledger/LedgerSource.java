package org.madoguchi.ledger;

import java.util.Optional;

/**
 * A module whose rows are recorded in the log, so that {@code ledger verify} can compare each entry with the row
 * it records as the database holds it now: an edited row gives other bytes, a deleted row gives none.
 */
public interface LedgerSource {

	/** The entry kind this source answers for (see {@link Ledger#append}). */
	String kind();

	/** The entry the row {@code reference} would give today; empty when the row is gone. */
	Optional<byte[]> currentEntry(String reference);
}
