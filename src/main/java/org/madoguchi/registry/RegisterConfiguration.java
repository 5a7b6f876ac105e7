package org.madoguchi.registry;

import java.time.Clock;
import java.util.Base64;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegisterConfiguration {

	@Bean
	MyNumberCipher myNumberCipher(RegisterProperties properties) {
		if (properties.myNumberKey() == null || properties.myNumberKey().isBlank()) {
			throw new IllegalStateException("madoguchi.register.my-number-key is not set "
					+ "(MADOGUCHI_REGISTER_MY_NUMBER_KEY: Base64 of 32 random bytes, e.g. `openssl rand -base64 32`)");
		}
		return new MyNumberCipher(Base64.getDecoder().decode(properties.myNumberKey().strip()));
	}

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemDefaultZone();
	}
}
