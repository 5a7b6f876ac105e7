/**
 * Transparency log (透明性ログ, tamper-evident ledger): the building blocks of an append-only log whose history
 * anyone can check. {@link org.madoguchi.ledger.MerkleTree} hashes entries into an RFC 6962 / RFC 9162 Merkle
 * tree and makes inclusion proofs (包含証明, {@link org.madoguchi.ledger.InclusionProof}) and consistency proofs
 * (一貫性証明, {@link org.madoguchi.ledger.ConsistencyProof}), which verify with every bounds check of RFC 9162.
 * A tree head is published as a checkpoint (チェックポイント, C2SP tlog-checkpoint,
 * {@link org.madoguchi.ledger.Checkpoint}) inside a signed note (署名付きノート, C2SP signed-note,
 * {@link org.madoguchi.ledger.SignedNote}), signed with Ed25519 by {@link org.madoguchi.ledger.NoteSigner} and
 * checked by {@link org.madoguchi.ledger.NoteVerifier}.
 *
 * <p>This step is a library only: no tables, no web pages, no Spring beans. Only the JDK is used (Ed25519 is in
 * the JDK since 15). A log must never sign two inconsistent checkpoints; clients check consistency proofs
 * between the checkpoints they saw.
 */
package org.madoguchi.ledger;
