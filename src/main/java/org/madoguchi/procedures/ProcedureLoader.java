package org.madoguchi.procedures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Publishes the procedure files at start: every {@code classpath:procedures/*.yml}, and every {@code *.yml} in
 * the directory {@code madoguchi.procedures.dir} when set (the city's own procedures; a file there replaces a
 * shipped one with the same name). A text already stored is not stored again, so restarts and other nodes
 * add nothing; a changed file becomes the next version, published by {@code system}. A file that fails the
 * checks stops the start, naming the file and every problem, before anything is published.
 */
@Component
class ProcedureLoader implements ApplicationRunner {

	static final String PUBLISHED_BY = "system";

	private static final Logger log = LoggerFactory.getLogger(ProcedureLoader.class);

	private final ProcedurePublisher publisher;
	private final String directory;

	ProcedureLoader(ProcedurePublisher publisher, @Value("${madoguchi.procedures.dir:}") String directory) {
		this.publisher = publisher;
		this.directory = directory;
	}

	@Override
	public void run(ApplicationArguments args) {
		load();
	}

	/** Returns the versions the files are now (new or already stored), by file name. */
	Map<String, ProcedureVersion> load() {
		Map<String, String> files = files();
		List<String> problems = new ArrayList<>();
		files.forEach((name, source) -> {
			try {
				ProcedureDefinition d = ProcedureYaml.parse(ProcedureStore.canonical(source));
				if (!(d.id() + ".yml").equals(name)) {
					problems.add(name + ": id " + d.id() + " must equal the file name");
				}
			}
			catch (DefinitionException e) {
				e.problems().forEach(p -> problems.add(name + ": " + p));
			}
		});
		if (!problems.isEmpty()) {
			throw new IllegalStateException("procedure definitions with problems:\n  " + String.join("\n  ", problems));
		}
		Map<String, ProcedureVersion> loaded = new LinkedHashMap<>();
		files.forEach((name, source) -> {
			ProcedureVersion v = publisher.publish(source, PUBLISHED_BY);
			loaded.put(name, v);
			log.debug("procedure {} is version {}", v.procedureId(), v.version());
		});
		return loaded;
	}

	/** File name → text; the directory's files after (and over) the shipped ones. */
	private Map<String, String> files() {
		Map<String, String> files = new LinkedHashMap<>();
		try {
			Resource[] shipped = new PathMatchingResourcePatternResolver(getClass().getClassLoader())
				.getResources("classpath*:procedures/*.yml");
			List<Resource> sorted = new ArrayList<>(List.of(shipped));
			sorted.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
			for (Resource r : sorted) {
				checkSize(r.getFilename(), r.contentLength());
				files.put(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8));
			}
			if (directory != null && !directory.isBlank()) {
				Path dir = Path.of(directory);
				if (!Files.isDirectory(dir)) {
					throw new IllegalStateException("madoguchi.procedures.dir is not a directory: " + dir.toAbsolutePath());
				}
				List<Path> paths = new ArrayList<>();
				try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.yml")) {
					stream.forEach(paths::add);
				}
				paths.sort(Comparator.naturalOrder());
				for (Path p : paths) {
					String name = p.getFileName().toString();
					files.remove(name);
					checkSize(name, Files.size(p));
					files.put(name, Files.readString(p, StandardCharsets.UTF_8));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("procedure files cannot be read", e);
		}
		return files;
	}

	/** The parser refuses long texts with a clear problem; a huge file is not worth reading whole. */
	private static void checkSize(String name, long bytes) {
		if (bytes > 4L * ProcedureYaml.MAX_SOURCE_CHARS) {
			throw new IllegalStateException("procedure definitions with problems:\n  " + name + ": the file is larger than "
					+ 4L * ProcedureYaml.MAX_SOURCE_CHARS + " bytes");
		}
	}
}
