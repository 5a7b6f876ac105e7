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

	/**
	 * Tools run without the web server: {@code generate-city}, {@code add-staff}, {@code issue-token},
	 * {@code add-client}, {@code issue-key}, {@code ledger} ({@code ledger verify}).
	 */
	static final java.util.Set<String> TOOLS = java.util.Set.of("generate-city", "add-staff", "issue-token", "add-client",
			"issue-key", "ledger");

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && "faq-eval".equals(args[0])) {
			// offline FAQ retrieval evaluation: no Spring context, no database
			org.madoguchi.assistant.FaqEval.main(java.util.Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		if (args.length > 0 && ("test-pki".equals(args[0]) || "virtual-card".equals(args[0]))) {
			// development-only test PKI and virtual My Number Card: no Spring context, no database
			org.madoguchi.identity.IdentityTools.main(args);
			return;
		}
		if (args.length > 1 && "ledger".equals(args[0]) && "keygen".equals(args[1])) {
			// the transparency log's production keys: no Spring context, no database
			org.madoguchi.ledger.LedgerKeygen.main(java.util.Arrays.copyOfRange(args, 2, args.length));
			return;
		}
		if (args.length > 0 && TOOLS.contains(args[0])) {
			String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
			var context = new org.springframework.boot.builder.SpringApplicationBuilder(MadoguchiApplication.class)
				.web(org.springframework.boot.WebApplicationType.NONE)
				.properties("madoguchi.tool=" + args[0], "logging.level.root=WARN")
				.run(rest);
			System.exit(SpringApplication.exit(context));
		}
		SpringApplication.run(MadoguchiApplication.class, args);
	}
}
