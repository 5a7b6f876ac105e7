package org.madoguchi.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The verification table of {@code ../shared/testvectors/checkpoint/README.md}: C2SP signed notes and
 * tlog-checkpoints from the C2SP specifications, Go's sumdb/note tests and a real sum.golang.org checkpoint.
 */
class SignedNoteTests {

	@ParameterizedTest(name = "{0} verifies with {1}")
	@CsvSource({ "c2sp-signed-note/example.note, c2sp-signed-note/example.vkey",
			"golang-mod-sumdb-note/peter.note, golang-mod-sumdb-note/PeterNeumann.vkey",
			"golang-mod-sumdb-note/peter-enoch.note, golang-mod-sumdb-note/EnochRoot.vkey",
			"golang-mod-sumdb-note/peter-enoch.note, golang-mod-sumdb-note/PeterNeumann.vkey",
			"torchwood-sumdb/checkpoint-35225469.note, torchwood-sumdb/sum.golang.org.vkey" })
	void validNotesVerifyAndEveryChangedByteFails(String note, String vkey) {
		byte[] bytes = TestVectors.bytes(file(note));
		NoteVerifier verifier = NoteVerifier.parse(TestVectors.text(file(vkey)));
		SignedNote opened = verifier.open(bytes);
		assertThat(opened.format().getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);

		int textBytes = opened.text().getBytes(StandardCharsets.UTF_8).length;
		for (int i = 0; i < textBytes; i++) {
			byte[] tampered = bytes.clone();
			tampered[i] ^= 0x01;
			int at = i;
			assertThatThrownBy(() -> verifier.open(tampered)).as("byte %d changed", at).isInstanceOf(InvalidNoteException.class);
		}
	}

	@Test
	void aSignatureByAnUnknownKeyIsIgnored() {
		SignedNote note = SignedNote.parse(TestVectors.bytes(file("golang-mod-sumdb-note/peter-enoch.note")));
		assertThat(note.signatures()).extracting(NoteSignature::keyName).containsExactly("PeterNeumann", "EnochRoot");
		// Only EnochRoot's key is known: PeterNeumann's line is someone else's business, even when it is forged.
		byte[] forged = note.signatures().get(0).signature();
		forged[0] ^= 1;
		SignedNote withForgedUnknown = new SignedNote(note.text(), List.of(
				new NoteSignature("PeterNeumann", note.signatures().get(0).keyId(), forged), note.signatures().get(1)));
		NoteVerifier enoch = NoteVerifier.parse(TestVectors.text(file("golang-mod-sumdb-note/EnochRoot.vkey")));
		assertThatCode(() -> enoch.verify(withForgedUnknown)).doesNotThrowAnyException();

		// A note signed only by unknown keys does not verify.
		SignedNote peterOnly = SignedNote.parse(TestVectors.bytes(file("golang-mod-sumdb-note/peter.note")));
		assertThatThrownBy(() -> enoch.verify(peterOnly)).hasMessageContaining("no signature by EnochRoot");
		// A forged line claiming the known key fails the note.
		NoteVerifier peter = NoteVerifier.parse(TestVectors.text(file("golang-mod-sumdb-note/PeterNeumann.vkey")));
		assertThatThrownBy(() -> peter.verify(withForgedUnknown)).hasMessageContaining("does not verify");
	}

	@Test
	void theGoldenTreeBodyParses() {
		Checkpoint checkpoint = Checkpoint.parse(TestVectors.text(file("golang-mod-sumdb-note/tlog-tree-golden.txt")));
		assertThat(checkpoint.origin()).isEqualTo("go.sum database tree");
		assertThat(checkpoint.size()).isEqualTo(123456789012L);
		assertThat(checkpoint.rootHash())
			.isEqualTo(MerkleTree.leafHash("hello world".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo(Base64.getDecoder().decode("TszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0="));
		assertThat(checkpoint.extensions()).isEmpty();
		assertThat(checkpoint.text()).isEqualTo(TestVectors.text(file("golang-mod-sumdb-note/tlog-tree-golden.txt")));
	}

	@Test
	void theRealSumdbCheckpointParsesAfterVerification() {
		NoteVerifier sumdb = NoteVerifier.parse(TestVectors.text(file("torchwood-sumdb/sum.golang.org.vkey")));
		assertThat(sumdb.keyId()).isEqualTo(0x033de0ae);
		Checkpoint checkpoint = Checkpoint.parse(sumdb.open(TestVectors.bytes(file("torchwood-sumdb/checkpoint-35225469.note"))).text());
		assertThat(checkpoint.origin()).isEqualTo("go.sum database tree");
		assertThat(checkpoint.size()).isEqualTo(35225469L);
	}

	@Test
	void specExamplesWithoutKeysOnlyParse() {
		SignedNote checkpointNote = SignedNote.parse(TestVectors.bytes(file("c2sp-tlog-examples/tlog-checkpoint-example.note")));
		assertThat(checkpointNote.signatures()).singleElement().extracting(NoteSignature::keyId).isEqualTo(0x033de0ae);
		Checkpoint checkpoint = Checkpoint.parse(checkpointNote.text());
		assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
		assertThat(checkpoint.size()).isEqualTo(20852163L);

		SignedNote cosigned = SignedNote.parse(TestVectors.bytes(file("c2sp-tlog-examples/tlog-cosignature-example.note")));
		assertThat(cosigned.signatures()).extracting(NoteSignature::keyId).containsExactly(0x033de0ae, 0x8d66cf3f);
		// A cosignature holds a big-endian timestamp and a 64-byte signature after the key ID.
		byte[] cosignature = cosigned.signatures().get(1).signature();
		assertThat(cosignature).hasSize(72);
		assertThat(ByteBuffer.wrap(cosignature).getLong()).isEqualTo(1679315147L);
		assertThat(Checkpoint.parse(cosigned.text())).usingRecursiveComparison().isEqualTo(checkpoint);
	}

	@Test
	void verifierKeysAreCheckedAndFormatBack() {
		String vkey = TestVectors.text(file("c2sp-signed-note/example.vkey")).strip();
		NoteVerifier verifier = NoteVerifier.parse(vkey);
		assertThat(verifier.name()).isEqualTo("example.com/foo");
		assertThat(verifier.keyId()).isEqualTo(0x530d903a);
		assertThat(verifier.format()).isEqualTo(vkey);
		assertThatThrownBy(() -> NoteVerifier.parse(vkey.replace("+530d903a+", "+530d903b+")))
			.hasMessageContaining("key ID does not match");
		assertThatThrownBy(() -> NoteVerifier.parse(vkey.replace("+530d903a+", "+530D903A+"))).hasMessageContaining("8 lowercase hex");
		assertThatThrownBy(() -> NoteVerifier.parse(vkey.replace("+AekyeR", "+AukyeR"))).isInstanceOf(InvalidNoteException.class);
		assertThatThrownBy(() -> NoteVerifier.parse("example.com/foo+530d903a")).hasMessageContaining("<name>+<key ID>+<key>");
		assertThatThrownBy(() -> NoteVerifier.parse("bad name+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"))
			.hasMessageContaining("key name");
	}

	@ParameterizedTest(name = "refuses {1}")
	@CsvSource(delimiter = '|', value = {
			"text\\n— k AAAAAAE=\\n| no empty line before the signatures",
			"text\\n\\n— k AAAAAAE=| must end with a newline",
			"text\\n\\n- k AAAAAAE=\\n| must start with U+2014",
			"text\\n\\n— k\\n| needs \"<name> <base64>\"",
			"text\\n\\n— k AAAAAA==\\n| at least one byte",
			"text\\n\\n— k AAAAAAE\\n| not canonical padded base64",
			"text\\r\\n\\n— k AAAAAAE=\\n| control characters",
			"\\n\\n— k AAAAAAE=\\n| must be non-empty" })
	void malformedNotesAreRefusedWithTheReason(String note, String reason) {
		assertThatThrownBy(() -> SignedNote.parse(unescape(note).getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(InvalidNoteException.class)
			.hasMessageContaining(reason);
	}

	@Test
	void limitsOnSizeAndLines() {
		assertThatThrownBy(() -> SignedNote.parse(new byte[SignedNote.MAX_BYTES + 1])).hasMessageContaining("larger than");
		assertThatThrownBy(() -> SignedNote.parse(("x\n".repeat(SignedNote.MAX_TEXT_LINES + 1) + "\n— k AAAAAAE=\n")
			.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("more than " + SignedNote.MAX_TEXT_LINES + " lines");
		assertThatThrownBy(() -> SignedNote.parse(("x\n\n" + "— k AAAAAAE=\n".repeat(SignedNote.MAX_SIGNATURES + 1))
			.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("1.." + SignedNote.MAX_SIGNATURES + " signature lines");
		assertThatThrownBy(() -> SignedNote.parse(new byte[] { 'x', '\n', '\n', (byte) 0xe2, (byte) 0x80 }))
			.hasMessageContaining("not valid UTF-8");
	}

	@ParameterizedTest(name = "refuses checkpoint {1}")
	@CsvSource(delimiter = '|', value = {
			"origin\\n12\\n| origin, size and root hash lines",
			"origin\\n012\\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\\n| without leading zeros",
			"origin\\n-1\\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\\n| without leading zeros",
			"origin\\n 1\\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\\n| without leading zeros",
			"origin\\n9223372036854775808\\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\\n| too large",
			"origin\\n1\\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0\\n| not canonical padded base64",
			"origin\\n1\\naGVsbG8=\\n| must be 32 bytes",
			"\\n1\\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\\n| origin is empty",
			"origin\\n1\\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\\n\\nx\\n| extension line is empty",
			"origin\\n1\\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=| end with a newline" })
	void malformedCheckpointsAreRefusedWithTheReason(String text, String reason) {
		assertThatThrownBy(() -> Checkpoint.parse(unescape(text))).isInstanceOf(InvalidNoteException.class).hasMessageContaining(reason);
	}

	@Test
	void checkpointExtensionLinesAreKept() {
		Checkpoint checkpoint = Checkpoint.parse("origin\n0\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\nrekor\nx y\n");
		assertThat(checkpoint.size()).isZero();
		assertThat(checkpoint.extensions()).containsExactly("rekor", "x y");
		assertThat(Checkpoint.parse(checkpoint.text())).usingRecursiveComparison().isEqualTo(checkpoint);
	}

	/** CSV rows cannot hold line breaks, so they are written as backslash-n and backslash-r. */
	private static String unescape(String row) {
		return row.replace("\\n", "\n").replace("\\r", "\r");
	}

	private static Path file(String relative) {
		return TestVectors.dir("checkpoint").resolve(relative);
	}
}
