package org.madoguchi.staff;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.madoguchi.platform.InvalidInputException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Account tools for production, where there are no demo accounts:
 * {@code bin/madoguchi add-staff --username U --name N --roles ADMIN[,AUDITOR]} (password from
 * {@code MADOGUCHI_NEW_PASSWORD} or standard input, at least 12 characters) and
 * {@code bin/madoguchi issue-token --username U --label L [--days 90]}; and for API clients (linked systems,
 * partner services) {@code bin/madoguchi add-client --id ID --name N --scopes "a b" [--roles LINKAGE]} (prints
 * the generated client secret once) and {@code bin/madoguchi issue-key --client ID --scopes "a b" [--days N]
 * [--label L]} (prints the API key once).
 */
@Component
@ConditionalOnExpression("'${madoguchi.tool:}' == 'add-staff' or '${madoguchi.tool:}' == 'issue-token' "
		+ "or '${madoguchi.tool:}' == 'add-client' or '${madoguchi.tool:}' == 'issue-key'")
class StaffTools implements ApplicationRunner {

	static final int MIN_PASSWORD = 12;

	private final StaffAccounts accounts;
	private final PasswordEncoder encoder;
	private final ApiTokens tokens;
	private final ApiClients clients;
	private final MessageSource messages;
	private final Environment environment;

	StaffTools(StaffAccounts accounts, PasswordEncoder encoder, ApiTokens tokens, ApiClients clients,
			MessageSource messages, Environment environment) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.tokens = tokens;
		this.clients = clients;
		this.messages = messages;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (!args.getNonOptionArgs().isEmpty()) {
			throw new IllegalArgumentException("unexpected arguments " + args.getNonOptionArgs() + " (write options as --name=value)");
		}
		String tool = environment.getProperty("madoguchi.tool");
		if ("add-client".equals(tool) || "issue-key".equals(tool)) {
			try {
				if ("add-client".equals(tool)) {
					addClient(args);
				}
				else {
					issueKey(args);
				}
			}
			catch (InvalidInputException e) {
				throw new IllegalArgumentException(e.errors().stream()
					.map(fe -> "--" + option(fe.field()) + ": " + messages.getMessage(fe.code(), fe.args(), fe.code(), Locale.ENGLISH))
					.collect(Collectors.joining("; ")));
			}
			return;
		}
		String username = required(args, "username");
		if ("issue-token".equals(tool)) {
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
		if (clients.find(username).isPresent()) {
			throw new IllegalArgumentException(username + " is the id of an API client; choose another user name");
		}
		accounts.create(username, option(args, "name", username), encoder.encode(password), roles, false);
		System.out.println("Created staff account " + username + " with roles " + roles);
	}

	private void addClient(ApplicationArguments args) {
		Set<ApiScope> scopes = ApiScope.parse(required(args, "scopes"));
		Set<StaffRole> roles = StaffRole.parse(option(args, "roles", ""));
		ApiClients.Created created = clients.create(required(args, "id"), required(args, "name"), scopes, roles, actor(),
				false, null);
		System.err.println("Created API client " + created.client().clientId() + " with scopes \""
				+ ApiScope.format(scopes) + "\" and roles " + roles + ". Its client secret (shown only now):");
		System.out.println(created.secret());
	}

	private void issueKey(ApplicationArguments args) {
		String client = required(args, "client");
		Set<ApiScope> scopes = ApiScope.parse(required(args, "scopes"));
		String days = option(args, "days", null);
		Integer d;
		try {
			d = days == null ? null : Integer.valueOf(days.strip());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("--days must be a whole number of days");
		}
		if (clients.find(client).isEmpty()) {
			throw new IllegalArgumentException("no API client " + client);
		}
		String key = clients.issueKey(client, option(args, "label", "cli"), scopes, d, actor());
		System.err.println("API key for " + client + " with scopes \"" + ApiScope.format(scopes) + "\""
				+ (d == null ? ", no expiry" : ", valid " + d + " days") + " (shown only now):");
		System.out.println(key);
	}

	/** Who ran the tool, for created_by and the access log. */
	private static String actor() {
		return "cli:" + System.getProperty("user.name", "unknown");
	}

	/** The command-line option a form field is typed as. */
	private static String option(String field) {
		return switch (field) {
			case "clientId" -> "id";
			default -> field;
		};
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
