package org.madoguchi.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs} (browsable at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI madoguchiOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Madoguchi API").version("v1")
				.description("Resident register (住民記録) and linkage API. Authenticate with a bearer token "
						+ "(Authorization: Bearer mdg_…). Send X-Access-Purpose to record why you read resident data. "
						+ "Errors are application/problem+json with a list of field errors.")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("mdg token")));
	}
}
