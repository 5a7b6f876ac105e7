package org.madoguchi.issuance.signing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seal throughput and check latency, in one JVM (bench/issuance-bench.sh runs it):
 * <ol>
 * <li>raw limit: bare SHA256withECDSA signatures per second with the same P-256 seal key, N threads;</li>
 * <li>in-process TSA tokens per second (the development TSA, as start-dev seals);</li>
 * <li>seals per second: {@link PadesSigner#sign} of a typical 2-page certificate with embedded IPAex Gothic, N threads;</li>
 * <li>{@link PdfSignatureCheck#check} latency p50/p99/max on the sealed file, one thread.</li>
 * </ol>
 * Arguments: threads warmupSeconds seconds checkIterations.
 */
public final class SigningBench {

	public static void main(String[] args) throws Exception {
		int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
		int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
		int checks = args.length > 3 ? Integer.parseInt(args[3]) : 3000;

		Path dir = Files.createTempDirectory("signing-bench");
		SealFixture city = SealFixture.create(dir);
		byte[] pdf = SamplePdfs.certificate(2, true);
		byte[] sealed = city.seal(pdf);
		System.out.printf("document: %d bytes unsigned (2 pages, IPAex Gothic subset, object streams), %d bytes sealed%n",
				pdf.length, sealed.length);
		System.out.printf("seal key: %s %s%n", city.pki().sealKey().certificate().getPublicKey().getAlgorithm(),
				city.pki().sealKey().signatureAlgorithm());

		byte[] data = new byte[32];
		new SecureRandom().nextBytes(data);
		rate("raw SHA256withECDSA signatures", threads, warmup, seconds, () -> {
			Signature s = Signature.getInstance("SHA256withECDSA");
			s.initSign(city.pki().sealKey().privateKey());
			s.update(data);
			s.sign();
		});
		TimestampClient tsa = TimestampClient.inProcess(city.tsa());
		rate("in-process TSA tokens (request, token, reply checks)", threads, warmup, seconds, () -> tsa.timestamp(data));
		rate("seals (PadesSigner.sign, 2-page PDF)", threads, warmup, seconds,
				() -> city.signer().sign(pdf, SealFixture.DETAILS));

		PdfSignatureCheck check = city.check();
		for (int i = 0; i < Math.min(500, checks); i++) {
			expectValid(check.check(sealed));
		}
		long[] nanos = new long[checks];
		for (int i = 0; i < checks; i++) {
			long start = System.nanoTime();
			expectValid(check.check(sealed));
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		System.out.printf("PdfSignatureCheck.check, 1 thread, %d runs: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", checks,
				nanos[checks / 2] / 1e6, nanos[(int) (checks * 0.99)] / 1e6, nanos[checks - 1] / 1e6);
		rate("checks (PdfSignatureCheck.check)", threads, warmup, seconds, () -> expectValid(check.check(sealed)));
	}

	private static void expectValid(PdfSignatureReport report) {
		if (!report.valid()) {
			throw new IllegalStateException(report.verdict() + ": " + report.detail());
		}
	}

	interface Work {
		void run() throws Exception;
	}

	private static void rate(String name, int threads, int warmup, int seconds, Work work) throws Exception {
		run(threads, warmup, work);
		long count = run(threads, seconds, work);
		System.out.printf("%s, %d threads, %d s: %.0f /s%n", name, threads, seconds, count / (double) seconds);
	}

	private static long run(int threads, int seconds, Work work) throws Exception {
		AtomicBoolean stop = new AtomicBoolean();
		AtomicLong count = new AtomicLong();
		List<Thread> workers = new ArrayList<>();
		AtomicLong failures = new AtomicLong();
		for (int t = 0; t < threads; t++) {
			Thread thread = new Thread(() -> {
				while (!stop.get()) {
					try {
						work.run();
						count.incrementAndGet();
					}
					catch (Exception ex) {
						if (failures.getAndIncrement() == 0) {
							ex.printStackTrace();
						}
					}
				}
			});
			workers.add(thread);
			thread.start();
		}
		Thread.sleep(seconds * 1000L);
		stop.set(true);
		for (Thread thread : workers) {
			thread.join();
		}
		if (failures.get() > 0) {
			throw new IllegalStateException(failures.get() + " failures");
		}
		return count.get();
	}

	private SigningBench() {
	}
}
