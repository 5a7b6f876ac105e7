package org.madoguchi.issuance.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rendering throughput and latency: {@code java -cp … org.madoguchi.issuance.document.RenderBench [threads]
 * [seconds]}. Renders a 世帯連記式 住民票の写し of 3 members (1 page) after a warm-up, on the given number of threads
 * (default 2), and prints documents per second and the per-document p50/p99. Not a unit test: timing belongs here.
 */
public final class RenderBench {

	public static void main(String[] args) throws Exception {
		int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
		int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
		CertifiedCopyRenderer renderer = new CertifiedCopyRenderer();
		CertifiedCopy copy = Samples.juminhyo(3);
		CertifiedCopy large = Samples.copy(DocumentKind.JUMINHYO_COPY, Layout.HOUSEHOLD,
				PrintOptions.standard().withRelationship().withHonseki().withResidentCode().withMyNumber(),
				Samples.household(12));
		System.out.printf("size: 3 members %d bytes, 12 members all items %d bytes (%d pages)%n",
				renderer.render(copy).length, renderer.render(large).length, renderer.renderWithReport(large).pages());
		run(renderer, copy, threads, 5, "warm-up");
		run(renderer, copy, threads, seconds, "3 members, 1 page");
		run(renderer, large, threads, seconds, "12 members, all items, 4 pages");
	}

	private static void run(CertifiedCopyRenderer renderer, CertifiedCopy copy, int threads, int seconds, String label)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		long start = System.nanoTime();
		List<Future<long[]>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			futures.add(pool.submit(() -> {
				java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
				long[] times = new long[1 << 20];
				int n = 0;
				while (System.nanoTime() < end && n < times.length - 1) {
					long c0 = mx.getCurrentThreadCpuTime();
					long t0 = System.nanoTime();
					renderer.render(copy);
					times[n++] = System.nanoTime() - t0;
					times[n++] = -(mx.getCurrentThreadCpuTime() - c0); // CPU time, marked negative
				}
				return Arrays.copyOf(times, n);
			}));
		}
		List<long[]> all = new ArrayList<>();
		for (Future<long[]> f : futures) {
			all.add(f.get());
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		long[] times = all.stream().flatMapToLong(Arrays::stream).filter(t -> t > 0).sorted().toArray();
		long[] cpu = all.stream().flatMapToLong(Arrays::stream).filter(t -> t <= 0).map(t -> -t).sorted().toArray();
		System.out.printf("%s: %d threads, %d docs in %.1f s = %.0f docs/s; wall p50 %.2f ms, p99 %.2f ms;"
				+ " CPU per doc p50 %.2f ms, p99 %.2f ms%n", label, threads, times.length, elapsed,
				times.length / elapsed, times[times.length / 2] / 1e6, times[(int) (times.length * 0.99)] / 1e6,
				cpu[cpu.length / 2] / 1e6, cpu[(int) (cpu.length * 0.99)] / 1e6);
	}
}
