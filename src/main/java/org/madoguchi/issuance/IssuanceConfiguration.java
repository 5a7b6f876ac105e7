package org.madoguchi.issuance;

import java.time.Clock;

import org.madoguchi.issuance.document.CertifiedCopyRenderer;
import org.madoguchi.ledger.LedgerSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IssuanceProperties.class)
class IssuanceConfiguration {

	/** One renderer for the application: it parses the font once and is safe for concurrent use. */
	@Bean
	LedgerSource issuanceSource(IssuedDocuments documents, IssuanceProperties properties) {
		return new IssuanceEntries.DocumentSource(IssuanceEntries.ISSUANCE, documents, properties.cityName());
	}

	@Bean
	LedgerSource revocationSource(IssuedDocuments documents, IssuanceProperties properties) {
		return new IssuanceEntries.DocumentSource(IssuanceEntries.REVOCATION, documents, properties.cityName());
	}

	@Bean
	CertifiedCopyRenderer certifiedCopyRenderer(Clock clock) {
		return new CertifiedCopyRenderer(clock);
	}
}
