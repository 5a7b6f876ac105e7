package org.madoguchi.issuance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.madoguchi.MadoguchiApplication;
import org.madoguchi.citygen.SyntheticCity;
import org.madoguchi.issuance.document.DocumentKind;
import org.madoguchi.issuance.document.Layout;
import org.madoguchi.ledger.Ledger;
import org.madoguchi.registry.AtenaNumber;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Benchmark (not a test): whole counter issuances per second — register read, rules, 発行番号, rendering, PAdES B-T
 * seal with the PKCS#12 key and the in-process development TSA, transparency-log entry, the history row with the PDF
 * and the access-log entry, each in its own transaction — on N threads; then the public verification of issued PDFs
 * (seal check + record lookup + inclusion proof) p50/p99, and the database's own rate for rows of the same size.
 *
 * <pre>bench/issuance-full-bench.sh [jdbc-url] [threads] [seconds]</pre>
 */
public final class IssuanceBench {

	public static void main(String[] args) throws Exception {
		String url = args.length > 0 ? args[0] : "jdbc:h2:file:/tmp/madoguchi-issuance-bench/h2;DB_CLOSE_DELAY=-1";
		int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
		int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
		ConfigurableApplicationContext context = new SpringApplicationBuilder(MadoguchiApplication.class)
			.web(WebApplicationType.NONE)
			.profiles("test")
			.properties("spring.datasource.url=" + url, "spring.datasource.username=" + (url.contains("postgresql") ? "postgres" : "sa"),
					"madoguchi.data-dir=/tmp/madoguchi-issuance-bench/data",
					"madoguchi.identity.dev-directory=/tmp/madoguchi-issuance-bench/data/identity-dev",
					"madoguchi.issuance.dev-directory=/tmp/madoguchi-issuance-bench/data/issuance-dev",
					"madoguchi.ledger.dev-key-file=/tmp/madoguchi-issuance-bench/data/ledger-dev/signing.key",
					"logging.level.root=WARN")
			.run();
		try {
			run(context, threads, seconds);
		}
		finally {
			context.close();
		}
	}

	private static void run(ConfigurableApplicationContext context, int threads, int seconds) throws Exception {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		Issuance issuance = context.getBean(Issuance.class);
		Verification verification = context.getBean(Verification.class);
		Ledger ledger = context.getBean(Ledger.class);
		asStaff();
		if (jdbc.queryForObject("SELECT COUNT(*) FROM resident_record WHERE latest", Integer.class) < 500) {
			context.getBean(SyntheticCity.class).generate(1000, 42, n -> {
			});
		}
		List<String> persons = jdbc.queryForList("SELECT r.atena_number FROM resident_record r WHERE r.latest AND "
				+ "r.status = 'RESIDENT' AND NOT EXISTS (SELECT 1 FROM support_measure s WHERE s.atena_number = "
				+ "r.atena_number) AND NOT EXISTS (SELECT 1 FROM suppression p WHERE p.target_number IN "
				+ "(r.atena_number, r.household_number)) ORDER BY r.atena_number", String.class);
		System.out.printf("persons to issue for: %d%n", persons.size());

		// warm-up, then the measured run
		issueFor(issuance, persons, threads, 5);
		Result r = issueFor(issuance, persons, threads, seconds);
		System.out.printf("full issuance (1-person 個人票, PKCS#12 seal, TSA, log, DB), %d threads: %.1f docs/s; "
				+ "latency p50 %.1f ms, p99 %.1f ms (%d docs in %d s)%n", threads, r.count / (double) seconds,
				r.percentile(50), r.percentile(99), r.count, seconds);

		ledger.sequence();
		List<java.util.UUID> ids = jdbc.queryForList("SELECT id FROM issued_document ORDER BY issued_at DESC LIMIT 200",
				java.util.UUID.class);
		List<byte[]> pdfs = new ArrayList<>();
		for (java.util.UUID id : ids) {
			pdfs.add(jdbc.queryForObject("SELECT pdf FROM issued_document WHERE id = ?", byte[].class, id));
		}
		for (int i = 0; i < 500; i++) {
			verification.verify(pdfs.get(i % pdfs.size()));
		}
		long[] v = new long[2000];
		for (int i = 0; i < v.length; i++) {
			long t = System.nanoTime();
			Verification.Result result = verification.verify(pdfs.get(i % pdfs.size()));
			v[i] = System.nanoTime() - t;
			if (result.outcome() != Verification.Outcome.VALID) {
				throw new IllegalStateException("not valid: " + result.signature());
			}
		}
		Arrays.sort(v);
		System.out.printf("verification of an uploaded PDF (%d bytes avg; seal, record, inclusion proof), 1 thread: "
				+ "p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", pdfs.stream().mapToInt(p -> p.length).sum() / pdfs.size(),
				v[v.length / 2] / 1e6, v[v.length * 99 / 100] / 1e6, v[v.length - 1] / 1e6);

		// the database's own limit for rows like issued_document (the PDF is most of it), same run
		jdbc.execute("CREATE TABLE IF NOT EXISTS bench_blob (id BIGINT PRIMARY KEY, body BYTEA NOT NULL)");
		jdbc.execute("DELETE FROM bench_blob");
		byte[] body = pdfs.get(0);
		long t0 = System.nanoTime();
		int rows = 2000;
		for (int i = 0; i < rows; i += 1) {
			jdbc.update("INSERT INTO bench_blob (id, body) VALUES (?, ?)", (long) i, body);
		}
		double rate = rows / ((System.nanoTime() - t0) / 1e9);
		jdbc.execute("DROP TABLE bench_blob");
		System.out.printf("raw: the database inserts %.0f rows/s of %d bytes (one per autocommit transaction, 1 "
				+ "thread)%n", rate, body.length);
	}

	private static Result issueFor(Issuance issuance, List<String> persons, int threads, int seconds)
			throws InterruptedException {
		AtomicBoolean stop = new AtomicBoolean();
		AtomicLong count = new AtomicLong();
		List<long[]> latencies = new ArrayList<>();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			long[] mine = new long[200_000];
			latencies.add(mine);
			Thread w = new Thread(() -> {
				asStaff();
				int n = 0;
				while (!stop.get() && n < mine.length) {
					AtenaNumber a = new AtenaNumber(persons.get(ThreadLocalRandom.current().nextInt(persons.size())));
					long t0 = System.nanoTime();
					issuance.issue(new CertificateOrder(DocumentKind.JUMINHYO_COPY, Layout.INDIVIDUAL, Set.of(),
							List.of(a), CertificateOrder.Requester.resident(a), "bench", IssueChannel.COUNTER, null, null,
							1), "bench", false);
					mine[n++] = System.nanoTime() - t0;
					count.incrementAndGet();
				}
				mine[mine.length - 1] = n; // how many were filled
			});
			workers.add(w);
			w.start();
		}
		Thread.sleep(seconds * 1000L);
		stop.set(true);
		for (Thread w : workers) {
			w.join();
		}
		long[] all = latencies.stream()
			.flatMapToLong(l -> Arrays.stream(l, 0, (int) l[l.length - 1]))
			.sorted()
			.toArray();
		return new Result(count.get(), all);
	}

	private static void asStaff() {
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("bench", "n/a",
				AuthorityUtils.createAuthorityList("ROLE_COUNTER")));
	}

	private record Result(long count, long[] sorted) {

		double percentile(int p) {
			return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
		}
	}
}
