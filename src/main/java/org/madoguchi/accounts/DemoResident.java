package org.madoguchi.accounts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.ResidentRecord;
import org.madoguchi.registry.ResidentRegister;
import org.madoguchi.registry.ResidentSearch;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * start-dev only (profile {@code dev}): a verified demo resident {@value #EMAIL} / {@value #PASSWORD},
 * flagged as demo (production refuses to start while one exists, see {@link DemoResidentGuard}).
 * Runs after the demo city is seeded ({@code DevCitySeeder}, order 10) and links the account to the
 * 世帯主 with the smallest 宛名番号 among the first {@value #SCAN} numbers who still lives in the
 * city, taking over that person's name, birth date and address, so that forms can be tried with
 * household data. With no such person the account stays unlinked.
 */
@Component
@Profile("dev")
@Order(20)
class DemoResident implements ApplicationRunner {

	static final String EMAIL = "demo@example.jp";
	static final String PASSWORD = "jumin-demo-2026";
	static final int SCAN = 200;

	private final AccountRepository accounts;
	private final ResidentRegister register;
	private final ResidentPasswords passwords;
	private final Clock clock;
	private final String tool;

	DemoResident(AccountRepository accounts, ResidentRegister register, ResidentPasswords passwords, Clock clock,
			@Value("${madoguchi.tool:}") String tool) {
		this.accounts = accounts;
		this.register = register;
		this.passwords = passwords;
		this.clock = clock;
		this.tool = tool;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!tool.isEmpty() || accounts.findByEmail(EMAIL).isPresent()) {
			return; // command-line tools need no portal account; an existing demo resident is kept as it is
		}
		Optional<ResidentRecord> head = firstLivingHead();
		ResidentProfile profile = head.map(DemoResident::profileOf)
			.orElse(new ResidentProfile("東雲 花子", "シノノメ\u3000ハナコ", LocalDate.of(1985, 4, 1), "043-000-0000", "260-0000",
					"千葉県東雲野市中央一丁目1番1号", null, "ja"));
		UUID id = UUID.randomUUID();
		var now = clock.instant();
		accounts.insert(id, EMAIL, passwords.hash(PASSWORD), profile, now, true, now);
		head.ifPresent(h -> accounts.link(id, h.atenaNumber().value(), "system", "DEMO", null, now));
		System.out.printf("Demo resident for the portal: %s / %s%s%n", EMAIL, PASSWORD,
				head.map(h -> " (linked to 宛名番号 " + h.atenaNumber().value() + ")").orElse(""));
	}

	/** Looks the numbers up one by one through the register's search (each look-up is logged, as wanted). */
	private Optional<ResidentRecord> firstLivingHead() {
		for (long serial = 1; serial <= SCAN; serial++) {
			String atena = AtenaNumber.ofSerial(serial).value();
			var found = register.search(new ResidentSearch(atena, null, null, null, null, false, 1, 0));
			if (!found.isEmpty() && found.get(0).isHead() && found.get(0).isResident()) {
				return Optional.of(found.get(0));
			}
		}
		return Optional.empty();
	}

	private static ResidentProfile profileOf(ResidentRecord r) {
		LocalDate birth = r.birthDate().toLocalDate().orElse(r.birthDate().earliest());
		String kana = r.name().fullKana().isBlank() ? "デモ" : r.name().fullKana();
		String postal = r.address().postalCode() == null ? "260-0000" : r.address().postalCode();
		String building = r.address().katagaki() == null || r.address().katagaki().isBlank() ? null
				: r.address().katagaki();
		return new ResidentProfile(r.name().full(), kana, birth, "043-000-0000", postal, r.address().text(), building, "ja");
	}
}
