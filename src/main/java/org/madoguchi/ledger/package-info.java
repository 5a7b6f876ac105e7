/**
 * Transparency log (透明性ログ, tamper-evident ledger): an append-only log whose history anyone can check.
 *
 * <p>Building blocks: {@link org.madoguchi.ledger.MerkleTree} hashes entries into an RFC 6962 / RFC 9162 Merkle
 * tree and makes inclusion proofs (包含証明, {@link org.madoguchi.ledger.InclusionProof}) and consistency proofs
 * (一貫性証明, {@link org.madoguchi.ledger.ConsistencyProof}), which verify with every bounds check of RFC 9162.
 * A tree head is published as a checkpoint (チェックポイント, C2SP tlog-checkpoint,
 * {@link org.madoguchi.ledger.Checkpoint}) inside a signed note (署名付きノート, C2SP signed-note,
 * {@link org.madoguchi.ledger.SignedNote}), signed with Ed25519 by {@link org.madoguchi.ledger.NoteSigner} and
 * checked by {@link org.madoguchi.ledger.NoteVerifier}.
 *
 * <p>The running log ({@link org.madoguchi.ledger.Ledger}, stored in the application's database, migration V19):
 * modules append entries in their own transaction; a scheduled sequencer ({@code madoguchi.ledger.sequence-interval},
 * 1 s) gives them consecutive indices under a database lock, so several nodes may run it, stores the tree as C2SP
 * tlog-tiles hash tiles and signs a checkpoint after checking that the stored tree still has the previous
 * checkpoint's root. Anyone reads it without signing in under {@code /ledger/}: {@code checkpoint},
 * {@code tile/<L>/<N>[.p/<W>]}, {@code tile/entries/<N>[.p/<W>]}, and JSON proofs and entries.
 * Entries carry no personal data in clear ({@link org.madoguchi.ledger.Ledger#commitment}); modules whose rows are
 * logged implement {@link org.madoguchi.ledger.LedgerSource}, and {@link org.madoguchi.ledger.LedgerAudit}
 * ({@code bin/madoguchi ledger verify}) checks the whole log against the entries and their sources. The checkpoint
 * key and the commitment key come from {@code MADOGUCHI_LEDGER_SIGNING_KEY} and
 * {@code MADOGUCHI_LEDGER_COMMITMENT_KEY}; production refuses to start without them.
 */
package org.madoguchi.ledger;
