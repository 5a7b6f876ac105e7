package org.madoguchi.ledger;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The city's transparency log (透明性ログ): an append-only Merkle log of issued documents and of the register's
 * access-log records. Entries carry no personal data in clear. Callers append inside their own transaction (an
 * entry exists exactly when the thing it records was committed); a sequencer gives queued entries their index in
 * the log shortly after commit and signs a new checkpoint. Anyone can read the log through the C2SP tlog-tiles
 * API and check inclusion and consistency proofs against a signed checkpoint.
 */
public interface Ledger {

	/** Largest entry accepted, in bytes (an entry bundle stores lengths as 16-bit numbers). */
	int MAX_ENTRY_BYTES = 65_535;

	/**
	 * Queues an entry in the caller's transaction.
	 *
	 * @param kind what the entry records, e.g. {@code issuance}, {@code revocation}, {@code access-log}
	 * @param reference the key of the recorded row in its own table (for {@code ledger verify}); at most 100 chars
	 * @param entry the bytes that are hashed into the log (at most {@link #MAX_ENTRY_BYTES})
	 * @return the queued entry's id (not its index in the log)
	 */
	long append(String kind, String reference, byte[] entry);

	/** The index in the log of a queued entry, once sequenced. */
	OptionalLong indexOf(long entryId);

	/** The latest signed checkpoint; empty while nothing has been sequenced. */
	Optional<SignedCheckpoint> latestCheckpoint();

	/** Proof that the entry at {@code index} is in the tree of {@code treeSize} entries (a signed size). */
	InclusionProof inclusionProof(long index, long treeSize);

	/** Proof that the tree of {@code size1} entries is a prefix of the tree of {@code size2} entries. */
	ConsistencyProof consistencyProof(long size1, long size2);

	/** The RFC 6962 leaf hash of the entry at {@code index}. */
	byte[] leafHash(long index);

	/** Sequences every queued entry now and signs a checkpoint (normally done by a scheduled job). */
	void sequence();

	/** The public key that signs checkpoints, as a C2SP note verifier. */
	NoteVerifier verifier();

	/**
	 * A commitment (秘匿化した値) to data that must not appear in clear in the public log: HMAC-SHA256 under the
	 * log's secret commitment key. The same data always gives the same commitment, so {@code ledger verify} can
	 * recompute an entry from its source row; without the key nobody can guess the data from it.
	 */
	byte[] commitment(byte[] data);

	/**
	 * A checkpoint and the signed note that carries it.
	 *
	 * @param note the whole signed note, as served at {@code /ledger/checkpoint}
	 */
	record SignedCheckpoint(Checkpoint checkpoint, String note) {
	}
}
