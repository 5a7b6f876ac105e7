// Concurrent lookup load for Madoguchi's register API. JDK 17, no dependencies.
// java bench/LookupLoad.java <baseUrl> <token> <atena|kana> <valuesFile> [threads=32] [warmupSec=5] [measureSec=30]
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

public class LookupLoad {
	public static void main(String[] a) throws Exception {
		String base = a[0], token = a[1], kind = a[2];
		List<String> values = Files.readAllLines(Path.of(a[3]), StandardCharsets.UTF_8).stream()
				.map(String::strip).filter(s -> !s.isEmpty()).toList();
		int threads = a.length > 4 ? Integer.parseInt(a[4]) : 32;
		long warmNs = Duration.ofSeconds(a.length > 5 ? Long.parseLong(a[5]) : 5).toNanos();
		long measNs = Duration.ofSeconds(a.length > 6 ? Long.parseLong(a[6]) : 30).toNanos();
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5)).build();
		long start = System.nanoTime(), measStart = start + warmNs, end = measStart + measNs;
		long[][] lat = new long[threads][];
		int[] counts = new int[threads];
		AtomicLong non200 = new AtomicLong(), errors = new AtomicLong();
		Thread[] ts = new Thread[threads];
		for (int t = 0; t < threads; t++) {
			final int id = t;
			ts[t] = new Thread(() -> {
				long[] l = new long[1 << 16];
				int n = 0;
				ThreadLocalRandom r = ThreadLocalRandom.current();
				while (true) {
					long now = System.nanoTime();
					if (now >= end) break;
					String v = URLEncoder.encode(values.get(r.nextInt(values.size())), StandardCharsets.UTF_8);
					String q = kind.equals("atena") ? "atenaNumber=" + v : "kana=" + v + "&limit=20";
					HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/register/residents?" + q))
							.header("Authorization", "Bearer " + token).header("Accept", "application/json")
							.timeout(Duration.ofSeconds(30)).GET().build();
					long t0 = System.nanoTime();
					int status;
					try {
						status = client.send(req, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
					}
					catch (Exception e) {
						errors.incrementAndGet();
						continue;
					}
					long t1 = System.nanoTime();
					if (t0 < measStart || t1 > end) continue; // warm-up or straddling the end
					if (status != 200) { non200.incrementAndGet(); continue; }
					if (n == l.length) l = Arrays.copyOf(l, n * 2);
					l[n++] = t1 - t0;
				}
				lat[id] = l;
				counts[id] = n;
			});
			ts[t].start();
		}
		for (Thread t : ts) t.join();
		int total = Arrays.stream(counts).sum();
		long[] all = new long[total];
		int p = 0;
		for (int t = 0; t < threads; t++) { System.arraycopy(lat[t], 0, all, p, counts[t]); p += counts[t]; }
		Arrays.sort(all);
		double secs = measNs / 1e9;
		System.out.printf("kind=%s threads=%d measured=%.0fs ok=%d non200=%d errors=%d throughput=%.1f req/s "
				+ "p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms mean=%.2fms%n", kind, threads, secs, total, non200.get(),
				errors.get(), total / secs, pct(all, 50), pct(all, 95), pct(all, 99),
				total == 0 ? 0 : all[total - 1] / 1e6, total == 0 ? 0 : Arrays.stream(all).average().orElse(0) / 1e6);
	}

	static double pct(long[] s, double p) {
		if (s.length == 0) return Double.NaN;
		int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
		return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
	}
}
