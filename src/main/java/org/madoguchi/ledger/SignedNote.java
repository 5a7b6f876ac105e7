package org.madoguchi.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A signed note (署名付きノート, C2SP signed-note): UTF-8 text of one or more lines, each ending in a newline, then an
 * empty line, then one or more signature lines. Parsing checks only the form; {@link NoteVerifier} checks
 * signatures.
 *
 * <p>Limits: at most {@value #MAX_BYTES} bytes, {@value #MAX_TEXT_LINES} text lines and
 * {@value #MAX_SIGNATURES} signature lines; no control characters other than newline.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

	/** Largest note accepted, in bytes. */
	public static final int MAX_BYTES = 1024 * 1024;

	public static final int MAX_TEXT_LINES = 10_000;

	public static final int MAX_SIGNATURES = 100;

	public SignedNote {
		requireText(text);
		signatures = List.copyOf(signatures);
		if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
			throw new InvalidNoteException("署名行の数が不正です (a note needs 1.." + MAX_SIGNATURES + " signature lines, got "
					+ signatures.size() + ")");
		}
	}

	/** Reads a note from its bytes. */
	public static SignedNote parse(byte[] note) {
		if (note.length > MAX_BYTES) {
			throw new InvalidNoteException("ノートが大きすぎます (note is larger than " + MAX_BYTES + " bytes)");
		}
		String all = decodeUtf8(note);
		int split = all.lastIndexOf("\n\n");
		if (split < 0) {
			throw new InvalidNoteException("本文と署名の間に空行がありません (no empty line before the signatures)");
		}
		String signatureBlock = all.substring(split + 2);
		if (!signatureBlock.endsWith("\n")) {
			throw new InvalidNoteException("署名行が改行で終わっていません (signature lines must end with a newline)");
		}
		List<NoteSignature> signatures = new ArrayList<>();
		for (String line : signatureBlock.split("\n", -1)) {
			if (signatures.size() > MAX_SIGNATURES) {
				break; // the constructor reports the count
			}
			if (!line.isEmpty()) {
				signatures.add(NoteSignature.parse(line));
			}
		}
		return new SignedNote(all.substring(0, split + 1), signatures);
	}

	/** The note as text: the note text, an empty line, the signature lines. */
	public String format() {
		StringBuilder note = new StringBuilder(text).append('\n');
		signatures.forEach(signature -> note.append(signature.line()).append('\n'));
		return note.toString();
	}

	/** Checks the form of a note text: non-empty, lines end in newlines, no control characters, within limits. */
	static void requireText(String text) {
		if (text.isEmpty() || text.equals("\n") || !text.endsWith("\n")) {
			throw new InvalidNoteException("ノートの本文が空か、改行で終わっていません (note text must be non-empty and end with a newline)");
		}
		if (text.codePoints().anyMatch(c -> c < 0x20 && c != '\n' || c == 0x7f)) {
			throw new InvalidNoteException("ノートに制御文字があります (note text has control characters)");
		}
		if (text.chars().filter(c -> c == '\n').count() > MAX_TEXT_LINES) {
			throw new InvalidNoteException("ノートの行が多すぎます (note text has more than " + MAX_TEXT_LINES + " lines)");
		}
	}

	private static String decodeUtf8(byte[] note) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(note))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidNoteException("ノートが正しいUTF-8ではありません (note is not valid UTF-8)");
		}
	}
}
