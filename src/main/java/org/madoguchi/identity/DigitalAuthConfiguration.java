package org.madoguchi.identity;

import java.time.Clock;

import org.madoguchi.accounts.CardSignIns;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The デジタル認証アプリ relying party; always a bean, switched off when no issuer is configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DigitalAuthProperties.class)
class DigitalAuthConfiguration {

	@Bean
	DigitalAuthApp digitalAuthApp(DigitalAuthProperties settings,
			@Value("${madoguchi.public-url:http://localhost:8080}") String publicUrl, SignerMatching matching,
			CardSignIns cardSignIns, Clock clock) {
		DigitalAuthClient client = settings.enabled() ? new DigitalAuthClient(settings, publicUrl, clock) : null;
		return new DigitalAuthApp(settings, client, new ResidentMatcher(matching), cardSignIns, clock);
	}
}
