package org.madoguchi.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.madoguchi.registry.RegisterChanges;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Creates the {@link SignatureVerifier} when trust anchors are configured ({@code madoguchi.identity.trust-anchors}).
 * Without them there is no verifier bean, and nothing can be accepted as electronically signed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

	/** Certificate files are small; a larger one is a configuration mistake. */
	static final long MAX_CERTIFICATE_FILE_BYTES = 1024 * 1024;

	/** Development and tests only: the test PKI and virtual cards, created on first start. */
	@Bean
	@ConditionalOnProperty("madoguchi.identity.dev-directory")
	DevIdentity devIdentity(IdentityProperties properties, RegisterChanges changes) {
		DevIdentity dev = new DevIdentity(properties.devDirectory(), changes);
		dev.ensurePki();
		return dev;
	}

	@Bean(destroyMethod = "close")
	@Conditional(TrustAnchorsConfigured.class)
	ConfiguredCrlSource identityCrlSource(IdentityProperties properties, Optional<DevIdentity> dev) {
		HttpCrlSource http = properties.crlUrls().isEmpty() ? null
				: new HttpCrlSource(properties.crlUrls(), properties.connectTimeout(), properties.requestTimeout(),
						properties.maxCrlBytes());
		Path crlDirectory = dev.map(DevIdentity::crlDirectory).orElse(properties.crlDirectory());
		ConfiguredCrlSource source = new ConfiguredCrlSource(crlDirectory, properties.maxCrlBytes(), http);
		source.start(properties.refreshInterval());
		return source;
	}

	@Bean
	@Conditional(TrustAnchorsConfigured.class)
	SignatureVerifier signatureVerifier(IdentityProperties properties, ConfiguredCrlSource identityCrlSource,
			Optional<DevIdentity> dev) {
		List<X509Certificate> anchors = new ArrayList<>(readCertificates(properties.trustAnchors()));
		List<X509Certificate> intermediates = new ArrayList<>(readCertificates(properties.intermediates()));
		dev.ifPresent(d -> {
			anchors.addAll(d.trustAnchors());
			intermediates.addAll(d.intermediates());
		});
		return new SignatureVerifier(anchors, intermediates, identityCrlSource, Clock.systemUTC(),
				properties.maxCrlAge());
	}

	/** Every certificate in the files (PEM with one or more certificates, or DER). */
	static List<X509Certificate> readCertificates(List<Path> files) {
		List<X509Certificate> certificates = new ArrayList<>();
		for (Path file : files) {
			try {
				if (Files.size(file) > MAX_CERTIFICATE_FILE_BYTES) {
					throw new IllegalArgumentException(
							"certificate file " + file + " is larger than " + MAX_CERTIFICATE_FILE_BYTES + " bytes");
				}
				try (InputStream in = Files.newInputStream(file)) {
					for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
						certificates.add((X509Certificate) certificate);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read certificate file " + file, ex);
			}
			catch (CertificateException ex) {
				throw new IllegalArgumentException("certificate file " + file + " cannot be read: " + ex.getMessage(),
						ex);
			}
			if (certificates.isEmpty()) {
				throw new IllegalArgumentException("certificate file " + file + " holds no certificate");
			}
		}
		return certificates;
	}
}
