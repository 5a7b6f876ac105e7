package org.madoguchi.citygen;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongConsumer;

import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.ChangeReason;
import org.madoguchi.registry.HouseholdDraft;
import org.madoguchi.registry.RegisterBulkLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Generates the synthetic city and loads it into the register through the register's bulk loader,
 * in transactions of a few thousand households. About 1 in 1,000 persons gets a 支援措置.
 */
@Service
public class SyntheticCity {

	static final int HOUSEHOLDS_PER_TRANSACTION = 2_000;

	/** What was generated. */
	public record Result(int households, int persons, int protectedPersons, long millis) {
	}

	private final RegisterBulkLoader loader;
	private final JdbcTemplate jdbc;
	private final Clock clock;

	SyntheticCity(RegisterBulkLoader loader, JdbcTemplate jdbc, Clock clock) {
		this.loader = loader;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private static List<HouseholdDraft> take(java.util.concurrent.BlockingQueue<List<HouseholdDraft>> queue) {
		try {
			return queue.take();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		}
	}

	/** True if the register holds no one yet. */
	public boolean registerIsEmpty() {
		Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM resident", Integer.class);
		return n == null || n == 0;
	}

	/** Generates about {@code residents} persons (never fewer) from {@code seed}. */
	public Result generate(int residents, long seed, LongConsumer progress) {
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("citygen", null,
				AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
		try {
			long start = System.nanoTime();
			LocalDate today = LocalDate.now(clock);
			CityGenerator generator = new CityGenerator(NameParts.load(), seed, today);
			Random protection = new Random(seed ^ 0x5eed);
			// generate the next batch on a second thread while this one writes the current batch
			java.util.concurrent.BlockingQueue<List<HouseholdDraft>> ready = new java.util.concurrent.ArrayBlockingQueue<>(2);
			Thread producer = new Thread(() -> {
				try {
					int planned = 0;
					while (planned < residents) {
						List<HouseholdDraft> batch = new ArrayList<>(HOUSEHOLDS_PER_TRANSACTION);
						while (batch.size() < HOUSEHOLDS_PER_TRANSACTION && planned < residents) {
							HouseholdDraft h = generator.nextHousehold();
							batch.add(h);
							planned += h.members().size();
						}
						ready.put(batch);
					}
					ready.put(List.of());
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}, "citygen-generator");
			producer.setDaemon(true);
			producer.start();
			int persons = 0;
			int households = 0;
			int protectedPersons = 0;
			try {
				for (List<HouseholdDraft> batch = take(ready); !batch.isEmpty(); batch = take(ready)) {
					List<AtenaNumber> created = loader.load(batch, ChangeReason.REBUILD, "synthetic city seed " + seed);
					List<AtenaNumber> protect = created.stream().filter(a -> protection.nextInt(1000) == 0).toList();
					if (!protect.isEmpty()) {
						loader.protect(protect, protection.nextBoolean() ? "DV" : "STALKING",
								today.minusDays(protection.nextInt(300)));
					}
					protectedPersons += protect.size();
					persons += created.size();
					households += batch.size();
					progress.accept(persons);
				}
			}
			finally {
				producer.interrupt();
			}
			return new Result(households, persons, protectedPersons, (System.nanoTime() - start) / 1_000_000);
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}
}
