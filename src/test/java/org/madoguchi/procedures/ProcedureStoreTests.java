package org.madoguchi.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.madoguchi.procedures.TestProcedures.newId;
import static org.madoguchi.procedures.TestProcedures.small;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Publishing and reading procedure versions on the real database (H2, or PostgreSQL with -Ppostgres). The
 * database is shared with other tests and kept between runs, so every test uses fresh procedure ids.
 */
@SpringBootTest
class ProcedureStoreTests {

	@Autowired
	ProcedurePublisher publisher;

	@Autowired
	ProcedureCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theShippedFilesAreLoadedAtStart() {
		ProcedureVersion v = catalog.current("juminhyo-copy").orElseThrow();
		assertThat(v.definition().name().ja()).isEqualTo("住民票の写しの交付請求");
		assertThat(v.source()).isEqualTo(TestProcedures.juminhyoSource());
		assertThat(catalog.current()).extracting(ProcedureVersion::procedureId).contains("juminhyo-copy");
		// classpath*: the test fixtures in src/test/resources/procedures are published too, in tests only
		assertThat(catalog.current("test-certificate")).hasValueSatisfying(
				t -> assertThat(t.definition().name().ja()).isEqualTo("テスト用証明書の交付請求"));
	}

	@Test
	void aChangedTextIsTheNextVersionAndOldVersionsStayAsTheyWere() {
		String id = newId();
		String first = small(id, "犬の登録", "Dog registration", "OTHER", "");
		String second = small(id, "犬の登録と鑑札", "Dog registration and tag", "OTHER", "");
		ProcedureVersion v1 = publisher.publish(first, "admin1");
		ProcedureVersion v2 = publisher.publish(second, "admin2");
		assertThat(v1.version()).isEqualTo(1);
		assertThat(v2.version()).isEqualTo(2);
		assertThat(v1.sha256()).isEqualTo(ProcedureYaml.sha256(first)).isNotEqualTo(v2.sha256());

		assertThat(catalog.current(id).orElseThrow().version()).isEqualTo(2);
		ProcedureVersion old = catalog.version(id, 1).orElseThrow();
		assertThat(old.definition().name().ja()).isEqualTo("犬の登録");
		assertThat(old.source()).isEqualTo(first);
		assertThat(old.publishedBy()).isEqualTo("admin1");
		assertThat(catalog.version(id, 2).orElseThrow().definition().name().ja()).isEqualTo("犬の登録と鑑札");
		assertThat(catalog.version(id, 3)).isEmpty();
		assertThat(catalog.history(id)).extracting(ProcedureVersion::version).containsExactly(2, 1);

		// the text of version 1 again is version 1, not a new version, and 2 stays current
		assertThat(publisher.publish(first, "admin3").version()).isEqualTo(1);
		assertThat(catalog.history(id)).hasSize(2);
		assertThat(catalog.current(id).orElseThrow().version()).isEqualTo(2);
	}

	@Test
	void theSameTextTwiceIsOneVersionEvenWithWindowsLineEnds() {
		String id = newId();
		String text = small(id, "同じ手続", "Same", "OTHER", "");
		ProcedureVersion v = publisher.publish(text, "admin");
		assertThat(publisher.publish(text, "someone-else")).satisfies(again -> {
			assertThat(again.version()).isEqualTo(v.version());
			assertThat(again.publishedBy()).isEqualTo("admin");
		});
		assertThat(publisher.publish("\uFEFF" + text.replace("\n", "\r\n"), "admin").version()).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM procedure_version WHERE procedure_id = ?", Integer.class, id))
			.isEqualTo(1);
	}

	@Test
	void anInvalidDefinitionIsRefusedWithItsProblemsAndNothingStored() {
		String id = newId();
		String broken = small(id, "壊れた", "Broken", "NOCATEGORY", "");
		assertThatThrownBy(() -> publisher.publish(broken, "admin")).isInstanceOf(DefinitionException.class)
			.hasMessageContaining("NOCATEGORY");
		String noWorkflow = small(id, "壊れた", "Broken", "OTHER", "").replaceAll("workflow:.*", "");
		assertThatThrownBy(() -> publisher.publish(noWorkflow, "admin")).isInstanceOfSatisfying(DefinitionException.class,
				e -> assertThat(e.problems()).anyMatch(p -> p.startsWith("workflow")));
		assertThat(catalog.history(id)).isEmpty();
		assertThat(catalog.current(id)).isEmpty();
		assertThatThrownBy(() -> publisher.publish(small(id, "a", "b", "OTHER", ""), "")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void twoPublishersAtOnce() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				// two different texts for a new procedure: versions 1 and 2, one each
				String id = newId();
				List<ProcedureVersion> different = race(pool, () -> publisher.publish(small(id, "同時A", "A", "OTHER", ""), "a"),
						() -> publisher.publish(small(id, "同時B", "B", "OTHER", ""), "b"));
				assertThat(different).extracting(ProcedureVersion::version).containsExactlyInAnyOrder(1, 2);
				assertThat(catalog.history(id)).extracting(ProcedureVersion::version).containsExactly(2, 1);

				// the same text from two nodes starting together: one version, both told its number
				String same = newId();
				String text = small(same, "同時", "Same", "OTHER", "");
				List<ProcedureVersion> twice = race(pool, () -> publisher.publish(text, "system"),
						() -> publisher.publish(text, "system"));
				assertThat(twice).extracting(ProcedureVersion::version).containsExactly(1, 1);
				assertThat(catalog.history(same)).hasSize(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static List<ProcedureVersion> race(ExecutorService pool, Callable<ProcedureVersion> a, Callable<ProcedureVersion> b)
			throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		Future<ProcedureVersion> fa = pool.submit(() -> {
			start.await();
			return a.call();
		});
		Future<ProcedureVersion> fb = pool.submit(() -> {
			start.await();
			return b.call();
		});
		return List.of(fa.get(30, TimeUnit.SECONDS), fb.get(30, TimeUnit.SECONDS));
	}

	@Test
	void anotherNodeSeesANewVersionWithinFiveSeconds() {
		String id = newId();
		publisher.publish(small(id, "他のノード", "Other node", "OTHER", ""), "admin");
		AtomicLong nanos = new AtomicLong(0);
		ProcedureStore otherNode = new ProcedureStore(jdbc, transactions, Clock.systemUTC(), nanos::get);
		assertThat(otherNode.current(id).orElseThrow().version()).isEqualTo(1);

		publisher.publish(small(id, "他のノード（改）", "Other node revised", "OTHER", ""), "admin");
		// this node sees its own publication at once
		assertThat(catalog.current(id).orElseThrow().version()).isEqualTo(2);
		nanos.addAndGet(TimeUnit.SECONDS.toNanos(4));
		assertThat(otherNode.current(id).orElseThrow().version()).isEqualTo(1);
		nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
		assertThat(otherNode.current(id).orElseThrow().definition().name().ja()).isEqualTo("他のノード（改）");
		// a version read there is the same parsed object each time (kept, never re-read)
		assertThat(otherNode.version(id, 1).orElseThrow()).isSameAs(otherNode.version(id, 1).orElseThrow());
	}

	@Test
	void searchFoldsKanaWidthAndCaseAndNeedsEveryWord() {
		String marker = "mk" + newId().substring(2, 12);
		String waste = newId();
		String tax = newId();
		publisher.publish(small(waste, "粗大ゴミの収集申込み", "Collection of bulky waste", "WASTE",
				"lifeEvents: [MOVING]\nkeywords: [そだいごみ, " + marker + "]"), "admin");
		publisher.publish(small(tax, "軽自動車税の減免申請", "Light vehicle tax relief", "TAX",
				"keywords: [けいじどうしゃ, " + marker + "]"), "admin");

		assertThat(ids(catalog.search("ごみ " + marker, null, null, Locale.JAPANESE))).containsExactly(waste);
		assertThat(ids(catalog.search("ｺﾞﾐ　" + marker.toUpperCase(), null, null, Locale.JAPANESE))).containsExactly(waste);
		assertThat(ids(catalog.search("BULKY  waste " + marker, null, null, Locale.ENGLISH))).containsExactly(waste);
		assertThat(ids(catalog.search("ケイジドウシャ " + marker, null, null, Locale.JAPANESE))).containsExactly(tax);
		assertThat(ids(catalog.search("ごみ 税 " + marker, null, null, Locale.JAPANESE))).isEmpty();
		assertThat(ids(catalog.search(marker, null, null, Locale.JAPANESE))).as("category order").containsExactly(waste, tax);
		assertThat(ids(catalog.search(marker, Category.TAX, null, Locale.JAPANESE))).containsExactly(tax);
		assertThat(ids(catalog.search(marker, null, LifeEvent.MOVING, Locale.JAPANESE))).containsExactly(waste);
		assertThat(ids(catalog.search(marker, Category.WASTE, LifeEvent.BIRTH, Locale.JAPANESE))).isEmpty();
		assertThat(ids(catalog.search("じゅうみんひょう", Category.CERTIFICATES, null, Locale.JAPANESE))).contains("juminhyo-copy");
		assertThat(catalog.search("   ", null, null, Locale.JAPANESE)).hasSameSizeAs(catalog.current());
	}

	@Test
	void catalogOrderIsCategoryThenJapaneseName() {
		String kaId = newId();
		String aId = newId();
		String certId = newId();
		publisher.publish(small(kaId, "かえでの剪定", "Maple pruning", "OTHER", ""), "admin");
		publisher.publish(small(aId, "あさがおの配布", "Morning glory seeds", "OTHER", ""), "admin");
		publisher.publish(small(certId, "ん証明", "Certificate", "CERTIFICATES", ""), "admin");
		List<String> order = ids(catalog.current()).stream().filter(List.of(kaId, aId, certId)::contains).toList();
		assertThat(order).containsExactly(certId, aId, kaId);
	}

	private static List<String> ids(List<ProcedureVersion> versions) {
		return versions.stream().map(ProcedureVersion::procedureId).filter(id -> id.startsWith("t-") || id.equals("juminhyo-copy"))
			.toList();
	}

	@Test
	void theLoaderPublishesDirectoryFilesOnceAsSystem(@TempDir Path dir) throws Exception {
		String id = newId();
		Files.writeString(dir.resolve(id + ".yml"), small(id, "市独自の手続", "A city procedure", "OTHER", ""));
		ProcedureLoader loader = new ProcedureLoader(publisher, dir.toString());
		Map<String, ProcedureVersion> loaded = loader.load();
		assertThat(loaded.get(id + ".yml")).satisfies(v -> {
			assertThat(v.version()).isEqualTo(1);
			assertThat(v.publishedBy()).isEqualTo("system");
		});
		assertThat(loaded).containsKey("juminhyo-copy.yml");
		// a restart adds nothing; a changed file is the next version
		assertThat(loader.load().get(id + ".yml").version()).isEqualTo(1);
		Files.writeString(dir.resolve(id + ".yml"), small(id, "市独自の手続（改）", "A city procedure", "OTHER", ""));
		assertThat(loader.load().get(id + ".yml").version()).isEqualTo(2);
		assertThat(catalog.current(id).orElseThrow().definition().name().ja()).isEqualTo("市独自の手続（改）");
	}

	@Test
	void aBadFileStopsTheStartNamingTheFileAndTheProblems(@TempDir Path dir) throws Exception {
		String good = newId();
		String bad = newId();
		String misnamed = newId();
		Files.writeString(dir.resolve(good + ".yml"), small(good, "正しい", "Fine", "OTHER", ""));
		Files.writeString(dir.resolve(bad + ".yml"), small(bad, "誤り", "Wrong", "OTHER", "").replace("EXAMINER", "CLERK"));
		Files.writeString(dir.resolve("unreadable.yml"), small(newId(), "誤り", "Wrong", "GARDENING", "colour: red"));
		Files.writeString(dir.resolve(misnamed + ".yml"), small(newId(), "名前違い", "Misnamed", "OTHER", ""));
		ProcedureLoader loader = new ProcedureLoader(publisher, dir.toString());
		assertThatThrownBy(loader::load).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining(bad + ".yml: workflow.steps[0].role: ")
			.hasMessageContaining("got CLERK")
			.hasMessageContaining("unreadable.yml: not a valid definition")
			.hasMessageContaining("GARDENING")
			.hasMessageContaining(misnamed + ".yml: id ")
			.hasMessageNotContaining(good + ".yml");
		// nothing was published, not even the good file
		assertThat(catalog.history(good)).isEmpty();
		assertThatThrownBy(() -> new ProcedureLoader(publisher, dir.resolve("missing").toString()).load())
			.hasMessageContaining("not a directory");
	}
}
