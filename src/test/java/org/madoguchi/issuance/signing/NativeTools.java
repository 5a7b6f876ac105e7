package org.madoguchi.issuance.signing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Native cross-check tools (pdfsig, softhsm2-util): a test skips when one is missing, unless
 * {@code MADOGUCHI_ISSUANCE_TOOLS=required} (CI), where a missing tool fails it.
 */
final class NativeTools {

	private NativeTools() {
	}

	/** The tool's path on PATH; skips or fails when absent. */
	static Path require(String tool) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, tool);
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		missing(tool + " is not on PATH");
		return null;
	}

	/** The first existing file; skips or fails when none exists. */
	static Path requireFile(String what, List<String> candidates) {
		for (String c : candidates) {
			if (Files.isRegularFile(Path.of(c))) {
				return Path.of(c);
			}
		}
		missing(what + " not found in " + candidates);
		return null;
	}

	private static void missing(String message) {
		if ("required".equals(System.getenv("MADOGUCHI_ISSUANCE_TOOLS"))) {
			fail(message + " (MADOGUCHI_ISSUANCE_TOOLS=required)");
		}
		assumeTrue(false, message);
	}

	/** Exit status and combined output of a command (one minute at most). */
	record Run(int status, String output) {
	}

	static Run run(Map<String, String> environment, String... command) {
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
			builder.environment().putAll(environment);
			Process process = builder.start();
			byte[] out = process.getInputStream().readAllBytes();
			if (!process.waitFor(1, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not finish");
			}
			return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run " + command[0], ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
