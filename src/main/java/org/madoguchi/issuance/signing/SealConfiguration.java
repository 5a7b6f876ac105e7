package org.madoguchi.issuance.signing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Wires the seal from {@code madoguchi.issuance.*}. With {@code madoguchi.issuance.dev-directory} (start-dev, tests)
 * the development city PKI stands in for whatever is not configured: key, trust anchor, CRL and — without a TSA URL —
 * the built-in TSA, called in process. Key and trust material are loaded on first use (production checks them at
 * start-up in {@link SealProductionGuard}), so a node that never seals never touches the HSM.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SealProperties.class)
class SealConfiguration {

	/** A PEM file of root certificates is small; anything larger is the wrong file. */
	static final long MAX_PEM_BYTES = 1024 * 1024;

	@Bean
	@ConditionalOnProperty("madoguchi.issuance.dev-directory")
	DevIssuingPki devIssuingPki(SealProperties properties) {
		return DevIssuingPki.ensure(Path.of(properties.devDirectory()));
	}

	@Bean
	@ConditionalOnProperty("madoguchi.issuance.dev-directory")
	DevTimestampAuthority devTimestampAuthority(DevIssuingPki pki) {
		return new DevTimestampAuthority(pki.tsaKey(), Clock.systemUTC());
	}

	/** The development CRL lives a week; a server running longer republishes it. */
	@Bean
	@ConditionalOnProperty("madoguchi.issuance.dev-directory")
	DevCrlPublisher devCrlPublisher(DevIssuingPki pki) {
		return new DevCrlPublisher(pki);
	}

	static final class DevCrlPublisher {

		private final DevIssuingPki pki;

		DevCrlPublisher(DevIssuingPki pki) {
			this.pki = pki;
		}

		@Scheduled(fixedDelayString = "PT12H", initialDelayString = "PT12H")
		void republish() {
			DevIssuingPki.ensure(pki.directory());
		}
	}

	@Bean
	IssuingKey issuingKey(SealProperties properties, Optional<DevIssuingPki> dev) {
		return new LazyIssuingKey(() -> loadKey(properties, dev));
	}

	@Bean
	SealTrust sealTrust(SealProperties properties, Optional<DevIssuingPki> dev) {
		Supplier<List<X509Certificate>> anchors = memoize(() -> {
			if (SealProperties.notBlank(properties.trustAnchor())) {
				return readCertificates(Path.of(properties.trustAnchor()));
			}
			return List.of(dev.orElseThrow(() -> new IllegalStateException(
					"madoguchi.issuance.trust-anchor is not set: no seal can be checked")).root());
		});
		Supplier<List<X509Certificate>> tsaAnchors = memoize(() -> SealProperties.notBlank(properties.tsaTrustAnchor())
				? readCertificates(Path.of(properties.tsaTrustAnchor())) : anchors.get());
		List<String> locations = new ArrayList<>(properties.crl());
		if (locations.isEmpty() && dev.isPresent()) {
			locations.add(dev.get().crlFile().toString());
		}
		CrlLocations crls = new CrlLocations(locations, properties.crlRefresh(), Clock.systemUTC());
		return new SealTrust() {
			@Override
			public List<X509Certificate> anchors() {
				return anchors.get();
			}

			@Override
			public List<X509Certificate> tsaAnchors() {
				return tsaAnchors.get();
			}

			@Override
			public List<X509CRL> crls() {
				return crls.get();
			}
		};
	}

	@Bean
	TimestampClient timestampClient(SealProperties properties, Optional<DevTimestampAuthority> dev) {
		if (SealProperties.notBlank(properties.tsaUrl())) {
			return new HttpTimestampClient(URI.create(properties.tsaUrl()), properties.tsaTimeout());
		}
		if (dev.isPresent()) {
			return TimestampClient.inProcess(dev.get());
		}
		return digest -> {
			throw new TimestampException("madoguchi.issuance.tsa-url is not set: documents cannot be time-stamped");
		};
	}

	@Bean
	PadesSigner padesSigner(IssuingKey issuingKey, TimestampClient timestampClient) {
		return new PadesSigner(issuingKey, timestampClient, Clock.systemUTC());
	}

	@Bean
	PdfSignatureCheck pdfSignatureCheck(SealTrust sealTrust) {
		return new PdfSignatureCheck(sealTrust, Clock.systemUTC());
	}

	/** The development TSA takes DER posts from any client (RFC 3161 has no cookies, hence no CSRF token). */
	@Bean
	@Order(0)
	@ConditionalOnWebApplication
	@ConditionalOnProperty("madoguchi.issuance.dev-directory")
	SecurityFilterChain devTsaSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher(DevTsaController.PATH)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable())
			.requestCache(c -> c.disable())
			.logout(l -> l.disable())
			.anonymous(a -> a.disable())
			.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, DevTsaController.PATH).permitAll()
				.anyRequest().denyAll())
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	static IssuingKey loadKey(SealProperties properties, Optional<DevIssuingPki> dev) {
		SealProperties.Key key = properties.key();
		if (!key.configured()) {
			return dev.<IssuingKey>map(DevIssuingPki::sealKey)
				.orElseThrow(() -> new IllegalStateException("the seal key is not configured (madoguchi.issuance.key.*)"));
		}
		if ("pkcs11".equals(key.type())) {
			SealProperties.Pkcs11 p = key.pkcs11();
			List<X509Certificate> cas = SealProperties.notBlank(properties.trustAnchor())
					? readCertificates(Path.of(properties.trustAnchor())) : List.of();
			return Pkcs11IssuingKey.load(new Pkcs11IssuingKey.Settings(p.library(), p.slot(), p.slotListIndex(),
					p.alias(), p.pin() == null ? new char[0] : p.pin().toCharArray()), cas);
		}
		if (!"pkcs12".equals(key.type())) {
			throw new IllegalStateException("madoguchi.issuance.key.type must be pkcs12 or pkcs11, not " + key.type());
		}
		return Pkcs12IssuingKey.load(Path.of(key.path()),
				key.password() == null ? new char[0] : key.password().toCharArray(), key.alias());
	}

	/** Every certificate in a PEM (or DER) file. */
	static List<X509Certificate> readCertificates(Path file) {
		try {
			if (Files.size(file) > MAX_PEM_BYTES) {
				throw new IllegalArgumentException(file + " is larger than " + MAX_PEM_BYTES + " bytes");
			}
			try (InputStream in = Files.newInputStream(file)) {
				List<X509Certificate> certificates = new ArrayList<>();
				for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
					certificates.add((X509Certificate) c);
				}
				if (certificates.isEmpty()) {
					throw new IllegalArgumentException(file + " holds no certificate");
				}
				return List.copyOf(certificates);
			}
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
		catch (java.security.cert.CertificateException ex) {
			throw new IllegalArgumentException(file + " is not a certificate file: " + ex.getMessage(), ex);
		}
	}

	static <T> Supplier<T> memoize(Supplier<T> supplier) {
		return new Supplier<>() {
			private volatile T value;

			@Override
			public T get() {
				T v = value;
				if (v == null) {
					synchronized (this) {
						if (value == null) {
							value = supplier.get();
						}
						v = value;
					}
				}
				return v;
			}
		};
	}

	/** Loads the key on first use. */
	static final class LazyIssuingKey implements IssuingKey {

		private final Supplier<IssuingKey> key;

		LazyIssuingKey(Supplier<IssuingKey> loader) {
			this.key = memoize(loader);
		}

		@Override
		public java.security.PrivateKey privateKey() {
			return key.get().privateKey();
		}

		@Override
		public List<X509Certificate> chain() {
			return key.get().chain();
		}

		@Override
		public java.security.Provider provider() {
			return key.get().provider();
		}
	}
}
