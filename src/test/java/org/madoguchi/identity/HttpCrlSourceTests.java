package org.madoguchi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.madoguchi.identity.HttpCrlSource.Outcome;
import org.madoguchi.identity.HttpCrlSource.Status;
import org.madoguchi.identity.SignatureReport.Reason;
import org.madoguchi.identity.TestPki.Authority;

/** {@link HttpCrlSource} against a real local HTTP server serving CRLs of a {@link TestPki}. */
class HttpCrlSourceTests {

	static final byte[] CONTENT = Jcs.canonicalize(Map.of("procedure", "転入届"));

	TestPki pki;

	TestPki.Credential resident;

	HttpServer server;

	/** What the server answers for /signing.crl and /root.crl. */
	final AtomicReference<byte[]> signingCrl = new AtomicReference<>();

	final AtomicReference<byte[]> rootCrl = new AtomicReference<>();

	final AtomicInteger fullResponses = new AtomicInteger();

	HttpCrlSource source;

	@BeforeEach
	void serve() throws IOException {
		pki = TestPki.create();
		resident = pki.issueSigning(new BasicFourInfo("東雲 花子", "東雲野市本町一丁目2番3号", LocalDate.of(1990, 4, 1), "女"));
		signingCrl.set(TestPki.der(pki.crl(Authority.SIGNING)));
		rootCrl.set(TestPki.der(pki.crl(Authority.ROOT)));
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/signing.crl", exchange -> answer(exchange, signingCrl.get()));
		server.createContext("/root.crl", exchange -> answer(exchange, rootCrl.get()));
		server.start();
		source = new HttpCrlSource(List.of(url("/signing.crl"), url("/root.crl")), Duration.ofSeconds(2),
				Duration.ofSeconds(5), 4096);
	}

	/** Answers with an ETag of the body's hash, and 304 when the client already has it. */
	private void answer(com.sun.net.httpserver.HttpExchange exchange, byte[] body) throws IOException {
		String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
		if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
			exchange.sendResponseHeaders(304, -1);
			exchange.close();
			return;
		}
		fullResponses.incrementAndGet();
		exchange.getResponseHeaders().set("ETag", etag);
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
	}

	@AfterEach
	void stop() {
		source.close();
		server.stop(0);
	}

	private SignatureVerifier verifier(Clock clock) {
		return new SignatureVerifier(List.of(pki.root()), List.of(pki.certificate(Authority.SIGNING)), source, clock);
	}

	private SignatureReport verify(Clock clock) {
		return verifier(clock).verify(CONTENT, TestSigner.sign(CONTENT, resident, null));
	}

	@Test
	void freshCrlThenRevocationAfterRefresh() {
		assertThat(verify(Clock.systemUTC()).reason()).isEqualTo(Reason.REVOCATION_UNKNOWN);

		assertThat(source.refresh()).extracting(Outcome::status).containsOnly(Status.UPDATED);
		assertThat(verify(Clock.systemUTC()).valid()).isTrue();

		pki.revoke(resident.certificate());
		signingCrl.set(TestPki.der(pki.crl(Authority.SIGNING, Instant.now().plusMillis(1), Instant.now().plusSeconds(3600))));
		assertThat(source.refresh()).extracting(Outcome::status).containsExactly(Status.UPDATED, Status.NOT_MODIFIED);
		assertThat(verify(Clock.systemUTC()).reason()).isEqualTo(Reason.REVOKED);
	}

	@Test
	void unchangedCrlIsNotDownloadedAgain() {
		source.refresh();
		int before = fullResponses.get();
		assertThat(source.refresh()).extracting(Outcome::status).containsOnly(Status.NOT_MODIFIED);
		assertThat(fullResponses.get()).isEqualTo(before);
	}

	@Test
	void serverDownKeepsTheOldCrlUntilItsNextUpdateThenFailsClosed() {
		source.refresh();
		server.stop(0);

		assertThat(source.refresh()).extracting(Outcome::status).containsOnly(Status.FAILED);
		assertThat(verify(Clock.systemUTC()).valid()).isTrue();

		// TestPki CRLs are due in a day: two days later, with the server still down, nothing is trusted.
		Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(2)), ZoneOffset.UTC);
		assertThat(verify(later).reason()).isEqualTo(Reason.STALE_CRL);
	}

	@Test
	void oversizedResponseIsRefusedAndTheOldCrlKept() {
		source.refresh();
		javax.security.auth.x500.X500Principal ca = pki.certificate(Authority.SIGNING).getSubjectX500Principal();
		java.security.cert.X509CRL kept = source.latest(ca).orElseThrow();
		signingCrl.set(new byte[5000]);

		List<Outcome> outcomes = source.refresh();
		assertThat(outcomes.get(0).status()).isEqualTo(Status.FAILED);
		assertThat(outcomes.get(0).detail()).contains("4096");
		assertThat(source.latest(ca)).containsSame(kept);
	}

	@Test
	void garbageAndErrorsAreFailuresNotExceptions() {
		signingCrl.set("not a crl".getBytes());
		assertThat(source.refresh().get(0).status()).isEqualTo(Status.FAILED);
		server.removeContext("/root.crl");
		assertThat(source.refresh().get(1)).satisfies(o -> {
			assertThat(o.status()).isEqualTo(Status.FAILED);
			assertThat(o.detail()).contains("404");
		});
	}

	@Test
	void anOlderCrlDoesNotReplaceANewerOne() {
		byte[] old = TestPki.der(pki.crl(Authority.SIGNING, Instant.now().minusSeconds(600), Instant.now().plusSeconds(3600)));
		source.refresh();
		signingCrl.set(old);
		assertThat(source.refresh().get(0).status()).isEqualTo(Status.KEPT_NEWER);
	}

	@Test
	void onlyHttpUrls() {
		assertThatThrownBy(() -> new HttpCrlSource(List.of(URI.create("file:///etc/passwd")), Duration.ofSeconds(1),
				Duration.ofSeconds(1), 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file:");
	}
}
