package org.madoguchi.attachments.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Blobs as files under one directory ({@code {madoguchi.data-dir}/attachments} by default). A key
 * {@code originals/<id>} is stored as {@code originals/ab/cd/<id>}, where {@code abcd} starts the SHA-256 of
 * the key, so that no directory grows to hundreds of thousands of entries. A write goes to a temporary file
 * in the target directory, is synced, and is then renamed into place, so a reader sees the old blob or the
 * new one, never half of one.
 */
public final class FileSystemBlobStorage implements BlobStorage {

	private final Path root;

	public FileSystemBlobStorage(Path root) throws IOException {
		this.root = root.toAbsolutePath().normalize();
		Files.createDirectories(this.root);
	}

	public Path root() {
		return root;
	}

	@Override
	public void put(String key, Path file) throws IOException {
		Path target = pathOf(key);
		Files.createDirectories(target.getParent());
		Path temp = Files.createTempFile(target.getParent(), ".put-", ".tmp");
		try {
			try (InputStream in = Files.newInputStream(file);
					FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
					OutputStream out = Channels.newOutputStream(channel)) {
				in.transferTo(out);
				out.flush();
				channel.force(true);
			}
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	@Override
	public InputStream get(String key) throws IOException {
		return Files.newInputStream(pathOf(key));
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(pathOf(key));
	}

	/** The file a key maps to; refuses keys that {@link BlobKeys#check} refuses or that would leave the root. */
	Path pathOf(String key) {
		BlobKeys.check(key);
		String[] segments = key.split("/");
		String hash = sha256(key);
		Path dir = root;
		for (int i = 0; i < segments.length - 1; i++) {
			dir = dir.resolve(segments[i]);
		}
		Path path = dir.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(segments[segments.length - 1])
				.normalize();
		if (!path.startsWith(root)) {
			throw new IllegalArgumentException("blob key leaves the storage directory: " + key);
		}
		return path;
	}

	private static String sha256(String s) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
