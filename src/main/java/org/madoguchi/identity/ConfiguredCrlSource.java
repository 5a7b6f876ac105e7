package org.madoguchi.identity;

import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.security.auth.x500.X500Principal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRLs of the configuration: a directory (reread on each refresh) and/or HTTP(S) URLs, the newest CRL per
 * issuer winning. A directory that cannot be read keeps what was loaded before, like a failed download.
 */
final class ConfiguredCrlSource implements CrlSource, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ConfiguredCrlSource.class);

	private final Path directory;

	private final long maxFileBytes;

	private final HttpCrlSource http;

	private volatile InMemoryCrlSource fromDirectory = new InMemoryCrlSource();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "crl-refresh");
		thread.setDaemon(true);
		return thread;
	});

	ConfiguredCrlSource(Path directory, long maxFileBytes, HttpCrlSource http) {
		this.directory = directory;
		this.maxFileBytes = maxFileBytes;
		this.http = http;
	}

	/** Loads now (so that the first requests find CRLs), then every {@code interval}. */
	void start(Duration interval) {
		refresh();
		scheduler.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	void refresh() {
		if (directory != null) {
			try {
				fromDirectory = InMemoryCrlSource.fromDirectory(directory, maxFileBytes);
			}
			catch (RuntimeException ex) {
				log.warn("CRL directory {} could not be read, keeping the CRLs loaded before: {}", directory,
						ex.getMessage());
			}
		}
		if (http != null) {
			http.refresh();
		}
	}

	@Override
	public Optional<X509CRL> latest(X500Principal issuer) {
		Optional<X509CRL> local = fromDirectory.latest(issuer);
		Optional<X509CRL> remote = http == null ? Optional.empty() : http.latest(issuer);
		if (local.isEmpty()) {
			return remote;
		}
		if (remote.isEmpty()) {
			return local;
		}
		return remote.get().getThisUpdate().after(local.get().getThisUpdate()) ? remote : local;
	}

	@Override
	public void close() {
		scheduler.shutdownNow();
		if (http != null) {
			http.close();
		}
	}
}
