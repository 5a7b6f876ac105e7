package org.madoguchi.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the register.
 *
 * @param myNumberKey Base64 of 32 random bytes; encrypts 個人番号 at rest. From the environment
 *        ({@code MADOGUCHI_REGISTER_MY_NUMBER_KEY}) in production.
 * @param cityName the municipality's name as printed in addresses (e.g. 千葉県東雲野市)
 */
@ConfigurationProperties("madoguchi.register")
public record RegisterProperties(String myNumberKey, String cityName) {

	/** The key that start-dev and the tests use; production refuses to start with it. */
	public static final String DEVELOPMENT_KEY = "ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcHJvZC11c2U=";

	public RegisterProperties {
		if (cityName == null || cityName.isBlank()) {
			cityName = "千葉県東雲野市";
		}
	}
}
