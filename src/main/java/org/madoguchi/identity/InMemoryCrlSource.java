package org.madoguchi.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import javax.security.auth.x500.X500Principal;

/**
 * CRLs held in memory, filled by code or loaded from a directory of {@code *.crl} / {@code *.der} / {@code *.pem}
 * files (DER or PEM). Keeps the newest CRL per issuer.
 */
public final class InMemoryCrlSource implements CrlSource {

	/** A CRL file larger than this is refused (JPKI CRLs are large but not unbounded). */
	static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

	private final Map<X500Principal, X509CRL> newest = new ConcurrentHashMap<>();

	public InMemoryCrlSource() {
	}

	public InMemoryCrlSource(Collection<X509CRL> crls) {
		crls.forEach(this::add);
	}

	/** Loads every CRL file in the directory (not recursive). */
	public static InMemoryCrlSource fromDirectory(Path directory) {
		return fromDirectory(directory, MAX_FILE_BYTES);
	}

	/** Loads every CRL file in the directory (not recursive), refusing files larger than {@code maxFileBytes}. */
	public static InMemoryCrlSource fromDirectory(Path directory, long maxFileBytes) {
		InMemoryCrlSource source = new InMemoryCrlSource();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter(InMemoryCrlSource::isCrlFile).sorted().toList()) {
				if (Files.size(file) > maxFileBytes) {
					throw new IllegalArgumentException("CRL file " + file + " is larger than " + maxFileBytes);
				}
				try (InputStream in = Files.newInputStream(file)) {
					for (java.security.cert.CRL crl : CertificateFactory.getInstance("X.509").generateCRLs(in)) {
						source.add((X509CRL) crl);
					}
				}
				catch (CertificateException | CRLException ex) {
					throw new IllegalArgumentException("CRL file " + file + " cannot be read: " + ex.getMessage(), ex);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return source;
	}

	private static boolean isCrlFile(Path file) {
		String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
		return Files.isRegularFile(file) && (name.endsWith(".crl") || name.endsWith(".der") || name.endsWith(".pem"));
	}

	/** Adds a CRL; it replaces the held one of the same issuer only when it is newer. */
	public void add(X509CRL crl) {
		newest.merge(crl.getIssuerX500Principal(), crl,
				(held, offered) -> offered.getThisUpdate().after(held.getThisUpdate()) ? offered : held);
	}

	@Override
	public Optional<X509CRL> latest(X500Principal issuer) {
		return Optional.ofNullable(newest.get(issuer));
	}

	/** All held CRLs. */
	public List<X509CRL> all() {
		return List.copyOf(newest.values());
	}
}
