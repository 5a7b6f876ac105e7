package org.madoguchi.staff;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Account tools for production, where there are no demo accounts:
 * {@code bin/madoguchi add-staff --username U --name N --roles ADMIN[,AUDITOR]} (password from
 * {@code MADOGUCHI_NEW_PASSWORD} or standard input, at least 12 characters) and
 * {@code bin/madoguchi issue-token --username U --label L [--days 90]}.
 */
@Component
@ConditionalOnExpression("'${madoguchi.tool:}' == 'add-staff' or '${madoguchi.tool:}' == 'issue-token'")
class StaffTools implements ApplicationRunner {

	static final int MIN_PASSWORD = 12;

	private final StaffAccounts accounts;
	private final PasswordEncoder encoder;
	private final ApiTokens tokens;
	private final Environment environment;

	StaffTools(StaffAccounts accounts, PasswordEncoder encoder, ApiTokens tokens, Environment environment) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.tokens = tokens;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (!args.getNonOptionArgs().isEmpty()) {
			throw new IllegalArgumentException("unexpected arguments " + args.getNonOptionArgs() + " (write options as --name=value)");
		}
		String username = required(args, "username");
		if ("issue-token".equals(environment.getProperty("madoguchi.tool"))) {
			int days = Integer.parseInt(option(args, "days", "90"));
			System.out.println(tokens.issue(username, option(args, "label", "cli"), Duration.ofDays(days)));
			return;
		}
		Set<StaffRole> roles = Arrays.stream(required(args, "roles").split(",")).map(String::strip)
				.map(StaffRole::valueOf).collect(Collectors.toSet());
		String password = System.getenv("MADOGUCHI_NEW_PASSWORD");
		if (password == null) {
			System.err.print("Password for " + username + ": ");
			password = new BufferedReader(new InputStreamReader(System.in)).readLine();
		}
		if (password == null || password.length() < MIN_PASSWORD) {
			throw new IllegalArgumentException("the password needs at least " + MIN_PASSWORD + " characters");
		}
		if (accounts.find(username).isPresent()) {
			throw new IllegalArgumentException("account " + username + " exists");
		}
		accounts.create(username, option(args, "name", username), encoder.encode(password), roles, false);
		System.out.println("Created staff account " + username + " with roles " + roles);
	}

	private static String required(ApplicationArguments args, String name) {
		String v = option(args, name, null);
		if (v == null || v.isBlank()) {
			throw new IllegalArgumentException("--" + name + " is required");
		}
		return v;
	}

	private static String option(ApplicationArguments args, String name, String fallback) {
		var values = args.getOptionValues(name);
		return values == null || values.isEmpty() ? fallback : values.get(0);
	}
}
