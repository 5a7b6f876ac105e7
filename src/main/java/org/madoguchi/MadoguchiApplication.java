package org.madoguchi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Madoguchi (窓口): the city hall that residents never have to visit.
 *
 * <p>Each direct sub-package is an application module (Spring Modulith): {@code registry}
 * (住民記録), {@code audit} (access log), {@code staff} (sign-in and roles), {@code citygen}
 * (synthetic city) and {@code platform} (shared web plumbing).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MadoguchiApplication {

	public static void main(String[] args) {
		SpringApplication.run(MadoguchiApplication.class, args);
	}
}
