package org.madoguchi.assistant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The standard Q&amp;A (標準Q&amp;A) loaded at start from {@code classpath:assistant/standard/*.yml}, and the
 * {@link FaqEngine} built over it. The content comes from files in the application, so every node builds the
 * same index itself: there is nothing to share between nodes.
 */
@Component
class StandardQa implements AutoCloseable {

	static final String LOCATION = "classpath*:assistant/standard/*.yml";

	private final Map<String, QaEntry> entries;

	private final List<String> categories;

	private final FaqEngine engine;

	StandardQa() {
		this(load(LOCATION));
	}

	StandardQa(List<QaEntry> list) {
		Map<String, QaEntry> byId = new LinkedHashMap<>();
		Set<String> cats = new LinkedHashSet<>();
		for (QaEntry e : list) {
			if (byId.putIfAbsent(e.id(), e) != null) {
				throw new IllegalStateException("duplicate standard Q&A id " + e.id());
			}
			cats.add(e.category());
		}
		this.entries = Map.copyOf(byId);
		this.categories = List.copyOf(cats);
		this.engine = new FaqEngine(list.stream().map(QaEntry::toFaq).toList());
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

	QaEntry entry(String id) {
		return id == null ? null : entries.get(id);
	}

	/** The categories in file order (each file holds one category). */
	List<String> categories() {
		return categories;
	}

	int size() {
		return entries.size();
	}

	FaqResult search(String text, int k) {
		return engine.search(text, k);
	}

	@Override
	public void close() throws IOException {
		engine.close();
	}
}
