package org.madoguchi.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.madoguchi.identity.TestPki.Authority;

/**
 * Throughput of {@link SignatureVerifier}: the same kind of signature (one 署名用 certificate, RSA 2048, CRLs held
 * in memory) verified by N threads. Not a unit test; run by bench/identity-bench.sh.
 *
 * <pre>java -cp ... org.madoguchi.identity.VerifyBench [threads=2] [warmupSeconds=5] [seconds=15]</pre>
 */
public final class VerifyBench {

	public static void main(String[] args) throws Exception {
		int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
		int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;

		TestPki pki = TestPki.create();
		TestPki.Credential resident = pki.issueSigning(new BasicFourInfo("東雲 花子", "東雲野市本町一丁目2番3号",
				LocalDate.of(1990, 4, 1), "女"));
		byte[] content = Jcs.canonicalize(Map.of("procedure", "転入届", "applicant", "東雲 花子"));
		byte[] signature = TestSigner.sign(content, resident);
		SignatureVerifier verifier = new SignatureVerifier(List.of(pki.root()),
				List.of(pki.certificate(Authority.SIGNING), pki.certificate(Authority.AUTHENTICATION)),
				new InMemoryCrlSource(pki.crls()), Clock.systemUTC());
		SignatureReport first = verifier.verify(content, signature);
		if (!first.valid()) {
			throw new IllegalStateException("bench signature does not verify: " + first);
		}
		System.out.printf("signature %d bytes, content %d bytes, threads %d%n", signature.length, content.length,
				threads);
		run(verifier, content, signature, threads, warmup);
		double[] rates = run(verifier, content, signature, threads, seconds);
		System.out.printf("verified %.0f signatures/s with %d threads (%d s after %d s warm-up)%n", rates[0],
				threads, seconds, warmup);
		// The machine may be shared: CPU time actually given to the workers tells the cost per signature.
		System.out.printf("%.0f signatures per CPU-second of the worker threads (%.1f µs CPU per signature)%n",
				rates[1], 1e6 / rates[1]);
	}

	private static double[] run(SignatureVerifier verifier, byte[] content, byte[] signature, int threads,
			int seconds) throws InterruptedException {
		AtomicBoolean stop = new AtomicBoolean();
		LongAdder done = new LongAdder();
		LongAdder failed = new LongAdder();
		LongAdder cpuNanos = new LongAdder();
		java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
		Thread[] workers = new Thread[threads];
		for (int i = 0; i < threads; i++) {
			workers[i] = new Thread(() -> {
				long cpuStart = mx.getCurrentThreadCpuTime();
				while (!stop.get()) {
					if (verifier.verify(content, signature).valid()) {
						done.increment();
					}
					else {
						failed.increment();
					}
				}
				cpuNanos.add(mx.getCurrentThreadCpuTime() - cpuStart);
			});
		}
		long start = System.nanoTime();
		for (Thread worker : workers) {
			worker.start();
		}
		Thread.sleep(seconds * 1000L);
		stop.set(true);
		for (Thread worker : workers) {
			worker.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		if (failed.sum() > 0) {
			throw new IllegalStateException(failed.sum() + " verifications failed");
		}
		return new double[] { done.sum() / elapsed, done.sum() / (cpuNanos.sum() / 1e9) };
	}
}
