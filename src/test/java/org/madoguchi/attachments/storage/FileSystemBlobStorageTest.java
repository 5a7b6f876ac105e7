package org.madoguchi.attachments.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStorageTest {

	@TempDir
	Path dir;

	@Test
	void storesReadsReplacesAndDeletesBlobsInShardedDirectories() throws IOException {
		FileSystemBlobStorage storage = new FileSystemBlobStorage(dir.resolve("blobs"));
		Path source = file("first version");

		storage.put("originals/3f2a-id", source);

		assertThat(read(storage.get("originals/3f2a-id"))).isEqualTo("first version");
		Path stored = storage.pathOf("originals/3f2a-id");
		assertThat(stored).exists().hasFileName("3f2a-id");
		// originals/<2 hex>/<2 hex>/<key's last segment>
		assertThat(dir.resolve("blobs").relativize(stored).toString().replace('\\', '/'))
			.matches("originals/[0-9a-f]{2}/[0-9a-f]{2}/3f2a-id");

		storage.put("originals/3f2a-id", file("second version"));
		assertThat(read(storage.get("originals/3f2a-id"))).isEqualTo("second version");
		// no temporary files are left next to the blob
		try (Stream<Path> files = Files.list(stored.getParent())) {
			assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("3f2a-id");
		}

		storage.delete("originals/3f2a-id");
		assertThatThrownBy(() -> storage.get("originals/3f2a-id")).isInstanceOf(NoSuchFileException.class);
		storage.delete("originals/3f2a-id"); // absent: no error
	}

	@Test
	void refusesKeysThatCouldLeaveTheDirectory() throws IOException {
		Path root = dir.resolve("blobs");
		FileSystemBlobStorage storage = new FileSystemBlobStorage(root);
		Path source = file("x");
		for (String key : List.of("../outside", "originals/../../outside", "..", "a/..", "/etc/passwd", "a\\..\\b", "a//b",
				"", "a/", "a/./b", "a b", "a\u0000b", "ａ")) {
			assertThatThrownBy(() -> storage.put(key, source)).as(key).isInstanceOf(IllegalArgumentException.class);
			assertThatThrownBy(() -> storage.get(key)).as(key).isInstanceOf(IllegalArgumentException.class);
			assertThatThrownBy(() -> storage.delete(key)).as(key).isInstanceOf(IllegalArgumentException.class);
		}
		assertThat(dir.resolve("outside")).doesNotExist();
		try (Stream<Path> all = Files.walk(dir)) {
			assertThat(all.filter(Files::isRegularFile).toList()).containsExactly(source);
		}
	}

	private Path file(String content) throws IOException {
		Path p = Files.createTempFile(dir, "src", ".bin");
		Files.writeString(p, content);
		return p;
	}

	private static String read(InputStream in) throws IOException {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
