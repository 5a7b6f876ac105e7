package org.madoguchi.assistant;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Offline tuning aid (not a test): evaluates {@link FaqEngine} settings on the LocalgovFAQ development split with
 * two-fold cross-validation of the feedback step. Halves: dev query ids sorted numerically, the first 187 are A,
 * the rest B. Each argument is one setting, {@code name=value[,name=value...]} over {@code madoguchi.faq.*};
 * {@code -} is the defaults.
 *
 * <pre>java -cp test-classpath org.madoguchi.assistant.FaqTune [DATA_DIR] - prf=0.3 ...</pre>
 */
public final class FaqTune {

	public static void main(String[] args) throws Exception {
		Path data = Path.of(System.getProperty("faq.data", "../shared/datasets/localgovfaq"));
		JsonMapper json = JsonMapper.builder().build();
		Map<String, String> corpus = json.readValue(data.resolve("corpus.json").toFile(),
				new TypeReference<LinkedHashMap<String, String>>() {
				});
		Map<String, String> queries = json.readValue(data.resolve("queries.json").toFile(),
				new TypeReference<LinkedHashMap<String, String>>() {
				});
		Map<String, Map<String, Integer>> qrels = json.readValue(data.resolve("qrels.json").toFile(),
				new TypeReference<LinkedHashMap<String, Map<String, Integer>>>() {
				});
		List<String> ids = new ArrayList<>(queries.keySet());
		ids.sort((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
		List<String> a = ids.subList(0, 187);
		List<String> b = ids.subList(187, ids.size());
		List<FaqEntry> entries = FaqEval.entries(corpus);
		for (String setting : args) {
			System.getProperties().stringPropertyNames()
				.stream()
				.filter(n -> n.startsWith("madoguchi.faq."))
				.toList()
				.forEach(System::clearProperty);
			if (!setting.equals("-")) {
				for (String kv : setting.split(",")) {
					String[] p = kv.split("=");
					System.setProperty("madoguchi.faq." + p[0], p[1]);
				}
			}
			long t0 = System.nanoTime();
			double pa, pb, fa, fb;
			try (FaqEngine plain = new FaqEngine(entries)) {
				long t1 = System.nanoTime();
				pa = ndcg(plain, a, queries, qrels);
				pb = ndcg(plain, b, queries, qrels);
				long t2 = System.nanoTime();
				System.out.printf(Locale.ROOT, "  [index %d ms, %.2f ms/query]%n", (t1 - t0) / 1_000_000,
						(t2 - t1) / 1e6 / ids.size());
			}
			try (FaqEngine e = new FaqEngine(entries)) {
				learn(e, a, queries, qrels);
				fb = ndcg(e, b, queries, qrels);
			}
			try (FaqEngine e = new FaqEngine(entries)) {
				learn(e, b, queries, qrels);
				fa = ndcg(e, a, queries, qrels);
			}
			double full = (pa * a.size() + pb * b.size()) / ids.size();
			System.out.printf(Locale.ROOT, "%-50s full %.4f  A %.4f B %.4f  A<-B %.4f (%+.4f)  B<-A %.4f (%+.4f)%n",
					setting, full, pa, pb, fa, fa - pa, fb, fb - pb);
		}
	}

	static void learn(FaqEngine e, List<String> ids, Map<String, String> queries,
			Map<String, Map<String, Integer>> qrels) {
		for (String id : ids) {
			for (var rel : qrels.getOrDefault(id, Map.of()).entrySet()) {
				if (rel.getValue() >= 1 && e.entry(rel.getKey()) != null) {
					e.learn(rel.getKey(), queries.get(id));
				}
			}
		}
	}

	static double ndcg(FaqEngine e, List<String> ids, Map<String, String> queries,
			Map<String, Map<String, Integer>> qrels) {
		Map<String, List<String>> run = new LinkedHashMap<>();
		Map<String, Map<String, Integer>> rel = new LinkedHashMap<>();
		for (String id : ids) {
			List<String> r = new ArrayList<>();
			for (FaqHit h : e.search(queries.get(id), FaqEval.DEPTH).hits()) {
				r.add(h.entry().id());
			}
			run.put(id, r);
			if (qrels.containsKey(id)) {
				rel.put(id, qrels.get(id));
			}
		}
		return FaqEval.evaluate(run, rel).ndcg10();
	}
}
