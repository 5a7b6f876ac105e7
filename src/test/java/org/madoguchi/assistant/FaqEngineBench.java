package org.madoguchi.assistant;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark of {@link FaqEngine} at 2,000 Q&amp;A (not a test; run by {@code bench/assistant-bench.sh}). The corpus
 * is the product's standard Q&amp;A plus LocalgovFAQ entries read from {@code ../shared} (never copied into the
 * product) up to 2,000; the queries are the LocalgovFAQ development queries.
 *
 * <pre>
 * FaqEngineBench latency DATA_DIR   search p50/p99/p99.9 after warm-up, raw kuromoji analysis of the same queries,
 *                                   rebuild time of 2,000 entries (median of several)
 * FaqEngineBench memory DATA_DIR    heap used after GC by 10 engines x 2,000 entries (run it with -Xmx512m)
 * </pre>
 */
public final class FaqEngineBench {

	static final int ENTRIES = 2_000;

	public static void main(String[] args) throws Exception {
		Path data = Path.of(args.length > 1 ? args[1] : "../shared/datasets/localgovfaq");
		List<FaqEntry> corpus = corpus(data);
		List<String> queries = queries(data);
		switch (args[0]) {
			case "latency" -> latency(corpus, queries);
			case "memory" -> memory(corpus, queries);
			default -> throw new IllegalArgumentException("latency or memory");
		}
	}

	static List<FaqEntry> corpus(Path data) {
		List<FaqEntry> out = new ArrayList<>();
		for (QaEntry e : StandardQa.load(StandardQa.LOCATION)) {
			out.add(e.toFaq());
		}
		Map<String, String> lg = JsonMapper.builder().build().readValue(data.resolve("corpus.json").toFile(),
				new TypeReference<LinkedHashMap<String, String>>() {
				});
		for (FaqEntry e : FaqEval.entries(lg)) {
			if (out.size() == ENTRIES) {
				break;
			}
			out.add(new FaqEntry("lg-" + e.id(), e.question(), e.alternatives(), e.answer()));
		}
		return out;
	}

	static List<String> queries(Path data) {
		Map<String, String> q = JsonMapper.builder().build().readValue(data.resolve("queries.json").toFile(),
				new TypeReference<LinkedHashMap<String, String>>() {
				});
		return new ArrayList<>(q.values());
	}

	static void latency(List<FaqEntry> corpus, List<String> queries) throws Exception {
		System.out.printf(Locale.ROOT, "corpus %d entries, %d queries%n", corpus.size(), queries.size());
		// rebuild: 3 warm-up builds, then the median of 7
		long[] builds = new long[Integer.getInteger("builds", 10)];
		for (int i = 0; i < builds.length; i++) {
			long t0 = System.nanoTime();
			try (FaqEngine e = new FaqEngine(corpus)) {
				builds[i] = System.nanoTime() - t0;
			}
		}
		long[] measured = Arrays.copyOfRange(builds, Math.min(3, builds.length - 1), builds.length);
		Arrays.sort(measured);
		System.out.printf(Locale.ROOT, "rebuild of %d entries: first (cold JVM) %d ms, median of %d warm %d ms, max %d ms%n",
				corpus.size(), builds[0] / 1_000_000, measured.length, measured[measured.length / 2] / 1_000_000,
				measured[measured.length - 1] / 1_000_000);
		try (FaqEngine engine = new FaqEngine(corpus)) {
			for (int round = 0; round < Integer.getInteger("rounds", 20); round++) { // warm-up: JIT
				for (String q : queries) {
					engine.search(q, 5);
					FaqText.analyze(FaqText.normalize(q));
				}
			}
			int rounds = Integer.getInteger("rounds", 20);
			var threads = ManagementFactory.getThreadMXBean();
			long[] search = new long[rounds * queries.size()];
			long[] searchCpu = new long[rounds * queries.size()];
			long[] analyze = new long[rounds * queries.size()];
			int n = 0;
			long sink = 0;
			for (int round = 0; round < rounds; round++) {
				for (String q : queries) {
					long c0 = threads.getCurrentThreadCpuTime();
					long t0 = System.nanoTime();
					FaqResult r = engine.search(q, 5);
					long t1 = System.nanoTime();
					searchCpu[n] = threads.getCurrentThreadCpuTime() - c0;
					FaqText.Analysis a = FaqText.analyze(FaqText.normalize(q));
					long t2 = System.nanoTime();
					search[n] = t1 - t0;
					analyze[n++] = t2 - t1;
					sink += r.hits().size() + a.terms().size();
				}
			}
			report("search(q, 5), single thread, wall", search);
			report("search(q, 5), thread CPU time", searchCpu);
			report("raw kuromoji analysis of the query alone", analyze);
			System.out.println("(checksum " + sink + ")");
		}
		answerLatency(corpus, queries);
	}

	/**
	 * The whole in-process answer as the product gives it: {@link Dialogue#answer} over a {@link QaIndex} (exact
	 * wording, engine search, coverage adjustment, the reply with its texts).
	 */
	static void answerLatency(List<FaqEntry> corpus, List<String> queries) {
		List<QaEntry> entries = corpus.stream()
			.map(e -> new QaEntry(e.id(), "CITY_HALL", e.question(), e.alternatives(), e.answer(), null, null, "総務課",
					"043-201-1011"))
			.toList();
		long t0 = System.nanoTime();
		QaIndex index = new QaIndex(entries, Map.of(), Map.of());
		System.out.printf(Locale.ROOT, "QaIndex build (engine + exact wordings + coverage) of %d entries: %d ms%n",
				entries.size(), (System.nanoTime() - t0) / 1_000_000);
		var messages = new org.springframework.context.support.ResourceBundleMessageSource();
		messages.setBasename("messages/assistant");
		messages.setDefaultEncoding("UTF-8");
		messages.setAlwaysUseMessageFormat(true);
		Dialogue dialogue = new Dialogue(messages, AssistantProperties.defaults(), (id, l) -> null);
		Tenant city = new Tenant("bench", "東雲野市", "Shinonome City", "043-201-1000", null, List.of(), 1);
		int rounds = Integer.getInteger("rounds", 20);
		for (int round = 0; round < rounds; round++) {
			for (String q : queries) {
				dialogue.answer(index, city, q, Locale.JAPANESE, null);
			}
		}
		long[] answer = new long[rounds * queries.size()];
		int n = 0;
		long sink = 0;
		for (int round = 0; round < rounds; round++) {
			for (String q : queries) {
				long a0 = System.nanoTime();
				Reply r = dialogue.answer(index, city, q, Locale.JAPANESE, null);
				answer[n++] = System.nanoTime() - a0;
				sink += r.kind().ordinal();
			}
		}
		report("answer (Dialogue over QaIndex), wall", answer);
		System.out.println("(checksum " + sink + ")");
	}

	static void report(String what, long[] nanos) {
		long[] s = nanos.clone();
		Arrays.sort(s);
		System.out.printf(Locale.ROOT, "%-42s n=%d  p50 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  max %.3f ms  mean %.3f ms%n",
				what, s.length, at(s, 0.50), at(s, 0.99), at(s, 0.999), s[s.length - 1] / 1e6,
				Arrays.stream(s).average().orElse(0) / 1e6);
	}

	private static double at(long[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

	static void memory(List<FaqEntry> corpus, List<String> queries) throws Exception {
		var mem = ManagementFactory.getMemoryMXBean();
		SynonymDictionary dictionary = SynonymDictionary.standard();
		System.gc();
		long base = mem.getHeapMemoryUsage().getUsed();
		List<FaqEngine> tenants = new ArrayList<>();
		for (int t = 0; t < 10; t++) {
			// each tenant its own copies of the texts, as tenants loaded from a database would have
			List<FaqEntry> own = new ArrayList<>(corpus.size());
			for (FaqEntry e : corpus) {
				own.add(new FaqEntry(e.id(), String.valueOf(e.question().toCharArray()), e.alternatives().stream().map(a -> String.valueOf(a.toCharArray())).toList(),
						String.valueOf(e.answer().toCharArray())));
			}
			tenants.add(new FaqEngine(own, dictionary));
		}
		for (FaqEngine e : tenants) { // searched once each, so that searchers and caches exist
			for (String q : queries.subList(0, 50)) {
				e.search(q, 5);
			}
		}
		System.gc();
		long used = mem.getHeapMemoryUsage().getUsed();
		System.out.printf(Locale.ROOT,
				"max heap %d MB; used after GC: %d MB before the engines (one corpus, dictionary loaded), %d MB with "
						+ "10 engines x %d entries, each with its own texts (%.1f MB per engine)%n",
				Runtime.getRuntime().maxMemory() >> 20, base >> 20, used >> 20, corpus.size(),
				(used - base) / 10.0 / (1 << 20));
		System.gc();
		long dictOnly = mem.getHeapMemoryUsage().getUsed();
		for (FaqEngine e : tenants) {
			e.close();
		}
		tenants.clear();
		System.out.println("(" + (dictOnly >> 20) + " MB before closing)");
	}
}
