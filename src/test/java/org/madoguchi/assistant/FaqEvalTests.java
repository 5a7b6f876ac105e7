package org.madoguchi.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation command: metrics on a hand-made run, the corpus format, and (when present) the dev split. */
class FaqEvalTests {

	@Test
	void metricsEqualHandComputedValues() {
		// q1: relevant a (grade 2) at rank 2, b (grade 1) absent. q2: relevant c (grade 1) at rank 1.
		// q3: relevant d (grade 2) not retrieved.
		Map<String, List<String>> run = Map.of("q1", List.of("x", "a", "y"), "q2", List.of("c", "z"), "q3",
				List.of("x"));
		Map<String, Map<String, Integer>> qrels = Map.of("q1", Map.of("a", 2, "b", 1), "q2", Map.of("c", 1), "q3",
				Map.of("d", 2));
		FaqEval.Metrics m = FaqEval.evaluate(run, qrels);
		double log3 = Math.log(3) / Math.log(2);
		double ndcg1 = (2 / log3) / (2 + 1 / log3); // DCG: grade 2 at rank 2; ideal: 2 at 1, 1 at 2
		assertThat(m.queries()).isEqualTo(3);
		assertThat(m.ndcg10()).isCloseTo((ndcg1 + 1 + 0) / 3, within(1e-9));
		assertThat(m.recall10()).isCloseTo((0.5 + 1 + 0) / 3, within(1e-9));
		assertThat(m.mrr10()).isCloseTo((0.5 + 1 + 0) / 3, within(1e-9));
		assertThat(m.sr1()).isCloseTo(1.0 / 3, within(1e-9));
		assertThat(m.sr5()).isCloseTo(2.0 / 3, within(1e-9));
	}

	@Test
	void onlyTheTopTenCount() {
		List<String> eleven = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "rel");
		FaqEval.Metrics m = FaqEval.evaluate(Map.of("q", eleven), Map.of("q", Map.of("rel", 1)));
		assertThat(m.ndcg10()).isZero();
		assertThat(m.recall10()).isZero();
		assertThat(m.mrr10()).isZero();
	}

	@Test
	void corpusValuesAreSplitIntoQuestionAndAnswer() {
		List<FaqEntry> e = FaqEval.entries(Map.of("7", "Question: 犬の登録は？\nAnswer: 必要です。"));
		assertThat(e).singleElement().satisfies(x -> {
			assertThat(x.id()).isEqualTo("7");
			assertThat(x.question()).isEqualTo("犬の登録は？");
			assertThat(x.answer()).isEqualTo("必要です。");
		});
	}

	@Test
	void writesTheRunFile(@TempDir Path dir) throws Exception {
		Path corpus = dir.resolve("c.json");
		Files.writeString(corpus, """
				{"1": "Question: 図書館の開館時間は？\\nAnswer: 9時からです。", "2": "Question: 犬の登録は？\\nAnswer: 必要です。"}
				""");
		Path queries = dir.resolve("q.json");
		Files.writeString(queries, "{\"a\": \"犬を登録したい\"}");
		Path out = dir.resolve("run.tsv");
		FaqEval.main(new String[] { "--corpus", corpus.toString(), "--queries", queries.toString(), "--out",
				out.toString() });
		assertThat(Files.readAllLines(out)).first().isEqualTo("a\t2\t1");
	}

	@Test
	void devSplitWhenPresent(@TempDir Path dir) throws Exception {
		Path data = Path.of("/work/shared/datasets/localgovfaq");
		if (!Files.isDirectory(data)) {
			data = Path.of("../shared/datasets/localgovfaq");
		}
		Assumptions.assumeTrue(Files.isRegularFile(data.resolve("corpus.json")), "LocalgovFAQ not present");
		// prints the figures; no threshold: this is a measurement, not a gate
		FaqEval.main(new String[] { "--corpus", data.resolve("corpus.json").toString(), "--queries",
				data.resolve("queries.json").toString(), "--qrels", data.resolve("qrels.json").toString(), "--out",
				dir.resolve("run.tsv").toString() });
		assertThat(Files.readAllLines(dir.resolve("run.tsv"))).isNotEmpty();
	}
}
