package org.madoguchi.ledger;

import java.util.Base64;
import java.util.List;

/**
 * A checkpoint (チェックポイント, C2SP tlog-checkpoint): the note text a log signs for one tree head. Line 1 is the
 * origin (the log's name), line 2 the tree size in decimal without leading zeros, line 3 the base64 root hash,
 * then optional extension lines; every line ends in a newline.
 *
 * <p>Sizes above {@link Long#MAX_VALUE} (the top half of uint64) are refused.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

	/** Most extension lines accepted. */
	public static final int MAX_EXTENSIONS = 100;

	public Checkpoint {
		if (origin == null || origin.isEmpty()) {
			throw new InvalidNoteException("チェックポイントの起点名が空です (checkpoint origin is empty)");
		}
		if (size < 0) {
			throw new InvalidNoteException("木の大きさが負です (checkpoint size is negative)");
		}
		if (rootHash == null || rootHash.length != Hashes.SIZE) {
			throw new InvalidNoteException("ルートハッシュが32バイトではありません (checkpoint root hash must be 32 bytes)");
		}
		rootHash = rootHash.clone();
		extensions = List.copyOf(extensions);
		if (extensions.size() > MAX_EXTENSIONS) {
			throw new InvalidNoteException("拡張行が多すぎます (checkpoint has more than " + MAX_EXTENSIONS + " extension lines)");
		}
		if (extensions.stream().anyMatch(String::isEmpty)) {
			throw new InvalidNoteException("空の拡張行があります (checkpoint extension line is empty)");
		}
		SignedNote.requireText(text(origin, size, rootHash, extensions));
	}

	@Override
	public byte[] rootHash() {
		return rootHash.clone();
	}

	/** Reads a checkpoint from a note text (e.g. {@link SignedNote#text()} after verification). */
	public static Checkpoint parse(String text) {
		SignedNote.requireText(text);
		List<String> lines = List.of(text.substring(0, text.length() - 1).split("\n", -1));
		if (lines.size() < 3) {
			throw new InvalidNoteException("チェックポイントは3行以上必要です (checkpoint needs origin, size and root hash lines)");
		}
		return new Checkpoint(lines.get(0), parseSize(lines.get(1)), NoteKeys.strictBase64(lines.get(2), "root hash"),
				lines.subList(3, lines.size()));
	}

	/** The note text of this checkpoint, ready for {@link NoteSigner#sign(String)}. */
	public String text() {
		return text(origin, size, rootHash, extensions);
	}

	private static String text(String origin, long size, byte[] rootHash, List<String> extensions) {
		StringBuilder text = new StringBuilder()
			.append(origin).append('\n')
			.append(size).append('\n')
			.append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
		extensions.forEach(line -> text.append(line).append('\n'));
		return text.toString();
	}

	private static long parseSize(String line) {
		if (!line.matches("0|[1-9][0-9]{0,18}")) {
			throw new InvalidNoteException("木の大きさが10進数ではありません (checkpoint size must be decimal digits without leading zeros)");
		}
		try {
			return Long.parseLong(line);
		}
		catch (NumberFormatException ex) {
			throw new InvalidNoteException("木の大きさが大きすぎます (checkpoint size is too large)");
		}
	}
}
