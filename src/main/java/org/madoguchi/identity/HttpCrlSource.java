package org.madoguchi.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CRL;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.security.auth.x500.X500Principal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CRLs (失効情報) fetched over HTTP(S) from configured URLs and refreshed on a schedule. Each URL keeps its last
 * good CRL: a failed fetch (server down, bad status, too large, unparsable) leaves it in place, so the verifier
 * keeps working until that CRL's nextUpdate and then fails closed with STALE_CRL. An offered CRL older than the
 * held one (by thisUpdate) is ignored, so a replayed old CRL cannot hide a revocation.
 *
 * <p>Conditional requests (ETag / Last-Modified) avoid downloading an unchanged CRL again.
 */
public final class HttpCrlSource implements CrlSource, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(HttpCrlSource.class);

	/** How one URL's refresh went. */
	public enum Status {
		UPDATED, NOT_MODIFIED, KEPT_NEWER, FAILED
	}

	/** Outcome of one URL in one refresh. */
	public record Outcome(URI url, Status status, String detail) {
	}

	/** What is held for one URL. */
	private record Held(List<X509CRL> crls, String etag, String lastModified) {
	}

	private final List<URI> urls;

	private final HttpClient client;

	private final Duration requestTimeout;

	private final long maxBytes;

	private final Map<URI, Held> held = new ConcurrentHashMap<>();

	/** Newest CRL per issuer over all URLs, rebuilt after each change so that look-ups cost one map get. */
	private volatile Map<X500Principal, X509CRL> newest = Map.of();

	private ScheduledExecutorService scheduler;

	/**
	 * @param urls           http or https URLs, each serving one CRL (DER or PEM)
	 * @param connectTimeout TCP/TLS connect timeout
	 * @param requestTimeout time limit for a whole response
	 * @param maxBytes       larger responses are refused
	 */
	public HttpCrlSource(Collection<URI> urls, Duration connectTimeout, Duration requestTimeout, long maxBytes) {
		for (URI url : urls) {
			String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
			if (!scheme.equals("http") && !scheme.equals("https")) {
				throw new IllegalArgumentException("CRL URL must be http or https: " + url);
			}
		}
		if (maxBytes <= 0) {
			throw new IllegalArgumentException("maxBytes must be positive");
		}
		this.urls = List.copyOf(urls);
		this.client = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		this.requestTimeout = requestTimeout;
		this.maxBytes = maxBytes;
	}

	@Override
	public Optional<X509CRL> latest(X500Principal issuer) {
		return Optional.ofNullable(newest.get(issuer));
	}

	/** Fetches every URL once now; never throws (failures are reported and logged). */
	public synchronized List<Outcome> refresh() {
		List<Outcome> outcomes = new ArrayList<>();
		for (URI url : urls) {
			Outcome outcome;
			try {
				outcome = fetch(url);
			}
			catch (IOException | RuntimeException ex) {
				outcome = new Outcome(url, Status.FAILED, ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				outcome = new Outcome(url, Status.FAILED, "interrupted");
			}
			if (outcome.status() == Status.FAILED) {
				log.warn("CRL fetch from {} failed, keeping the last good CRL: {}", url, outcome.detail());
			}
			outcomes.add(outcome);
		}
		rebuild();
		return outcomes;
	}

	/** Refreshes now and then every {@code interval} on a daemon thread, until {@link #close()}. */
	public synchronized void start(Duration interval) {
		if (scheduler != null) {
			throw new IllegalStateException("already started");
		}
		scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "crl-refresh");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void close() {
		if (scheduler != null) {
			scheduler.shutdownNow();
		}
	}

	private Outcome fetch(URI url) throws IOException, InterruptedException {
		Held before = held.get(url);
		HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(requestTimeout).GET();
		if (before != null && before.etag() != null) {
			request.header("If-None-Match", before.etag());
		}
		if (before != null && before.lastModified() != null) {
			request.header("If-Modified-Since", before.lastModified());
		}
		HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = response.body()) {
			if (response.statusCode() == 304 && before != null) {
				return new Outcome(url, Status.NOT_MODIFIED, "304");
			}
			if (response.statusCode() != 200) {
				return new Outcome(url, Status.FAILED, "HTTP status " + response.statusCode());
			}
			long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
			if (declared > maxBytes) {
				return new Outcome(url, Status.FAILED, "declared " + declared + " bytes, limit " + maxBytes);
			}
			// Content-Length may be absent or wrong: read at most one byte past the limit.
			byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
			if (bytes.length > maxBytes) {
				return new Outcome(url, Status.FAILED, "more than " + maxBytes + " bytes");
			}
			List<X509CRL> crls = parse(bytes);
			if (before != null && !newer(crls, before.crls())) {
				return new Outcome(url, Status.KEPT_NEWER, "offered CRL is older than the held one");
			}
			held.put(url, new Held(crls, response.headers().firstValue("ETag").orElse(null),
					response.headers().firstValue("Last-Modified").orElse(null)));
			return new Outcome(url, Status.UPDATED, crls.size() + " CRL(s)");
		}
		catch (CRLException | CertificateException ex) {
			return new Outcome(url, Status.FAILED, "not a CRL: " + ex.getMessage());
		}
	}

	private static List<X509CRL> parse(byte[] bytes) throws CertificateException, CRLException {
		Collection<? extends CRL> parsed = CertificateFactory.getInstance("X.509")
			.generateCRLs(new ByteArrayInputStream(bytes));
		if (parsed.isEmpty()) {
			throw new CRLException("no CRL in the response");
		}
		return parsed.stream().map(X509CRL.class::cast).toList();
	}

	/** True unless some issuer's offered CRL is older than what is held for it. */
	private static boolean newer(List<X509CRL> offered, List<X509CRL> current) {
		for (X509CRL crl : offered) {
			for (X509CRL old : current) {
				if (old.getIssuerX500Principal().equals(crl.getIssuerX500Principal())
						&& crl.getThisUpdate().before(old.getThisUpdate())) {
					return false;
				}
			}
		}
		return true;
	}

	private void rebuild() {
		Map<X500Principal, X509CRL> map = new HashMap<>();
		for (Held h : held.values()) {
			for (X509CRL crl : h.crls()) {
				map.merge(crl.getIssuerX500Principal(), crl,
						(a, b) -> b.getThisUpdate().after(a.getThisUpdate()) ? b : a);
			}
		}
		newest = Map.copyOf(map);
	}
}
