package org.madoguchi.identity;

import java.util.Arrays;
import java.util.Map;

import org.madoguchi.identity.CookieBrowser.Page;

/**
 * Sign-in round trips through the development identity provider against a running application (start-dev), one
 * client after the other, each in a fresh browser (new cookies): the portal's sign-in link → the provider's
 * authorization endpoint → its card page → the 利用者証明用 PIN posted (the virtual card unlocks its key: PBKDF2) →
 * the code → the portal's callback (code exchange, ID token check, userinfo, register match, sign-in) → the portal's
 * start page, signed in. Prints p50/p95/p99 of the whole and of the three legs. Run by bench/digital-auth-bench.sh.
 *
 * <p>Arguments: base URL, 宛名番号 of a resident whose account is linked (the start-dev demo resident), number of
 * measured round trips, number of warm-up round trips.
 */
public final class DigitalAuthSignInBench {

	static final String AUTH_PIN = "4321";

	public static void main(String[] args) {
		String base = args[0];
		String atena = args[1];
		int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 300;
		int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 50;

		CookieBrowser issuer = new CookieBrowser(base);
		Page page = issuer.get(DevIdentityProvider.LOGIN);
		Page issued = issuer.post(DevIdentityProvider.BASE + "/cards",
				Map.of("_csrf", page.csrf(), "atenaNumber", atena, "signPin", "BENCH2026", "authPin", AUTH_PIN));
		if (!issued.body().contains(atena)) {
			throw new IllegalStateException("could not issue a virtual card for " + atena + ":\n" + issued.body());
		}

		long[] total = new long[rounds];
		long[] start = new long[rounds];
		long[] card = new long[rounds];
		long[] back = new long[rounds];
		for (int i = -warmup; i < rounds; i++) {
			CookieBrowser browser = new CookieBrowser(base);
			long t0 = System.nanoTime();
			Page login = browser.follow(browser.get(DigitalAuthController.SIGN_IN_PATH + "?returnTo=/portal"));
			long t1 = System.nanoTime();
			Page answered = browser.post(DevIdentityProvider.LOGIN,
					Map.of("_csrf", login.csrf(), "card", atena, "pin", AUTH_PIN, "action", "authenticate"));
			long t2 = System.nanoTime();
			Page portal = browser.follow(answered);
			long t3 = System.nanoTime();
			if (!portal.uri().getPath().equals("/portal") || portal.status() != 200
					|| !portal.body().contains("dads-header__user")) {
				throw new IllegalStateException("round trip " + i + " did not end signed in at /portal: "
						+ portal.status() + " " + portal.uri() + "\n" + portal.body());
			}
			if (i >= 0) {
				total[i] = t3 - t0;
				start[i] = t1 - t0;
				card[i] = t2 - t1;
				back[i] = t3 - t2;
			}
		}
		System.out.printf("sign-in round trips: %d measured after %d warm-up, 1 client, sequential%n", rounds, warmup);
		print("whole round trip (7 requests)", total);
		print("  start: sign-in link, authorize, card page", start);
		print("  card: PIN posted (virtual card unlock)", card);
		print("  back: authorize, callback, portal page", back);
		print("raw limit: VirtualCard.authenticate in-process", cardAlone(rounds, warmup));
	}

	/**
	 * The floor under the card leg, on the same machine in the same run: a virtual card's PIN check (PBKDF2-HMAC-SHA256,
	 * 100,000 iterations, 512 bits) and challenge signature, without HTTP.
	 */
	static long[] cardAlone(int rounds, int warmup) {
		try {
			java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("bench-card");
			VirtualCard virtualCard = VirtualCard.issue(TestPki.create(), new BasicFourInfo("東雲　花子", "千葉県東雲野市中央一丁目1番1号",
					java.time.LocalDate.of(1985, 4, 1), "女"), "BENCH2026", AUTH_PIN, dir.resolve("card.json"));
			long[] nanos = new long[rounds];
			byte[] challenge = new byte[32];
			for (int i = -warmup; i < rounds; i++) {
				long t0 = System.nanoTime();
				virtualCard.authenticate(challenge, AUTH_PIN);
				if (i >= 0) {
					nanos[i] = System.nanoTime() - t0;
				}
			}
			return nanos;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static void print(String what, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		System.out.printf("%-46s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what, ms(sorted, 0.50),
				ms(sorted, 0.95), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
	}

	static double ms(long[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}
}
