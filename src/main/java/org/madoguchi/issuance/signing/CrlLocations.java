package org.madoguchi.issuance.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CRLs from files (read again when the file changes: a cheap stat per check) or http(s) URLs (fetched again after
 * the refresh interval, at most {@link #MAX_CRL_BYTES}). A failed refetch keeps the last good CRL; the check fails
 * closed once that CRL's nextUpdate has passed. Thread-safe.
 */
final class CrlLocations implements Supplier<List<X509CRL>> {

	private static final Logger log = LoggerFactory.getLogger(CrlLocations.class);

	/** A city CA's CRL is small; a few megabytes leave room for many revocations. */
	static final int MAX_CRL_BYTES = 8 * 1024 * 1024;

	private final List<Location> locations;

	CrlLocations(List<String> locations, Duration refresh, Clock clock) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		this.locations = locations.stream()
			.filter(s -> !s.isBlank())
			.map(s -> s.startsWith("http://") || s.startsWith("https://")
					? (Location) new UrlLocation(URI.create(s), http, refresh, clock)
					: new FileLocation(Path.of(s.startsWith("file:") ? URI.create(s).getPath() : s)))
			.toList();
	}

	@Override
	public List<X509CRL> get() {
		List<X509CRL> crls = new ArrayList<>();
		for (Location location : locations) {
			X509CRL crl = location.current();
			if (crl != null) {
				crls.add(crl);
			}
		}
		return crls;
	}

	private interface Location {
		X509CRL current();
	}

	private static final class FileLocation implements Location {

		private final Path file;

		private volatile FileTime seen;

		private volatile X509CRL crl;

		FileLocation(Path file) {
			this.file = file;
		}

		@Override
		public X509CRL current() {
			try {
				FileTime modified = Files.getLastModifiedTime(file);
				if (!modified.equals(seen)) {
					synchronized (this) {
						if (!modified.equals(seen)) {
							if (Files.size(file) > MAX_CRL_BYTES) {
								throw new IOException("larger than " + MAX_CRL_BYTES + " bytes");
							}
							crl = parse(Files.readAllBytes(file));
							seen = modified;
						}
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				log.warn("CRL file {} cannot be read ({}); keeping the last one read", file, ex.getMessage());
			}
			return crl;
		}
	}

	private static final class UrlLocation implements Location {

		private final URI url;

		private final HttpClient http;

		private final Duration refresh;

		private final Clock clock;

		private volatile Instant fetched = Instant.MIN;

		private volatile X509CRL crl;

		UrlLocation(URI url, HttpClient http, Duration refresh, Clock clock) {
			this.url = url;
			this.http = http;
			this.refresh = refresh;
			this.clock = clock;
		}

		@Override
		public X509CRL current() {
			Instant now = clock.instant();
			if (fetched.plus(refresh).isBefore(now)) {
				synchronized (this) {
					if (fetched.plus(refresh).isBefore(now)) {
						fetched = now; // one attempt per interval, also when it fails
						fetch();
					}
				}
			}
			return crl;
		}

		private void fetch() {
			try {
				HttpResponse<InputStream> response = http.send(
						HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET().build(),
						HttpResponse.BodyHandlers.ofInputStream());
				try (InputStream body = response.body()) {
					if (response.statusCode() != 200) {
						throw new IOException("HTTP " + response.statusCode());
					}
					byte[] bytes = body.readNBytes(MAX_CRL_BYTES + 1);
					if (bytes.length > MAX_CRL_BYTES) {
						throw new IOException("larger than " + MAX_CRL_BYTES + " bytes");
					}
					X509CRL fresh = parse(bytes);
					X509CRL held = crl;
					if (held == null || !fresh.getThisUpdate().before(held.getThisUpdate())) {
						crl = fresh; // never go back to an older CRL: a replay must not hide a revocation
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				log.warn("CRL {} cannot be fetched ({}); keeping the last one", url, ex.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** One CRL, DER or PEM. */
	static X509CRL parse(byte[] bytes) {
		try {
			CRL crl = CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(bytes));
			return (X509CRL) crl;
		}
		catch (Exception ex) {
			throw new IllegalArgumentException("not an X.509 CRL: " + ex.getMessage(), ex);
		}
	}
}
