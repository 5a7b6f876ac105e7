package org.madoguchi.ledger;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The third-party test vectors: {@code ../shared/testvectors} next to the repository, else the project machines'
 * {@code /work/shared/testvectors} (a clean clone elsewhere, as CI makes, still finds them).
 */
final class TestVectors {

	private static final Path ROOT = Files.isDirectory(Path.of("..", "shared", "testvectors"))
			? Path.of("..", "shared", "testvectors") : Path.of("/work/shared/testvectors");

	private TestVectors() {
	}

	/** The folder, or the test is skipped when the vectors are in neither place. */
	static Path dir(String first, String... more) {
		Path dir = ROOT.resolve(Path.of(first, more));
		assumeTrue(Files.isDirectory(dir), () -> "test vectors missing: " + dir.toAbsolutePath());
		return dir;
	}

	static byte[] bytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String text(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] base64(String text) {
		return Base64.getDecoder().decode(text);
	}
}
