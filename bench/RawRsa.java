// Raw limit for docs/benchmarks.md: JCA SHA256withRSA-2048 verifications per second. java bench/RawRsa.java THREADS SECONDS
import java.security.*;
import java.util.concurrent.atomic.*;
public class RawRsa {
  public static void main(String[] a) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA"); g.initialize(2048);
    KeyPair kp = g.generateKeyPair();
    byte[] data = new byte[64];
    Signature s = Signature.getInstance("SHA256withRSA"); s.initSign(kp.getPrivate()); s.update(data);
    byte[] sig = s.sign();
    int threads = Integer.parseInt(a[0]); long seconds = Long.parseLong(a[1]);
    LongAdder n = new LongAdder(); AtomicBoolean run = new AtomicBoolean(true); AtomicBoolean count = new AtomicBoolean(false);
    Thread[] ts = new Thread[threads];
    for (int i = 0; i < threads; i++) { ts[i] = new Thread(() -> { try { Signature v = Signature.getInstance("SHA256withRSA");
      while (run.get()) { v.initVerify(kp.getPublic()); v.update(data); if (!v.verify(sig)) throw new IllegalStateException(); if (count.get()) n.increment(); } } catch (Exception e) { throw new RuntimeException(e); } }); ts[i].start(); }
    Thread.sleep(5000); count.set(true); Thread.sleep(seconds * 1000); count.set(false); run.set(false);
    for (Thread t : ts) t.join();
    System.out.printf("JCA SHA256withRSA-2048 verify: %d/s with %d threads%n", n.sum() / seconds, threads);
  }
}
