package org.madoguchi.assistant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The standard Q&amp;A (標準Q&amp;A) shipped with the application in {@code classpath:assistant/standard/*.yml}: read
 * at start into the knowledge base ({@link KnowledgeBase#seedStandard}), where staff may edit them.
 */
final class StandardQa {

	static final String LOCATION = "classpath*:assistant/standard/*.yml";

	private StandardQa() {
	}

	static List<QaEntry> load(String pattern) {
		YAMLMapper yaml = new YAMLMapper();
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources(pattern);
			// a stable order whatever the class path gives (the engine breaks score ties by order)
			Arrays.sort(files, Comparator.comparing(r -> String.valueOf(r.getFilename())));
			List<QaEntry> out = new ArrayList<>();
			for (Resource r : files) {
				try (InputStream in = r.getInputStream()) {
					List<QaEntry> some = yaml.readValue(in, new TypeReference<List<QaEntry>>() {
					});
					for (QaEntry e : some) {
						if (e.id() == null || e.question() == null || e.answer() == null || e.department() == null
								|| e.phone() == null || e.category() == null) {
							throw new IllegalStateException(r.getFilename() + ": incomplete entry " + e.id());
						}
						out.add(e);
					}
				}
			}
			if (out.isEmpty()) {
				throw new IllegalStateException("no standard Q&A found at " + pattern);
			}
			return out;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
