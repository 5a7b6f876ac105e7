package org.madoguchi.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.madoguchi.identity.TestPki.Authority;

/**
 * Throughput of {@link SignatureVerifier}: the same kind of signature (one 署名用 certificate, RSA 2048, CRLs held
 * in memory) verified by N threads, then the same for a sign-in answer (one 利用者証明用 certificate, 32-byte
 * challenge, {@code verifyAuthentication}). Not a unit test; run by bench/identity-bench.sh.
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
		System.out.printf("signature %d bytes, content %d bytes, threads %d%n", signature.length, content.length,
				threads);
		measure("signatures", () -> verifier.verify(content, signature), threads, warmup, seconds);

		byte[] challenge = new byte[CardChallenge.LENGTH];
		new java.security.SecureRandom().nextBytes(challenge);
		byte[] answer = TestSigner.sign(challenge, pki.issueAuthentication());
		System.out.printf("sign-in answer %d bytes, challenge %d bytes%n", answer.length, challenge.length);
		measure("sign-in answers", () -> verifier.verifyAuthentication(challenge, answer), threads, warmup, seconds);
	}

	private static void measure(String what, Supplier<SignatureReport> verification, int threads, int warmup,
			int seconds) throws InterruptedException {
		SignatureReport first = verification.get();
		if (!first.valid()) {
			throw new IllegalStateException("bench " + what + " do not verify: " + first);
		}
		run(verification, threads, warmup);
		double[] rates = run(verification, threads, seconds);
		System.out.printf("verified %.0f %s/s with %d threads (%d s after %d s warm-up)%n", rates[0], what, threads,
				seconds, warmup);
		// The machine may be shared: CPU time actually given to the workers tells the cost per signature.
		System.out.printf("%.0f %s per CPU-second of the worker threads (%.1f µs CPU each)%n", rates[1], what,
				1e6 / rates[1]);
	}

	private static double[] run(Supplier<SignatureReport> verification, int threads, int seconds)
			throws InterruptedException {
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
					if (verification.get().valid()) {
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
