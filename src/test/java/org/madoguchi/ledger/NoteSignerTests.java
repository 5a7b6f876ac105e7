package org.madoguchi.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Signing our own checkpoints with {@link NoteSigner} and reading them back with {@link NoteVerifier}. */
class NoteSignerTests {

	@Test
	void aSignedCheckpointVerifiesAndFailsAfterAnyChange() throws NoSuchAlgorithmException {
		KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		NoteSigner signer = NoteSigner.of("madoguchi.example/ledger", keys);
		NoteVerifier verifier = NoteVerifier.parse(NoteVerifier.of("madoguchi.example/ledger", keys.getPublic()).format());

		MerkleTree tree = new MerkleTree(List.of(MerkleTree.leafHash("申請1".getBytes(StandardCharsets.UTF_8)),
				MerkleTree.leafHash("申請2".getBytes(StandardCharsets.UTF_8))));
		Checkpoint checkpoint = new Checkpoint("madoguchi.example/ledger", tree.size(), tree.root(), List.of());
		String note = signer.sign(checkpoint.text()).format();

		SignedNote opened = verifier.open(note.getBytes(StandardCharsets.UTF_8));
		assertThat(Checkpoint.parse(opened.text())).usingRecursiveComparison().isEqualTo(checkpoint);

		String grown = note.replaceFirst("\n2\n", "\n3\n");
		assertThat(grown).isNotEqualTo(note);
		assertThatThrownBy(() -> verifier.open(grown.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("does not verify");

		NoteVerifier otherKey = NoteVerifier.of("madoguchi.example/ledger",
				KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
		assertThatThrownBy(() -> otherKey.open(note.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("no signature");
	}

	@Test
	void goSumdbTestKeyReproducesThePublishedSignatureByteForByte() {
		NoteSigner peter = NoteSigner.parse(TestVectors.text(TestVectors.dir("checkpoint", "golang-mod-sumdb-note")
			.resolve("PeterNeumann.skey")));
		assertThat(peter.keyId()).isEqualTo(0xc74f20a3);
		String published = TestVectors.text(TestVectors.dir("checkpoint", "golang-mod-sumdb-note").resolve("peter.note"));
		String text = SignedNote.parse(published.getBytes(StandardCharsets.UTF_8)).text();
		assertThat(peter.sign(text).format()).isEqualTo(published);
	}

	@Test
	void refusesTextsThatAreNotNotes() throws NoSuchAlgorithmException {
		NoteSigner signer = NoteSigner.of("k", KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
		assertThatThrownBy(() -> signer.sign("no newline")).hasMessageContaining("end with a newline");
		assertThatThrownBy(() -> signer.sign("bell\u0007\n")).hasMessageContaining("control characters");
		assertThatCode(() -> signer.sign("一行\n")).doesNotThrowAnyException();
		assertThatThrownBy(() -> NoteSigner.parse("PRIVATE+KEY+k+c74f20a3")).hasMessageContaining("PRIVATE+KEY+<name>");
	}
}
