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
				.description("Online applications (オンライン申請: the procedure catalog, forms as JSON Schema, idempotent "
						+ "submission, attachments, status, staff decisions, the feed of accepted applications) and the "
						+ "resident register (住民記録). Linked systems authenticate with OAuth2 client credentials "
						+ "(POST /api/oauth2/token, HTTP Basic with the client id and secret) or a scoped API key; staff "
						+ "tools with a personal token. Every call: Authorization: Bearer <token>. Send X-Access-Purpose "
						+ "to record why you read resident data. Errors are application/problem+json with a list of "
						+ "field errors.")
				.license(new License().name("Apache-2.0")))
			.components(new Components()
				.addSecuritySchemes("bearer",
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("mdg token"))
				.addSecuritySchemes("oauth2", new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
					.flows(new io.swagger.v3.oas.models.security.OAuthFlows()
						.clientCredentials(new io.swagger.v3.oas.models.security.OAuthFlow().tokenUrl("/api/oauth2/token")
							.scopes(new io.swagger.v3.oas.models.security.Scopes()
								.addString("procedures:read", "read the procedure catalog and forms")
								.addString("applications:submit", "file applications, upload attachments, answer questions")
								.addString("applications:read", "read the applications this client filed")
								.addString("applications:review", "staff queues and decisions")
								.addString("applications:feed", "the feed of accepted applications and CSV")
								.addString("register:read", "read the resident register")
								.addString("register:write", "record changes (異動)")
								.addString("register:feed", "the register's delta feed and export")
								.addString("audit:read", "the access log"))))))
			.addSecurityItem(new io.swagger.v3.oas.models.security.SecurityRequirement().addList("bearer"))
			.addSecurityItem(new io.swagger.v3.oas.models.security.SecurityRequirement().addList("oauth2"));
	}
}
