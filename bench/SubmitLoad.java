// Concurrent load for Madoguchi's application API and staff queue page. JDK 17, no dependencies.
//   java bench/SubmitLoad.java submit <baseUrl> <bearerToken> <bodyFile> [clients=64] [warmupSec=10] [measureSec=30]
//       POST /api/v1/applications with a fresh Idempotency-Key per request (201 expected)
//   java bench/SubmitLoad.java get <url> <cookieHeader> [clients=8] [warmupSec=5] [measureSec=30]
//       GET a page with a session cookie (200 expected), e.g. the staff queue
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

public class SubmitLoad {
	public static void main(String[] a) throws Exception {
		String mode = a[0];
		boolean submit = mode.equals("submit");
		String url = submit ? a[1] + "/api/v1/applications" : a[1];
		String auth = a[2];
		String body = submit ? Files.readString(Path.of(a[3]), StandardCharsets.UTF_8) : null;
		int argBase = submit ? 4 : 3;
		int clients = a.length > argBase ? Integer.parseInt(a[argBase]) : (submit ? 64 : 8);
		long warmNs = Duration.ofSeconds(a.length > argBase + 1 ? Long.parseLong(a[argBase + 1]) : 10).toNanos();
		long measNs = Duration.ofSeconds(a.length > argBase + 2 ? Long.parseLong(a[argBase + 2]) : 30).toNanos();
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5)).build();
		long start = System.nanoTime(), measStart = start + warmNs, end = measStart + measNs;
		long[][] lat = new long[clients][];
		int[] counts = new int[clients];
		AtomicLong unexpected = new AtomicLong(), errors = new AtomicLong();
		AtomicLong firstBad = new AtomicLong();
		Thread[] ts = new Thread[clients];
		for (int t = 0; t < clients; t++) {
			final int id = t;
			ts[t] = new Thread(() -> {
				long[] l = new long[1 << 16];
				int n = 0;
				while (true) {
					long now = System.nanoTime();
					if (now >= end) break;
					HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
					if (submit) {
						b.header("Authorization", "Bearer " + auth).header("Content-Type", "application/json")
							.header("Accept", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
							.POST(HttpRequest.BodyPublishers.ofString(body));
					}
					else {
						b.header("Cookie", auth).GET();
					}
					long t0 = System.nanoTime();
					HttpResponse<String> res;
					try {
						res = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
					}
					catch (Exception e) {
						errors.incrementAndGet();
						continue;
					}
					long t1 = System.nanoTime();
					if (t0 < measStart || t1 > end) continue;
					int expected = submit ? 201 : 200;
					if (res.statusCode() != expected) {
						if (unexpected.incrementAndGet() == 1) {
							System.err.println("first unexpected response " + res.statusCode() + ": "
									+ res.body().substring(0, Math.min(500, res.body().length())));
						}
						continue;
					}
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
		for (int t = 0; t < clients; t++) { System.arraycopy(lat[t], 0, all, p, counts[t]); p += counts[t]; }
		Arrays.sort(all);
		double secs = measNs / 1e9;
		System.out.printf("mode=%s clients=%d measured=%.0fs ok=%d unexpected=%d errors=%d throughput=%.1f req/s "
				+ "p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms%n", mode, clients, secs, total, unexpected.get(),
				errors.get(), total / secs, pct(all, 50), pct(all, 95), pct(all, 99),
				total == 0 ? 0 : all[total - 1] / 1e6);
	}

	static double pct(long[] s, double p) {
		if (s.length == 0) return Double.NaN;
		int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
		return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
	}
}
