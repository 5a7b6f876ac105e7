package org.madoguchi.assistant;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Offline evaluation of {@link FaqEngine} ({@code bin/madoguchi faq-eval}): reads a corpus, queries and
 * optionally graded relevance judgements in the JSON layout of the LocalgovFAQ conversion
 * ({@code corpus {doc_id: "Question: …\nAnswer: …"}}, {@code queries {id: text}}, {@code qrels {qid: {doc_id:
 * grade}}}), writes the top 10 per query as {@code query_id<TAB>doc_id<TAB>rank} and prints nDCG@10, Recall@10,
 * MRR@10, SR@1 and SR@5.
 *
 * <pre>
 * faq-eval --corpus C --queries Q --out RUN [--qrels R] [--feedback-queries FQ --feedback-qrels FR]
 * </pre>
 *
 * With {@code --feedback-*} the engine first learns each feedback query as a phrasing of each of its relevant
 * documents (grade ≥ 1), as if residents had pressed "helpful" there, then answers {@code Q}.
 */
public final class FaqEval {

	static final int DEPTH = 10;

	private FaqEval() {
	}

	public static void main(String[] args) throws IOException {
		Map<String, String> opts = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			if (a.startsWith("--") && a.contains("=")) {
				opts.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
			}
			else if (a.startsWith("--") && i + 1 < args.length) {
				opts.put(a.substring(2), args[++i]);
			}
			else {
				usage(System.err, "unexpected argument: " + a);
				System.exit(2);
				return;
			}
		}
		for (String required : List.of("corpus", "queries", "out")) {
			if (!opts.containsKey(required)) {
				usage(System.err, "missing --" + required);
				System.exit(2);
				return;
			}
		}
		if (opts.containsKey("feedback-queries") != opts.containsKey("feedback-qrels")) {
			usage(System.err, "--feedback-queries and --feedback-qrels go together");
			System.exit(2);
			return;
		}
		JsonMapper json = JsonMapper.builder().build();
		Map<String, String> corpus = json.readValue(Path.of(opts.get("corpus")).toFile(),
				new TypeReference<LinkedHashMap<String, String>>() {
				});
		Map<String, String> queries = json.readValue(Path.of(opts.get("queries")).toFile(),
				new TypeReference<LinkedHashMap<String, String>>() {
				});
		long t0 = System.nanoTime();
		try (FaqEngine engine = new FaqEngine(entries(corpus))) {
			long t1 = System.nanoTime();
			int learnt = 0;
			if (opts.containsKey("feedback-queries")) {
				Map<String, String> fq = json.readValue(Path.of(opts.get("feedback-queries")).toFile(),
						new TypeReference<LinkedHashMap<String, String>>() {
						});
				Map<String, Map<String, Integer>> fr = readQrels(json, Path.of(opts.get("feedback-qrels")));
				for (var q : fq.entrySet()) {
					for (var rel : fr.getOrDefault(q.getKey(), Map.of()).entrySet()) {
						if (rel.getValue() >= 1 && engine.entry(rel.getKey()) != null) {
							engine.learn(rel.getKey(), q.getValue());
							learnt++;
						}
					}
				}
			}
			Map<String, List<String>> run = new LinkedHashMap<>();
			for (var q : queries.entrySet()) {
				List<String> ids = new ArrayList<>();
				for (FaqHit h : engine.search(q.getValue(), DEPTH).hits()) {
					ids.add(h.entry().id());
				}
				run.put(q.getKey(), ids);
			}
			long t2 = System.nanoTime();
			try (BufferedWriter w = Files.newBufferedWriter(Path.of(opts.get("out")), StandardCharsets.UTF_8)) {
				for (var r : run.entrySet()) {
					for (int i = 0; i < r.getValue().size(); i++) {
						w.write(r.getKey() + "\t" + r.getValue().get(i) + "\t" + (i + 1) + "\n");
					}
				}
			}
			System.out.printf(Locale.ROOT, "corpus %d entries (indexed in %d ms), %d queries (%.1f ms each)%s%n",
					corpus.size(), (t1 - t0) / 1_000_000, queries.size(),
					queries.isEmpty() ? 0.0 : (t2 - t1) / 1e6 / queries.size(),
					learnt > 0 ? ", " + learnt + " phrasings learnt" : "");
			if (opts.containsKey("qrels")) {
				Metrics m = evaluate(run, readQrels(json, Path.of(opts.get("qrels"))));
				System.out.printf(Locale.ROOT,
						"queries %d  nDCG@10 %.4f  Recall@10 %.4f  MRR@10 %.4f  SR@1 %.4f  SR@5 %.4f%n", m.queries(),
						m.ndcg10(), m.recall10(), m.mrr10(), m.sr1(), m.sr5());
			}
		}
	}

	private static void usage(PrintStream out, String problem) {
		out.println("faq-eval: " + problem);
		out.println("usage: faq-eval --corpus C --queries Q --out RUN [--qrels R]"
				+ " [--feedback-queries FQ --feedback-qrels FR]");
	}

	private static Map<String, Map<String, Integer>> readQrels(JsonMapper json, Path path) {
		return json.readValue(path.toFile(), new TypeReference<LinkedHashMap<String, Map<String, Integer>>>() {
		});
	}

	/** Corpus values are {@code "Question: …\nAnswer: …"}; a value without the markers is all question. */
	static List<FaqEntry> entries(Map<String, String> corpus) {
		List<FaqEntry> out = new ArrayList<>(corpus.size());
		for (var e : corpus.entrySet()) {
			String text = e.getValue() == null ? "" : e.getValue();
			String question = text;
			String answer = "";
			int a = text.indexOf("\nAnswer:");
			if (a >= 0) {
				question = text.substring(0, a);
				answer = text.substring(a + "\nAnswer:".length()).strip();
			}
			if (question.startsWith("Question:")) {
				question = question.substring("Question:".length());
			}
			out.add(new FaqEntry(e.getKey(), question.strip(), List.of(), answer));
		}
		return out;
	}

	/** Mean scores over every query in the judgements (a query missing from the run scores 0). */
	record Metrics(int queries, double ndcg10, double recall10, double mrr10, double sr1, double sr5) {
	}

	/**
	 * nDCG@10 with gain = grade and a log2(rank+1) discount, ideal ranking from the judgements; Recall@10 over
	 * the documents of grade ≥ 1; MRR@10; SR@1 and SR@5 = share of queries with a relevant document at rank 1 /
	 * in the top 5.
	 */
	static Metrics evaluate(Map<String, List<String>> run, Map<String, Map<String, Integer>> qrels) {
		double ndcg = 0, recall = 0, mrr = 0, sr1 = 0, sr5 = 0;
		int n = 0;
		for (var q : qrels.entrySet()) {
			Map<String, Integer> rel = q.getValue();
			long relevant = rel.values().stream().filter(g -> g >= 1).count();
			if (relevant == 0) {
				continue; // nothing to find: no metric is defined
			}
			n++;
			List<String> ranked = run.getOrDefault(q.getKey(), List.of());
			double dcg = 0;
			int found = 0;
			int first = 0;
			for (int i = 0; i < Math.min(DEPTH, ranked.size()); i++) {
				int g = rel.getOrDefault(ranked.get(i), 0);
				if (g >= 1) {
					dcg += g / log2(i + 2);
					found++;
					if (first == 0) {
						first = i + 1;
					}
				}
			}
			List<Integer> ideal = rel.values().stream().filter(g -> g >= 1).sorted((a, b) -> b - a).toList();
			double idcg = 0;
			for (int i = 0; i < Math.min(DEPTH, ideal.size()); i++) {
				idcg += ideal.get(i) / log2(i + 2);
			}
			ndcg += dcg / idcg;
			recall += (double) found / relevant;
			mrr += first == 0 ? 0 : 1.0 / first;
			sr1 += first == 1 ? 1 : 0;
			sr5 += first >= 1 && first <= 5 ? 1 : 0;
		}
		if (n == 0) {
			return new Metrics(0, 0, 0, 0, 0, 0);
		}
		return new Metrics(n, ndcg / n, recall / n, mrr / n, sr1 / n, sr5 / n);
	}

	private static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}
}
